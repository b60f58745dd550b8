-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'reader';

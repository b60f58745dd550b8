-- AlterTable
ALTER TABLE "contacts" ADD COLUMN     "vocative" TEXT;

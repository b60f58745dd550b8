-- AlterTable
ALTER TABLE "sponsorships" ADD COLUMN     "event_id" INTEGER;

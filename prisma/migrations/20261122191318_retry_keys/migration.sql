-- AlterTable
ALTER TABLE "sponsor_benefits" ADD COLUMN     "submission_key" TEXT;

-- AlterTable
ALTER TABLE "event_guests" ADD COLUMN     "submission_key" TEXT;

-- AlterTable
ALTER TABLE "event_gifts" ADD COLUMN     "submission_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "sponsor_benefits_submission_key_key" ON "sponsor_benefits"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "event_guests_submission_key_key" ON "event_guests"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "event_gifts_submission_key_key" ON "event_gifts"("submission_key");

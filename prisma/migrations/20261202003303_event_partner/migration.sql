-- AlterTable
ALTER TABLE "events" ADD COLUMN     "partner_id" INTEGER;

-- CreateIndex
CREATE INDEX "events_partner_id_idx" ON "events"("partner_id");

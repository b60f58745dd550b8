-- AlterTable
ALTER TABLE "network_meetings" ADD COLUMN     "letter_id" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "network_meetings_letter_id_key" ON "network_meetings"("letter_id");

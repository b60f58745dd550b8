-- AlterTable
ALTER TABLE "clippings" ADD COLUMN     "updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdraw_reason" TEXT,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawn_by" TEXT;

-- CreateTable
CREATE TABLE "clipping_changes" (
    "id" SERIAL NOT NULL,
    "clipping_id" INTEGER NOT NULL,
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "field" TEXT NOT NULL,
    "old_value" TEXT,
    "new_value" TEXT,

    CONSTRAINT "clipping_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "clipping_changes_clipping_id_changed_at_idx" ON "clipping_changes"("clipping_id", "changed_at");

-- AddForeignKey
ALTER TABLE "clipping_changes" ADD CONSTRAINT "clipping_changes_clipping_id_fkey" FOREIGN KEY ("clipping_id") REFERENCES "clippings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

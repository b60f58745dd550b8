-- AlterTable
ALTER TABLE "clippings" ADD COLUMN     "needs_reply" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reply_assignee" TEXT,
ADD COLUMN     "reply_closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reply_closed_by" TEXT,
ADD COLUMN     "reply_due_on" DATE,
ADD COLUMN     "reply_text" TEXT;

-- CreateIndex
CREATE INDEX "clippings_needs_reply_reply_closed_at_reply_due_on_idx" ON "clippings"("needs_reply", "reply_closed_at", "reply_due_on");

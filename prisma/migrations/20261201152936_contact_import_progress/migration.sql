-- AlterTable
ALTER TABLE "contact_imports" ADD COLUMN     "applied_rows" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "channel" TEXT,
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "lease_owner" TEXT,
ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "progress" JSONB;

-- Imports confirmed before their progress was kept: what they applied is unknown, and applying their
-- rows again now could undo corrections made since. They count as finished; nothing resumes them.
UPDATE "contact_imports" SET "finished_at" = "applied_at" WHERE "applied_at" IS NOT NULL;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "slack_tz" TEXT,
ADD COLUMN     "slack_tz_at" TIMESTAMPTZ(3);

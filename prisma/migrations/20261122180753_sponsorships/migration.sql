-- CreateEnum
CREATE TYPE "ContributionType" AS ENUM ('money', 'goods', 'services', 'media');

-- CreateEnum
CREATE TYPE "SponsorshipStatus" AS ENUM ('prospect', 'contacted', 'awaiting_approval', 'committed', 'received', 'thanked', 'declined');

-- CreateEnum
CREATE TYPE "BenefitStatus" AS ENUM ('pending', 'done', 'waived');

-- CreateTable
CREATE TABLE "sponsorships" (
    "id" SERIAL NOT NULL,
    "organisation" TEXT NOT NULL,
    "contact_id" INTEGER,
    "contact_person" TEXT,
    "contribution_type" "ContributionType" NOT NULL,
    "pledged_amount" DECIMAL(12,2),
    "pledged_description" TEXT,
    "received_amount" DECIMAL(12,2),
    "event_name" TEXT NOT NULL,
    "event_date" DATE,
    "status" "SponsorshipStatus" NOT NULL DEFAULT 'prospect',
    "approval_asked_by" TEXT,
    "approved_by" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "notes" TEXT,
    "documents" TEXT,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sponsorships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sponsor_benefits" (
    "id" SERIAL NOT NULL,
    "sponsorship_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "status" "BenefitStatus" NOT NULL DEFAULT 'pending',
    "owner" TEXT,
    "due_on" DATE,
    "done_by" TEXT,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "sponsor_benefits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sponsorship_changes" (
    "id" SERIAL NOT NULL,
    "sponsorship_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" "SponsorshipStatus" NOT NULL,
    "to_status" "SponsorshipStatus" NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,

    CONSTRAINT "sponsorship_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sponsorships_submission_key_key" ON "sponsorships"("submission_key");

-- CreateIndex
CREATE INDEX "sponsorships_status_idx" ON "sponsorships"("status");

-- CreateIndex
CREATE INDEX "sponsor_benefits_sponsorship_id_idx" ON "sponsor_benefits"("sponsorship_id");

-- CreateIndex
CREATE INDEX "sponsorship_changes_sponsorship_id_idx" ON "sponsorship_changes"("sponsorship_id");

-- AddForeignKey
ALTER TABLE "sponsor_benefits" ADD CONSTRAINT "sponsor_benefits_sponsorship_id_fkey" FOREIGN KEY ("sponsorship_id") REFERENCES "sponsorships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sponsorship_changes" ADD CONSTRAINT "sponsorship_changes_sponsorship_id_fkey" FOREIGN KEY ("sponsorship_id") REFERENCES "sponsorships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

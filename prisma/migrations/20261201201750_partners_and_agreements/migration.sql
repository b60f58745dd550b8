-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('twinned_city', 'friendship_city', 'candidate_city', 'university', 'institute', 'embassy', 'local_authorities');

-- CreateEnum
CREATE TYPE "PartnerStatus" AS ENUM ('active', 'dormant', 'ended');

-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('twinning', 'friendship_protocol', 'memorandum', 'cooperation');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('proposal', 'committee_opinion', 'council_decision', 'signed', 'in_force', 'expired', 'ended');

-- CreateEnum
CREATE TYPE "AgreementRenewal" AS ENUM ('automatic', 'by_decision', 'none');

-- CreateEnum
CREATE TYPE "ObligationRecurrence" AS ENUM ('once', 'yearly', 'biennial');

-- CreateEnum
CREATE TYPE "ObligationOutcome" AS ENUM ('done', 'waived');

-- CreateTable
CREATE TABLE "partners" (
    "id" SERIAL NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "name_el" TEXT NOT NULL,
    "name_latin" TEXT,
    "country" TEXT NOT NULL,
    "languages" TEXT[],
    "since" DATE,
    "status" "PartnerStatus" NOT NULL DEFAULT 'active',
    "status_reason" TEXT,
    "contact_id" INTEGER,
    "notes" TEXT,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "partners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_contacts" (
    "partner_id" INTEGER NOT NULL,
    "contact_id" INTEGER NOT NULL,
    "added_by" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_contacts_pkey" PRIMARY KEY ("partner_id","contact_id")
);

-- CreateTable
CREATE TABLE "partner_changes" (
    "id" SERIAL NOT NULL,
    "partner_id" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "reason" TEXT,
    "by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "submission_key" TEXT,

    CONSTRAINT "partner_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreements" (
    "id" SERIAL NOT NULL,
    "kind" "AgreementKind" NOT NULL,
    "title" TEXT NOT NULL,
    "fields" TEXT[],
    "document_url" TEXT,
    "signed_on" DATE,
    "signed_place" TEXT,
    "duration_years" INTEGER,
    "expires_on" DATE,
    "renewal" "AgreementRenewal" NOT NULL DEFAULT 'by_decision',
    "status" "AgreementStatus" NOT NULL DEFAULT 'proposal',
    "decision_number" TEXT,
    "decision_date" DATE,
    "ada" TEXT,
    "notes" TEXT,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_parties" (
    "agreement_id" INTEGER NOT NULL,
    "partner_id" INTEGER NOT NULL,

    CONSTRAINT "agreement_parties_pkey" PRIMARY KEY ("agreement_id","partner_id")
);

-- CreateTable
CREATE TABLE "agreement_steps" (
    "id" SERIAL NOT NULL,
    "agreement_id" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "from_status" "AgreementStatus" NOT NULL,
    "to_status" "AgreementStatus" NOT NULL,
    "note" TEXT,
    "by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "submission_key" TEXT,

    CONSTRAINT "agreement_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "obligations" (
    "id" SERIAL NOT NULL,
    "agreement_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "recurrence" "ObligationRecurrence" NOT NULL DEFAULT 'once',
    "first_due_on" DATE NOT NULL,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "obligations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "obligation_occurrences" (
    "id" SERIAL NOT NULL,
    "obligation_id" INTEGER NOT NULL,
    "due_on" DATE NOT NULL,
    "outcome" "ObligationOutcome" NOT NULL,
    "note" TEXT NOT NULL,
    "link" TEXT,
    "by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "obligation_occurrences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "partners_submission_key_key" ON "partners"("submission_key");

-- CreateIndex
CREATE INDEX "partner_contacts_contact_id_idx" ON "partner_contacts"("contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "partner_changes_submission_key_key" ON "partner_changes"("submission_key");

-- CreateIndex
CREATE INDEX "partner_changes_partner_id_idx" ON "partner_changes"("partner_id");

-- CreateIndex
CREATE UNIQUE INDEX "agreements_submission_key_key" ON "agreements"("submission_key");

-- CreateIndex
CREATE INDEX "agreements_status_expires_on_idx" ON "agreements"("status", "expires_on");

-- CreateIndex
CREATE INDEX "agreement_parties_partner_id_idx" ON "agreement_parties"("partner_id");

-- CreateIndex
CREATE UNIQUE INDEX "agreement_steps_submission_key_key" ON "agreement_steps"("submission_key");

-- CreateIndex
CREATE INDEX "agreement_steps_agreement_id_idx" ON "agreement_steps"("agreement_id");

-- CreateIndex
CREATE UNIQUE INDEX "obligations_submission_key_key" ON "obligations"("submission_key");

-- CreateIndex
CREATE INDEX "obligations_agreement_id_idx" ON "obligations"("agreement_id");

-- CreateIndex
CREATE UNIQUE INDEX "obligation_occurrences_obligation_id_due_on_key" ON "obligation_occurrences"("obligation_id", "due_on");

-- AddForeignKey
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner_changes" ADD CONSTRAINT "partner_changes_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_steps" ADD CONSTRAINT "agreement_steps_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "obligation_occurrences" ADD CONSTRAINT "obligation_occurrences_obligation_id_fkey" FOREIGN KEY ("obligation_id") REFERENCES "obligations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

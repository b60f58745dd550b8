-- CreateEnum
CREATE TYPE "LetterDirection" AS ENUM ('incoming', 'outgoing');

-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('letter', 'call_for_interest', 'invitation');

-- CreateEnum
CREATE TYPE "LetterStatus" AS ENUM ('open', 'answered', 'declined', 'filed');

-- CreateTable
CREATE TABLE "letters" (
    "id" SERIAL NOT NULL,
    "register_year" INTEGER NOT NULL,
    "register_seq" INTEGER NOT NULL,
    "direction" "LetterDirection" NOT NULL,
    "kind" "LetterKind" NOT NULL DEFAULT 'letter',
    "letter_date" DATE NOT NULL,
    "counterpart" TEXT NOT NULL,
    "contact_id" INTEGER,
    "country" TEXT,
    "subject" TEXT NOT NULL,
    "language" TEXT,
    "document_url" TEXT,
    "translation_request_id" INTEGER,
    "due_on" DATE,
    "briefing" TEXT,
    "status" "LetterStatus" NOT NULL DEFAULT 'open',
    "closed_by" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "letters_submission_key_key" ON "letters"("submission_key");

-- CreateIndex
CREATE INDEX "letters_status_due_on_idx" ON "letters"("status", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "letters_register_year_register_seq_key" ON "letters"("register_year", "register_seq");

-- Search like the clippings: Greek and English stems of subject, counterpart, briefing; and the
-- spelling-free skeleton for Greeklish and misspellings.
ALTER TABLE "letters" ADD COLUMN "search_fts" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("subject", '') || ' ' || coalesce("counterpart", ''))), 'A')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("subject", '') || ' ' || coalesce("counterpart", ''))), 'A')
 || setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("briefing", '') || ' ' || coalesce("country", ''))), 'C')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("briefing", '') || ' ' || coalesce("country", ''))), 'C')
) STORED;
ALTER TABLE "letters" ADD COLUMN "search_phonetic" tsvector GENERATED ALWAYS AS (
  to_tsvector('pg_catalog.simple', public.grafeio_phonetic(
    coalesce("subject", '') || ' ' || coalesce("counterpart", '') || ' ' || coalesce("country", '') || ' ' || coalesce("briefing", '')))
) STORED;
CREATE INDEX "letters_search_fts_idx" ON "letters" USING GIN ("search_fts");
CREATE INDEX "letters_search_phonetic_idx" ON "letters" USING GIN ("search_phonetic");

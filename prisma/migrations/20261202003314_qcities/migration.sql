-- CreateEnum
CREATE TYPE "QCitiesMemberStatus" AS ENUM ('active', 'suspended', 'left');

-- CreateEnum
CREATE TYPE "QCitiesBody" AS ENUM ('board', 'general_assembly');

-- CreateTable
CREATE TABLE "qcities_members" (
    "id" SERIAL NOT NULL,
    "partner_id" INTEGER NOT NULL,
    "joined_on" DATE NOT NULL,
    "status" "QCitiesMemberStatus" NOT NULL DEFAULT 'active',
    "status_reason" TEXT,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "qcities_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qcities_meetings" (
    "id" SERIAL NOT NULL,
    "body" "QCitiesBody" NOT NULL,
    "held_on" DATE NOT NULL,
    "place" TEXT,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "agenda" TEXT NOT NULL,
    "minutes_text" TEXT,
    "minutes_link" TEXT,
    "minutes_by" TEXT,
    "minutes_at" TIMESTAMPTZ(3),
    "approved_by" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "minutes_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qcities_meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qcities_dues" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "due_on" DATE NOT NULL,
    "paid_on" DATE,
    "paid_recorded_by" TEXT,
    "paid_recorded_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "updated_by" TEXT,
    "form_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "qcities_dues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "qcities_practices" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "link" TEXT,
    "created_by" TEXT NOT NULL,
    "updated_by" TEXT,
    "submission_key" TEXT,
    "edit_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "qcities_practices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "qcities_members_partner_id_key" ON "qcities_members"("partner_id");

-- CreateIndex
CREATE UNIQUE INDEX "qcities_members_submission_key_key" ON "qcities_members"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "qcities_meetings_submission_key_key" ON "qcities_meetings"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "qcities_meetings_minutes_key_key" ON "qcities_meetings"("minutes_key");

-- CreateIndex
CREATE INDEX "qcities_meetings_held_on_idx" ON "qcities_meetings"("held_on");

-- CreateIndex
CREATE INDEX "qcities_dues_year_paid_on_due_on_idx" ON "qcities_dues"("year", "paid_on", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "qcities_dues_member_id_year_key" ON "qcities_dues"("member_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "qcities_practices_submission_key_key" ON "qcities_practices"("submission_key");

-- CreateIndex
CREATE INDEX "qcities_practices_member_id_idx" ON "qcities_practices"("member_id");

-- AddForeignKey
ALTER TABLE "qcities_dues" ADD CONSTRAINT "qcities_dues_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "qcities_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "qcities_practices" ADD CONSTRAINT "qcities_practices_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "qcities_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A member is a partner: the partners area's table, by foreign key (never deleted while a member).
ALTER TABLE "qcities_members" ADD CONSTRAINT "qcities_members_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The good practices are searched like the letters: Greek and English stems of title, field and
-- description (search_fts), and the spelling-free skeleton for Greeklish and misspellings
-- (search_phonetic, grafeio_phonetic as src/lib/greeklish.ts).
ALTER TABLE "qcities_practices" ADD COLUMN "search_fts" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("title", '') || ' ' || coalesce("field", ''))), 'A')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("title", '') || ' ' || coalesce("field", ''))), 'A')
 || setweight(to_tsvector('pg_catalog.greek', public.grafeio_unaccent(coalesce("description", ''))), 'C')
 || setweight(to_tsvector('pg_catalog.english', public.grafeio_unaccent(coalesce("description", ''))), 'C')
) STORED;
ALTER TABLE "qcities_practices" ADD COLUMN "search_phonetic" tsvector GENERATED ALWAYS AS (
  to_tsvector('pg_catalog.simple', public.grafeio_phonetic(
    coalesce("title", '') || ' ' || coalesce("field", '') || ' ' || coalesce("description", '')))
) STORED;
CREATE INDEX "qcities_practices_search_fts_idx" ON "qcities_practices" USING GIN ("search_fts") WITH (fastupdate = off);
CREATE INDEX "qcities_practices_search_phonetic_idx" ON "qcities_practices" USING GIN ("search_phonetic") WITH (fastupdate = off);

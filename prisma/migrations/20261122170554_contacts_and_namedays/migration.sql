-- CreateEnum
CREATE TYPE "GreetingKind" AS ENUM ('name_day', 'card', 'thank_you');

-- CreateEnum
CREATE TYPE "GreetingStatus" AS ENUM ('pending', 'sent', 'skipped');

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('celebration', 'cards');

-- AlterTable
ALTER TABLE "job_settings" ADD COLUMN     "schedule" TEXT;

-- CreateTable
CREATE TABLE "contact_categories" (
    "slug" TEXT NOT NULL,
    "name_el" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_categories_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "contacts" (
    "id" SERIAL NOT NULL,
    "name_el" TEXT NOT NULL,
    "name_latin" TEXT,
    "title" TEXT,
    "organisation" TEXT,
    "category_slug" TEXT,
    "country" TEXT,
    "language" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "vip" BOOLEAN NOT NULL DEFAULT false,
    "name_day_key" TEXT,
    "name_day_confirmed" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "consent" TEXT,
    "source" TEXT,
    "opt_out_greetings" BOOLEAN NOT NULL DEFAULT false,
    "archived_at" TIMESTAMPTZ(3),
    "merged_into_id" INTEGER,
    "submission_key" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_audit" (
    "id" SERIAL NOT NULL,
    "contact_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "detail" TEXT,

    CONSTRAINT "contact_audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "greetings" (
    "id" SERIAL NOT NULL,
    "contact_id" INTEGER NOT NULL,
    "kind" "GreetingKind" NOT NULL,
    "occasion" TEXT NOT NULL,
    "status" "GreetingStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "done_by" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "greetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_reminders" (
    "id" SERIAL NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "name" TEXT NOT NULL,
    "date_key" TEXT NOT NULL,
    "lead_days" INTEGER NOT NULL,
    "holiday" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_imports" (
    "id" SERIAL NOT NULL,
    "requested_by" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "applied_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "contacts_submission_key_key" ON "contacts"("submission_key");

-- CreateIndex
CREATE INDEX "contacts_name_day_key_idx" ON "contacts"("name_day_key");

-- CreateIndex
CREATE INDEX "contact_audit_contact_id_idx" ON "contact_audit"("contact_id");

-- CreateIndex
CREATE INDEX "greetings_kind_occasion_idx" ON "greetings"("kind", "occasion");

-- CreateIndex
CREATE UNIQUE INDEX "greetings_contact_id_kind_occasion_key" ON "greetings"("contact_id", "kind", "occasion");

-- AddForeignKey
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_category_slug_fkey" FOREIGN KEY ("category_slug") REFERENCES "contact_categories"("slug") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "greetings" ADD CONSTRAINT "greetings_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Contact search: one Latin skeleton of the names, title and organisation (Greek, Greeklish and
-- Latin spellings fold together), searched with trigrams.
ALTER TABLE "contacts" ADD COLUMN "search_skeleton" TEXT GENERATED ALWAYS AS (
  public.grafeio_phonetic(
    coalesce("name_el", '') || ' ' || coalesce("name_latin", '') || ' ' || coalesce("title", '') || ' ' ||
    coalesce("organisation", '') || ' ' || coalesce("email", ''))
) STORED;
CREATE INDEX "contacts_search_skeleton_trgm_idx" ON "contacts" USING GIN ("search_skeleton" gin_trgm_ops);

-- The kinds of contact the office starts with; it adds its own with /grafeio.
INSERT INTO "contact_categories" ("slug", "name_el", "name_en") VALUES
  ('politicians', 'Πολιτικά πρόσωπα', 'Politicians'),
  ('local_government', 'Αυτοδιοίκηση', 'Local government'),
  ('associations', 'Σύλλογοι και φορείς', 'Associations'),
  ('culture', 'Καλλιτέχνες και πολιτισμός', 'Artists and culture'),
  ('businesses', 'Επιχειρήσεις', 'Businesses'),
  ('public_services', 'Δημόσιες υπηρεσίες', 'Public services'),
  ('embassies', 'Πρεσβείες', 'Embassies'),
  ('church', 'Εκκλησία', 'Church'),
  ('armed_forces', 'Ένοπλες δυνάμεις', 'Armed forces'),
  ('twin_cities', 'Αδελφοποιημένες πόλεις', 'Twin cities'),
  ('journalists', 'Δημοσιογράφοι', 'Journalists'),
  ('citizens', 'Δημότες', 'Citizens');

-- The national days the office organises (parade, wreath-laying) and the two card campaigns.
INSERT INTO "calendar_reminders" ("kind", "name", "date_key", "lead_days") VALUES
  ('celebration', 'Εθνική Επέτειος 25ης Μαρτίου', 'fixed:03-25', 21),
  ('celebration', 'Επέτειος του «Όχι» (28η Οκτωβρίου)', 'fixed:10-28', 21),
  ('cards', 'Χριστούγεννα', 'fixed:12-25', 21),
  ('cards', 'Πάσχα', 'easter:+0', 21);

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('scheduled', 'cancelled');

-- CreateTable
CREATE TABLE "event_types" (
    "slug" TEXT NOT NULL,
    "name_el" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "event_types_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "events" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "type_slug" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "all_day" BOOLEAN NOT NULL DEFAULT false,
    "venue" TEXT,
    "organiser" TEXT,
    "responsible" TEXT[],
    "expected_attendance" INTEGER,
    "languages" TEXT[],
    "related_organisation" TEXT,
    "notes" TEXT,
    "past_record" BOOLEAN NOT NULL DEFAULT false,
    "status" "EventStatus" NOT NULL DEFAULT 'scheduled',
    "cancelled_by" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "card_channel" TEXT,
    "card_ts" TEXT,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "events_submission_key_key" ON "events"("submission_key");

-- CreateIndex
CREATE INDEX "events_starts_at_idx" ON "events"("starts_at");

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_type_slug_fkey" FOREIGN KEY ("type_slug") REFERENCES "event_types"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The kinds of event the office starts with; it adds its own.
INSERT INTO "event_types" ("slug", "name_el", "name_en") VALUES
  ('ceremony', 'Τελετή', 'Ceremony'),
  ('reception', 'Δεξίωση', 'Reception'),
  ('dinner', 'Δείπνο', 'Dinner'),
  ('parade', 'Παρέλαση', 'Parade'),
  ('national_day', 'Εθνική επέτειος', 'National day'),
  ('delegation', 'Επίσκεψη αντιπροσωπείας', 'Foreign delegation'),
  ('conference', 'Συνέδριο', 'Conference'),
  ('exhibition', 'Έκθεση', 'Exhibition'),
  ('other', 'Άλλη εκδήλωση', 'Other event');

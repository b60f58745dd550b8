-- CreateTable
CREATE TABLE "precedence_ranks" (
    "id" SERIAL NOT NULL,
    "office" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "precedence_ranks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_guests" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "contact_id" INTEGER,
    "name" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "tie_date" DATE,
    "position" INTEGER,
    "override_reason" TEXT,
    "added_by" TEXT NOT NULL,

    CONSTRAINT "event_guests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_guests_event_id_idx" ON "event_guests"("event_id");

-- The order of precedence the office starts with (after the state protocol); it edits the rows.
-- Ties within a rank are broken by each guest's date (ambassadors: their credentials).
INSERT INTO "precedence_ranks" ("office", "rank") VALUES
  ('Πρόεδρος της Δημοκρατίας', 1),
  ('Πρωθυπουργός', 2),
  ('Πρόεδρος της Βουλής', 3),
  ('Αρχηγός της Αξιωματικής Αντιπολίτευσης', 4),
  ('Αρχιεπίσκοπος', 5),
  ('Υπουργός', 10),
  ('Υφυπουργός', 11),
  ('Αρχηγός ΓΕΕΘΑ', 12),
  ('Βουλευτής', 20),
  ('Πρέσβης', 25),
  ('Περιφερειάρχης', 30),
  ('Μητροπολίτης', 31),
  ('Αντιπεριφερειάρχης', 35),
  ('Δήμαρχος', 40),
  ('Αντιδήμαρχος', 45),
  ('Πρόεδρος Δημοτικού Συμβουλίου', 46),
  ('Πρόξενος', 50),
  ('Δημοτικός Σύμβουλος', 55);

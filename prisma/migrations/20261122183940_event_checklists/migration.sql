-- CreateEnum
CREATE TYPE "ChecklistStatus" AS ENUM ('open', 'done', 'not_needed');

-- CreateTable
CREATE TABLE "checklist_templates" (
    "id" SERIAL NOT NULL,
    "type_slug" TEXT,
    "title" TEXT NOT NULL,
    "days_before" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "checklist_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_checklist_items" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "owner" TEXT,
    "status" "ChecklistStatus" NOT NULL DEFAULT 'open',
    "done_by" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "event_checklist_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_feedback" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "by" TEXT NOT NULL,
    "went_well" TEXT,
    "to_improve" TEXT,
    "attendance" INTEGER,
    "suggestions" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submission_key" TEXT NOT NULL,

    CONSTRAINT "event_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_checklist_items_event_id_idx" ON "event_checklist_items"("event_id");

-- CreateIndex
CREATE INDEX "event_checklist_items_status_due_on_idx" ON "event_checklist_items"("status", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "event_feedback_submission_key_key" ON "event_feedback"("submission_key");

-- CreateIndex
CREATE INDEX "event_feedback_event_id_idx" ON "event_feedback"("event_id");

-- The checklist every event starts with, and what some kinds add. The office edits these rows.
INSERT INTO "checklist_templates" ("type_slug", "title", "days_before", "position") VALUES
  (NULL, 'Προσκλήσεις: σχεδιασμός', 25, 10),
  (NULL, 'Προσκλήσεις: εκτύπωση', 20, 20),
  (NULL, 'Προσκλήσεις: αποστολή', 15, 30),
  (NULL, 'Αίτημα προμήθειας στο Τμήμα Προμηθειών', 20, 40),
  (NULL, 'Φωτογράφος', 7, 50),
  (NULL, 'Διακόσμηση αίθουσας', 2, 60),
  (NULL, 'Δελτίο τύπου', 1, 70),
  (NULL, 'Δώρα για επισήμους και καλεσμένους', 5, 80),
  (NULL, 'Χορηγοί: επιβεβαίωση ανταποδοτικών', 7, 90),
  ('parade', 'Ενημέρωση σχολείων και φορέων για τη σειρά παρέλασης', 21, 5),
  ('national_day', 'Στεφάνια για την κατάθεση', 10, 5),
  ('delegation', 'Διερμηνέας / μεταφράσεις', 14, 5),
  ('delegation', 'Πρόγραμμα επίσκεψης και μετακινήσεις', 10, 6);

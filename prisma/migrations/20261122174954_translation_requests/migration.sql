-- CreateEnum
CREATE TYPE "TranslationStatus" AS ENUM ('requested', 'assigned', 'in_progress', 'delivered', 'accepted', 'returned', 'cancelled');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('normal', 'urgent');

-- CreateTable
CREATE TABLE "translation_requests" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "document_url" TEXT NOT NULL,
    "source_lang" TEXT NOT NULL,
    "target_lang" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "urgency" "Urgency" NOT NULL DEFAULT 'normal',
    "reason" TEXT,
    "notes" TEXT,
    "requested_by" TEXT NOT NULL,
    "status" "TranslationStatus" NOT NULL DEFAULT 'requested',
    "assignee" TEXT,
    "vendor" TEXT,
    "delivered_url" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "card_channel" TEXT,
    "card_ts" TEXT,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "translation_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "translation_events" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" "TranslationStatus" NOT NULL,
    "to_status" "TranslationStatus" NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,

    CONSTRAINT "translation_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "translation_requests_submission_key_key" ON "translation_requests"("submission_key");

-- CreateIndex
CREATE INDEX "translation_requests_status_due_on_idx" ON "translation_requests"("status", "due_on");

-- CreateIndex
CREATE INDEX "translation_events_request_id_idx" ON "translation_events"("request_id");

-- AddForeignKey
ALTER TABLE "translation_events" ADD CONSTRAINT "translation_events_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "translation_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

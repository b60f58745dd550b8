-- CreateEnum
CREATE TYPE "MeetingDecision" AS ENUM ('attend', 'decline');

-- CreateTable
CREATE TABLE "networks" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "name_latin" TEXT,
    "website" TEXT,
    "member_since" DATE,
    "decision_number" TEXT,
    "decision_date" DATE,
    "ada" TEXT,
    "notes" TEXT,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "networks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "network_dues" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "due_on" DATE NOT NULL,
    "paid_on" DATE,
    "paid_by" TEXT,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "network_dues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "network_delegates" (
    "network_id" INTEGER NOT NULL,
    "forum" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "network_delegates_pkey" PRIMARY KEY ("network_id","forum","user_id")
);

-- CreateTable
CREATE TABLE "network_meetings" (
    "id" SERIAL NOT NULL,
    "network_id" INTEGER,
    "partner_id" INTEGER,
    "title" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "place" TEXT,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "agenda" TEXT,
    "registration_deadline" DATE,
    "created_by" TEXT NOT NULL,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "MeetingDecision",
    "attendees" TEXT[],
    "decision_reason" TEXT,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "outcomes" TEXT,
    "contact_ids" INTEGER[],
    "reported_by" TEXT,
    "reported_at" TIMESTAMPTZ(3),

    CONSTRAINT "network_meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_follow_ups" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "done_at" TIMESTAMPTZ(3),
    "done_by" TEXT,

    CONSTRAINT "meeting_follow_ups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "networks_submission_key_key" ON "networks"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "network_dues_submission_key_key" ON "network_dues"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "network_dues_network_id_year_key" ON "network_dues"("network_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "network_meetings_submission_key_key" ON "network_meetings"("submission_key");

-- CreateIndex
CREATE INDEX "network_meetings_starts_on_idx" ON "network_meetings"("starts_on");

-- CreateIndex
CREATE INDEX "meeting_follow_ups_due_on_idx" ON "meeting_follow_ups"("due_on");

-- AddForeignKey
ALTER TABLE "network_dues" ADD CONSTRAINT "network_dues_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "network_delegates" ADD CONSTRAINT "network_delegates_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_follow_ups" ADD CONSTRAINT "meeting_follow_ups_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "network_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

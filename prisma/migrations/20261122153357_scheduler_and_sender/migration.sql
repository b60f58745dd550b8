-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('running', 'retrying', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "OutboundStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('holiday', 'working_day');

-- CreateTable
CREATE TABLE "job_runs" (
    "id" SERIAL NOT NULL,
    "job_name" TEXT NOT NULL,
    "scheduled_for" TIMESTAMPTZ(3) NOT NULL,
    "status" "JobRunStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_by" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "next_attempt_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "last_error" TEXT,
    "outcome" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_settings" (
    "job_name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "channel_id" TEXT,
    "updated_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_settings_pkey" PRIMARY KEY ("job_name")
);

-- CreateTable
CREATE TABLE "outbound_messages" (
    "id" SERIAL NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "thread_ts" TEXT,
    "status" "OutboundStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "ts" TEXT,
    "posted_channel" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_overrides" (
    "date" DATE NOT NULL,
    "kind" "DayKind" NOT NULL,
    "name" TEXT,
    "set_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_overrides_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE INDEX "job_runs_status_next_attempt_at_idx" ON "job_runs"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "job_runs_job_name_scheduled_for_key" ON "job_runs"("job_name", "scheduled_for");

-- CreateIndex
CREATE UNIQUE INDEX "outbound_messages_idempotency_key_key" ON "outbound_messages"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbound_messages_status_idx" ON "outbound_messages"("status");

-- CreateEnum
CREATE TYPE "PressItemStatus" AS ENUM ('proposed', 'logged', 'dismissed', 'duplicate');

-- CreateTable
CREATE TABLE "press_feeds" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "channel_id" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT,
    "etag" TEXT,
    "last_modified" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "failing_since" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "failure_reported" BOOLEAN NOT NULL DEFAULT false,
    "last_fetched_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "press_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "press_items" (
    "id" SERIAL NOT NULL,
    "feed_id" INTEGER,
    "url_key" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_words" TEXT NOT NULL,
    "outlet" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "excerpt" TEXT NOT NULL,
    "matched_terms" TEXT[],
    "status" "PressItemStatus" NOT NULL DEFAULT 'proposed',
    "similar_to_id" INTEGER,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "clipping_id" INTEGER,
    "channel_id" TEXT,
    "post_key" TEXT,
    "message_ts" TEXT,
    "batched" BOOLEAN NOT NULL DEFAULT false,
    "posted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "press_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "press_outlets" (
    "host" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "press_outlets_pkey" PRIMARY KEY ("host")
);

-- CreateTable
CREATE TABLE "press_intake_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "quiet_from" TEXT NOT NULL DEFAULT '22:00',
    "quiet_to" TEXT NOT NULL DEFAULT '07:00',
    "burst_per_hour" INTEGER NOT NULL DEFAULT 8,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "press_intake_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "press_feeds_url_key" ON "press_feeds"("url");

-- CreateIndex
CREATE UNIQUE INDEX "press_items_url_key_key" ON "press_items"("url_key");

-- CreateIndex
CREATE INDEX "press_items_status_posted_at_idx" ON "press_items"("status", "posted_at");

-- CreateIndex
CREATE INDEX "press_items_created_at_idx" ON "press_items"("created_at");

-- AddForeignKey
ALTER TABLE "press_items" ADD CONSTRAINT "press_items_feed_id_fkey" FOREIGN KEY ("feed_id") REFERENCES "press_feeds"("id") ON DELETE SET NULL ON UPDATE CASCADE;

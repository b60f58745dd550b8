-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'manager', 'staff');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('el', 'en');

-- CreateEnum
CREATE TYPE "Medium" AS ENUM ('print', 'online', 'tv', 'radio', 'news_agency');

-- CreateEnum
CREATE TYPE "Tone" AS ENUM ('positive', 'neutral', 'negative');

-- CreateEnum
CREATE TYPE "ClippingScope" AS ENUM ('municipality', 'local_government');

-- CreateTable
CREATE TABLE "users" (
    "slack_user_id" TEXT NOT NULL,
    "locale_override" "Locale",
    "slack_locale" TEXT,
    "slack_locale_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("slack_user_id")
);

-- CreateTable
CREATE TABLE "user_roles" (
    "slack_user_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "granted_by" TEXT,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_roles_pkey" PRIMARY KEY ("slack_user_id","role")
);

-- CreateTable
CREATE TABLE "register_counters" (
    "register" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "register_counters_pkey" PRIMARY KEY ("register","year")
);

-- CreateTable
CREATE TABLE "topics" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name_el" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clippings" (
    "id" SERIAL NOT NULL,
    "register_year" INTEGER NOT NULL,
    "register_seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT NOT NULL,
    "url" TEXT,
    "url_key" TEXT,
    "published_on" DATE NOT NULL,
    "medium" "Medium" NOT NULL,
    "tone" "Tone" NOT NULL,
    "scope" "ClippingScope" NOT NULL,
    "summary" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submission_key" TEXT NOT NULL,
    "source_channel" TEXT,
    "source_ts" TEXT,

    CONSTRAINT "clippings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clipping_topics" (
    "clipping_id" INTEGER NOT NULL,
    "topic_id" INTEGER NOT NULL,

    CONSTRAINT "clipping_topics_pkey" PRIMARY KEY ("clipping_id","topic_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "topics_slug_key" ON "topics"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "clippings_submission_key_key" ON "clippings"("submission_key");

-- CreateIndex
CREATE INDEX "clippings_url_key_idx" ON "clippings"("url_key");

-- CreateIndex
CREATE INDEX "clippings_published_on_idx" ON "clippings"("published_on");

-- CreateIndex
CREATE UNIQUE INDEX "clippings_register_year_register_seq_key" ON "clippings"("register_year", "register_seq");

-- AddForeignKey
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_slack_user_id_fkey" FOREIGN KEY ("slack_user_id") REFERENCES "users"("slack_user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clipping_topics" ADD CONSTRAINT "clipping_topics_clipping_id_fkey" FOREIGN KEY ("clipping_id") REFERENCES "clippings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clipping_topics" ADD CONSTRAINT "clipping_topics_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

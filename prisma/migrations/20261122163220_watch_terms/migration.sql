-- CreateTable
CREATE TABLE "watch_terms" (
    "id" SERIAL NOT NULL,
    "term" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watch_terms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "watch_terms_term_key" ON "watch_terms"("term");

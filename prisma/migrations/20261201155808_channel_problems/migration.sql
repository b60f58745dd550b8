-- CreateTable
CREATE TABLE "channel_problems" (
    "channel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "told_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_problems_pkey" PRIMARY KEY ("channel")
);

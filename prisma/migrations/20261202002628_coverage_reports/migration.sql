-- CreateTable
CREATE TABLE "coverage_subscriptions" (
    "slack_user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coverage_subscriptions_pkey" PRIMARY KEY ("slack_user_id")
);

-- CreateTable
CREATE TABLE "coverage_deliveries" (
    "key" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "coverage_deliveries_pkey" PRIMARY KEY ("key")
);

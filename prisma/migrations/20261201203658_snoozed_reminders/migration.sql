-- CreateTable
CREATE TABLE "snoozed_reminders" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "message_ts" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "blocks" JSONB,
    "choice" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "snoozed_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "snoozed_reminders_delivered_at_due_at_idx" ON "snoozed_reminders"("delivered_at", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "snoozed_reminders_channel_message_ts_key" ON "snoozed_reminders"("channel", "message_ts");

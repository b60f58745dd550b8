-- CreateEnum
CREATE TYPE "InvitationAnswer" AS ENUM ('pending', 'accepted', 'declined');

-- CreateTable
CREATE TABLE "event_invitations" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "answer" "InvitationAnswer" NOT NULL DEFAULT 'pending',
    "invited_by" TEXT NOT NULL,
    "invited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "event_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_gifts" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "for_whom" TEXT NOT NULL,
    "cost" DECIMAL(10,2),
    "added_by" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_gifts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "event_invitations_event_id_name_key" ON "event_invitations"("event_id", "name");

-- CreateIndex
CREATE INDEX "event_gifts_event_id_idx" ON "event_gifts"("event_id");

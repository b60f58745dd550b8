-- CreateTable
CREATE TABLE "holiday_moves" (
    "year" INTEGER NOT NULL,
    "holiday" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "set_by" TEXT NOT NULL,
    "set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holiday_moves_pkey" PRIMARY KEY ("year","holiday")
);

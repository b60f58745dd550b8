// Yearly, gap-free register numbers (2026/0001, 2026/0002, …) shared by every register the office
// keeps. The counter row is locked by the upsert until the caller's transaction ends, so concurrent
// callers take turns, and a rolled-back transaction gives its number back.
import type { Prisma } from "../generated/prisma/client.js";

export async function takeNextNumber(tx: Prisma.TransactionClient, register: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO register_counters (register, year, last_number) VALUES (${register}, ${year}, 1)
    ON CONFLICT (register, year) DO UPDATE SET last_number = register_counters.last_number + 1
    RETURNING last_number`;
  const value = rows[0]?.last_number;
  if (value === undefined) throw new Error(`register counter ${register}/${year} returned nothing`);
  return Number(value);
}

export function formatRegisterNumber(year: number, seq: number): string {
  return `${year}/${String(seq).padStart(4, "0")}`;
}

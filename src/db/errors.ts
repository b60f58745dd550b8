import { Prisma } from "../generated/prisma/client.js";

/**
 * A unique constraint refused a write. Prisma reports it as P2002 through the pg adapter; the
 * PGlite adapter hands back the driver's own error, so its message is checked too.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  const text = String((error as { message?: unknown })?.message ?? "");
  return /unique constraint|duplicate key/i.test(text);
}

import { Prisma, type PrismaClient } from "../generated/prisma/client.js";

/**
 * A unique constraint refused a write. Prisma reports it as P2002 through the pg adapter; the
 * PGlite adapter hands back the driver's own error, so its message is checked too.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  const text = String((error as { message?: unknown })?.message ?? "");
  return /unique constraint|duplicate key/i.test(text);
}

/** A failed operation's code for the metrics: Prisma's (P2002…), a driver's SQLSTATE, or "other". */
export function databaseErrorCode(error: unknown): string {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code;
  if (error instanceof Prisma.PrismaClientInitializationError) return "initialization";
  if (error instanceof Prisma.PrismaClientRustPanicError) return "panic";
  if (isUniqueViolation(error)) return "P2002";
  const code = (error as { code?: unknown } | undefined)?.code;
  // A PostgreSQL SQLSTATE (five characters) from a driver: a bounded set, fit for a label.
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : "other";
}

/**
 * The same client with every failed operation told to `onError` (the metrics) before it is
 * thrown on, unchanged. The query extension covers the models' operations and the raw queries,
 * inside transactions too.
 */
export function observeDatabaseErrors(prisma: PrismaClient, onError: (code: string) => void): PrismaClient {
  return prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          onError(databaseErrorCode(error));
          throw error;
        }
      },
    },
  }) as unknown as PrismaClient;
}

// Opens PGlite itself, with the extensions the migrations create: in the embedded database's worker
// thread (pglite-worker.ts), and in this thread for the Prisma CLI's folder and the tests' template.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/**
 * PostgreSQL's settings for PGlite, besides PGlite's own. shared_buffers: initdb writes 128MB, and
 * PGlite's WebAssembly memory holds all of it from the start (the idle bot's RSS was 128 MB larger
 * for it, its database using a fraction); the pages beyond are read from the OS's cache instead.
 * 32MB measured as fast as 128MB on a 20,000-clipping register (its 51 MB scanned whole, and searched).
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

/** Opens PGlite with the extensions the migrations create. `memory://` keeps it in memory.
 *  `loadDataDir` starts it as a copy of a dump (`dumpDataDir()`) instead of an empty database. */
export async function openPglite(dataDir: string, { loadDataDir }: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { extensions: { unaccent, pg_trgm }, loadDataDir, startParams: PGLITE_START_PARAMS });
  await pg.waitReady;
  return pg;
}

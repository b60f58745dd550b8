// Opens PGlite itself, with the extensions the migrations create: in the embedded database's worker
// thread (pglite-worker.ts), and in this thread for the Prisma CLI's folder and the tests' template.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/** Opens PGlite with the extensions the migrations create. `memory://` keeps it in memory.
 *  `loadDataDir` starts it as a copy of a dump (`dumpDataDir()`) instead of an empty database. */
export async function openPglite(dataDir: string, { loadDataDir }: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { extensions: { unaccent, pg_trgm }, loadDataDir });
  await pg.waitReady;
  return pg;
}

// Chooses the database engine: a PostgreSQL server when DATABASE_URL is a postgres URL,
// otherwise the embedded PGlite in DATA_DIR. Used by the bot at run time and by prisma.config.ts.
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir } from "./data-dir-lock.js";
import { openPglite } from "./pglite-open.js";
import type { PgliteConnection } from "./pglite-thread.js";

export { openPglite };

export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === "string" && /^postgres(ql)?:\/\//i.test(url);
}

/** Separate fields, not a connection string: adapter-pg's shadow-database helper overrides
 *  `database`, which a connection string would silently win over. */
export function pgConfigFromUrl(url: string) {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

/**
 * pglite-prisma-adapter 0.6.1 does not await `executeScript` (a failing migration script goes
 * unreported) and its `dispose()` leaves PGlite open. This factory fixes both. `pg` is PGlite
 * itself (the Prisma CLI) or the bot's PGlite in its worker thread (pglite-thread.ts), which has
 * all the adapter uses of it: query (array rows, parsers), exec, transaction with rollback.
 */
export function pgliteAdapterFactory(pg: PgliteConnection, { closeOnDispose }: { closeOnDispose: boolean }) {
  const inner = new PrismaPGlite(pg as PGlite);
  // The adapter was built against an older copy of Prisma's adapter interface; at run time the
  // two agree (checked by the tests), so its adapter is handed on as the current type.
  type PgliteAdapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;
  const fix = (adapter: PgliteAdapter, db: PgliteConnection, close: boolean): SqlDriverAdapter => {
    adapter.executeScript = async (script: string) => {
      await db.exec(script);
    };
    adapter.dispose = async () => {
      if (close && !db.closed) await db.close();
    };
    return adapter as unknown as SqlDriverAdapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => fix(await inner.connect(), pg, closeOnDispose),
    connectToShadowDb: async () => {
      const shadow = await openPglite("memory://");
      return fix(await new PrismaPGlite(shadow).connect(), shadow, true);
    },
  };
  return factory;
}

/** For the Prisma CLI (prisma.config.ts). */
export async function openDriverAdapterFactory(
  databaseUrl: string | undefined,
  dataDir: string,
): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (isPostgresUrl(databaseUrl)) return new PrismaPg(pgConfigFromUrl(databaseUrl));
  // The CLI is one more process on the folder: it is refused while the bot has it open. Its lock
  // goes when the CLI exits (the adapter has no close of its own to release it sooner).
  lockDataDir(dataDir, "the Prisma CLI", { advice: "stop that process first, then run the Prisma command again" });
  return pgliteAdapterFactory(await openPglite(dataDir), { closeOnDispose: true });
}

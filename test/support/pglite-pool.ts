// One migrated PGlite per test worker, handed from one test file to the next instead of a new one
// each time: opening a copy of the template (untar, PostgreSQL's start, the extensions) costs about
// 0.6 s of CPU, and a run opened over a hundred of them. Between two users the database is put back
// exactly as the migrations left it (pristine.ts), and the session's state goes (DISCARD ALL:
// settings, advisory locks, temporary tables); a PGlite whose schema a test changed is closed, not
// handed on. A user's handle is revoked when it hands the database back: a bot left running by one
// file can no longer write into the next file's database; its queries fail as on a closed database.
import { type Database, databaseOnPglite, pgliteSession } from "../../src/db/database.js";
import { openPgliteWorker, type PgliteConnection, type PgliteTransaction } from "../../src/db/pglite-thread.js";
import { withTimeout } from "../../src/lib/timeout.js";
import { type Pristine, readPristine, resetToPristine } from "./pristine.js";

interface Pooled {
  pglite: PgliteConnection;
  pristine: Pristine;
}

/** A reset that does not finish in this time means a user left a transaction open. */
const RESET_TIMEOUT_MS = 10_000;

let idle: Pooled | undefined;
const pristineByDump = new WeakMap<Blob, Pristine>();

/** A migrated database for one user: the worker's idle PGlite, reset, or a new copy of `dump`. */
export async function leasePgliteDatabase(dump: Blob): Promise<Database> {
  const pooled = (await takeIdle(dump)) ?? (await openPooled(dump));
  const lease = revocable(pooled.pglite);
  return databaseOnPglite(lease.pglite, async () => {
    lease.revoke();
    if (pooled.pglite.closed) return;
    // One idle PGlite per worker; a second one (a file that had two at once) is closed.
    if (idle) await pooled.pglite.close();
    else idle = pooled;
  });
}

async function openPooled(dump: Blob): Promise<Pooled> {
  // In its worker thread, as the bot's own database is.
  const pglite = await openPgliteWorker("memory://", { loadDataDir: dump });
  let pristine = pristineByDump.get(dump);
  if (!pristine) {
    pristine = await readPristine(pgliteSession(pglite));
    pristineByDump.set(dump, pristine);
  }
  return { pglite, pristine };
}

async function takeIdle(dump: Blob): Promise<Pooled | undefined> {
  const pooled = idle;
  idle = undefined;
  if (!pooled) return undefined;
  if (pooled.pristine !== pristineByDump.get(dump) || pooled.pglite.closed) return discard(pooled);
  try {
    const reset = await withTimeout(resetPooled(pooled), RESET_TIMEOUT_MS);
    return reset ? pooled : discard(pooled);
  } catch {
    return discard(pooled);
  }
}

function discard(pooled: Pooled): undefined {
  // Not awaited: a PGlite held by a transaction that never ends would never close.
  void pooled.pglite.close().catch(() => undefined);
  return undefined;
}

/** False when the schema is no longer the template's (the PGlite must not be handed on). */
async function resetPooled({ pglite, pristine }: Pooled): Promise<boolean> {
  // The session's state goes too: settings, advisory locks, temporary tables.
  await pglite.exec("DISCARD ALL");
  return resetToPristine(
    pgliteSession(pglite),
    (work) => pglite.transaction((tx: PgliteTransaction) => work(pgliteSession(tx))),
    pristine,
  );
}

/** The PGlite as one user sees it: after `revoke`, every query fails as on a closed database. */
function revocable(pglite: PgliteConnection): { pglite: PgliteConnection; revoke(): void } {
  let revoked = false;
  const proxy = new Proxy(pglite, {
    get(target, property) {
      if (property === "closed") return revoked || target.closed;
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) =>
        revoked
          ? Promise.reject(new Error("PGlite is closed (this test's database was handed back)"))
          : value.apply(target, args);
    },
  });
  return {
    pglite: proxy,
    revoke: () => {
      revoked = true;
    },
  };
}

// `npm run backup` / `npm run restore`: a logical backup that restores on either engine. An office
// with rows in every table is backed up, restored into an empty database of the same engine and of
// the other one, and every table's rows (as the server renders them, generated columns included)
// are found again; a non-empty target, and a changed or newer backup, are refused. `npm run backup`
// beside the running bot, as its own process, is backup.process.test.ts.
//
// What costs is done once and only read afterwards: the office is filled once (through the
// services, on this run's engine), backed up once, and each restore is made once. The office on the
// other engine is the restore of this one there (checked row by row by the test in that direction),
// so the other direction backs up a database of that engine without filling it a second time.

import { createReadStream, createWriteStream, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { BackupError, countTables, restoreBackup, verifyBackup, writeBackup } from "../../src/db/backup.js";
import type { Database } from "../../src/db/database.js";
import { BackupScratch, contents, type Engine, officeServices, postgresReachable } from "../support/backup-office.js";
import { createTestDatabase, testEngine } from "../support/database.js";
import { contactDraft } from "../support/factories.js";

const scratch = new BackupScratch();
const { folder } = scratch;
afterAll(() => scratch.dispose());
const withPostgres = await postgresReachable();
const services = officeServices;

/** `make(key)` once per key; later calls get the same promise. */
function once<V>(make: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const made = new Map<string, Promise<V>>();
  return (key) => {
    let value = made.get(key);
    if (!value) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

interface Office {
  db: Database;
  /** Its rows and migrations when its backup was written. */
  before: Awaited<ReturnType<typeof contents>>;
  /** The last id its contacts' sequence had handed out then (the erased contact's included). */
  lastContactId: number;
  /** Its backup: read by the tests, never changed. */
  file: string;
}

/** The office on that engine with its backup: filled through the services on this run's engine,
 *  on the other one the restore of that office there. */
const office = once(async (key): Promise<Office> => {
  const engine = key as Engine;
  const db = engine === testEngine ? await scratch.filledDatabase() : (await restored(testEngine, engine)).target;
  const before = await contents(db);
  const [sequence] = await db.transaction("snapshot", (s) =>
    s.query<{ last: string }>("SELECT last_value::text AS last FROM contacts_id_seq"),
  );
  const file = path.join(folder, `${engine}-office.jsonl.gz`);
  await writeBackup(db, createWriteStream(file));
  return { db, before, lastContactId: Number(sequence?.last), file };
});

// An empty database that a test's refusals left empty (they check it) is the next restore's target,
// instead of opening another one.
const keptEmpty = new Map<Engine, Promise<Database>>();
function emptyToKeep(engine: Engine): Promise<Database> {
  let db = keptEmpty.get(engine);
  if (!db) {
    db = scratch.emptyDatabase(engine);
    keptEmpty.set(engine, db);
  }
  return db;
}
async function emptyTarget(engine: Engine): Promise<Database> {
  const kept = keptEmpty.get(engine);
  keptEmpty.delete(engine);
  if (kept) {
    const db = await kept;
    if ((await countTables(db)) === 0) return db;
  }
  return scratch.emptyDatabase(engine);
}

/** The office of `from` restored into a new, empty database of `to`, once. */
const restoredOnce = once(async (key) => {
  const [from, to] = key.split(">") as [Engine, Engine];
  const source = await office(from);
  const target = await emptyTarget(to);
  const summary = await restoreBackup(target, () => createReadStream(source.file));
  return { source, target, summary };
});
const restored = (from: Engine, to: Engine) => restoredOnce(`${from}>${to}`);

async function roundTrip(from: Engine, to: Engine) {
  const { before, lastContactId } = await office(from);
  // Every table has rows: a table added without data here would go untested.
  const empty = Object.entries(before.rows)
    .filter(([, rows]) => rows.length === 0)
    .map(([name]) => name);
  expect(empty).toEqual([]);
  const { target, summary } = await restored(from, to);
  expect(summary.header.engine).toBe(from);
  expect(summary.tables.length).toBe(Object.keys(before.rows).length);
  const after = await contents(target);
  for (const table of Object.keys(before.rows))
    expect({ table, rows: after.rows[table] }).toEqual({ table, rows: before.rows[table] });
  expect(after.migrations).toEqual(before.migrations);

  // The sequences stand past every id the source handed out, the erased contact's included.
  const added = await services(target).contacts.create({
    draft: contactDraft({ nameEl: "Νέα επαφή" }),
    createdBy: "U0STAFF01",
  });
  if (!("contact" in added)) throw new Error("not created");
  expect(added.contact.id).toBe(lastContactId + 1);
}

describe(`backup and restore on ${testEngine}`, () => {
  // First: its database, handed back to the worker's pool at the end, is then the office's (on
  // PGlite, one database opened instead of two).
  it("refuses to restore into a database that is not empty, and changes nothing there", async () => {
    // A database as the migrations leave it (no office in it), and its own backup.
    const t = await createTestDatabase();
    try {
      const file = path.join(folder, "migrated.jsonl.gz");
      await writeBackup(t.db, createWriteStream(file));
      const before = await contents(t.db);
      await expect(restoreBackup(t.db, () => createReadStream(file))).rejects.toThrow(
        new BackupError(
          "The database to restore into is not empty; restore only into a new, empty database or data folder.",
        ),
      );
      expect(await contents(t.db)).toEqual(before);
    } finally {
      await t.dispose();
    }
  });

  it("restores an office with rows in every table into an empty database of the same engine", async () => {
    await roundTrip(testEngine, testEngine);
  });

  it("refuses a changed, cut or newer backup before touching the database", async () => {
    const { file } = await office(testEngine);
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const write = (name: string, content: string) => {
      const out = path.join(folder, name);
      writeFileSync(out, gzipSync(content));
      return out;
    };
    const target = await emptyToKeep(testEngine);
    const refused = async (file: string, sentence: RegExp) => {
      await expect(restoreBackup(target, () => createReadStream(file))).rejects.toThrow(sentence);
      expect(await countTables(target)).toBe(0);
    };

    // One value changed: the hash in the last line no longer matches.
    const row = lines.findIndex((l) => l.includes("Σταυροπούλου"));
    const changed = [...lines];
    changed[row] = (changed[row] ?? "").replace("Σταυροπούλου", "Παπαδοπούλου");
    await refused(write("changed.jsonl.gz", changed.join("\n")), /checksum does not match/);
    // Cut short.
    await refused(write("cut.jsonl.gz", lines.slice(0, lines.length - 5).join("\n")), /ends early/);
    writeFileSync(path.join(folder, "not-gzip.jsonl.gz"), "hello");
    await refused(path.join(folder, "not-gzip.jsonl.gz"), /not a gzip file/);

    // A migration this checkout does not have: a newer schema (its hash made to match, as a newer
    // Grafeio would write it).
    const { createHash } = await import("node:crypto");
    const header = JSON.parse(lines[0] ?? "{}") as { migrations: { name: string; checksum: string }[] };
    header.migrations.push({ name: "29991231000000_from_the_future", checksum: "0".repeat(64) });
    const body = [JSON.stringify(header), ...lines.slice(1, -2)];
    const hash = createHash("sha256");
    for (const l of body) hash.update(`${l}\n`);
    const end = JSON.parse(lines[lines.length - 2] ?? "{}") as Record<string, unknown>;
    const newer = [...body, JSON.stringify({ ...end, sha256: hash.digest("hex") }), ""].join("\n");
    const newerFile = write("newer.jsonl.gz", newer);
    await expect(verifyBackup(() => createReadStream(newerFile))).rejects.toThrow(/comes from a newer schema/);
    await refused(newerFile, /comes from a newer schema \(its migration 29991231000000_from_the_future/);
  });
});

describe.runIf(withPostgres)("backup and restore across engines", () => {
  it("PGlite → PostgreSQL: every row of every table found again", async () => {
    await roundTrip("pglite", "postgres");
  });
  it("PostgreSQL → PGlite: every row of every table found again", async () => {
    await roundTrip("postgres", "pglite");
  });
});

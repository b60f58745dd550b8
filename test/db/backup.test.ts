// `npm run backup` / `npm run restore`: a logical backup that restores on either engine. An office
// with rows in every table is backed up, restored into an empty database of the same engine and of
// the other one, and every table's rows (as the server renders them, generated columns included)
// are found again; a non-empty target, and a changed or newer backup, are refused. `npm run backup`
// beside the running bot, as its own process, is backup.process.test.ts.

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
const emptyDatabase = (engine: Engine) => scratch.emptyDatabase(engine);
// The office is filled once per engine: the tests only read it (their backups) and restore elsewhere.
const filled = new Map<Engine, Promise<Database>>();
const filledDatabase = (engine: Engine) => {
  let db = filled.get(engine);
  if (!db) {
    db = scratch.filledDatabase(engine);
    filled.set(engine, db);
  }
  return db;
};

async function backupFile(db: Database, name: string): Promise<string> {
  const file = path.join(folder, name);
  await writeBackup(db, createWriteStream(file));
  return file;
}

async function roundTrip(from: "pglite" | "postgres", to: "pglite" | "postgres") {
  const source = await filledDatabase(from);
  const before = await contents(source);
  // Every table has rows: a table added without data here would go untested.
  const empty = Object.entries(before.rows)
    .filter(([, rows]) => rows.length === 0)
    .map(([name]) => name);
  expect(empty).toEqual([]);
  const file = await backupFile(source, `${from}-to-${to}.jsonl.gz`);
  const target = await emptyDatabase(to);
  const summary = await restoreBackup(target, () => createReadStream(file));
  expect(summary.header.engine).toBe(from);
  expect(summary.tables.length).toBe(Object.keys(before.rows).length);
  const after = await contents(target);
  for (const table of Object.keys(before.rows))
    expect({ table, rows: after.rows[table] }).toEqual({ table, rows: before.rows[table] });
  expect(after.migrations).toEqual(before.migrations);

  // The sequences stand past every id the source handed out, the erased contact's included.
  const [highest] = await source.transaction("snapshot", (s) =>
    s.query<{ last: string }>("SELECT last_value::text AS last FROM contacts_id_seq"),
  );
  const added = await services(target).contacts.create({
    draft: contactDraft({ nameEl: "Νέα επαφή" }),
    createdBy: "U0STAFF01",
  });
  if (!("contact" in added)) throw new Error("not created");
  expect(added.contact.id).toBe(Number(highest?.last) + 1);
}

describe(`backup and restore on ${testEngine}`, () => {
  it("restores an office with rows in every table into an empty database of the same engine", async () => {
    await roundTrip(testEngine, testEngine);
  });

  it("refuses to restore into a database that is not empty, and changes nothing there", async () => {
    const source = await filledDatabase(testEngine);
    const file = await backupFile(source, "refused.jsonl.gz");
    const t = await createTestDatabase();
    scratch.later(() => t.dispose());
    const before = await contents(t.db);
    await expect(restoreBackup(t.db, () => createReadStream(file))).rejects.toThrow(
      new BackupError(
        "The database to restore into is not empty; restore only into a new, empty database or data folder.",
      ),
    );
    expect(await contents(t.db)).toEqual(before);
  });

  it("refuses a changed, cut or newer backup before touching the database", async () => {
    const source = await filledDatabase(testEngine);
    const file = await backupFile(source, "original.jsonl.gz");
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const write = (name: string, content: string) => {
      const out = path.join(folder, name);
      writeFileSync(out, gzipSync(content));
      return out;
    };
    const target = await emptyDatabase(testEngine);
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

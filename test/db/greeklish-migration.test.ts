// The greeklish_rules migration redefines grafeio_phonetic(): the skeletons stored before it (the
// clippings' search vectors and outlet, the outlets' table, the contacts' and letters' skeletons)
// are computed again by it, so that old rows are found by the new rules like new ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../src/db/database.js";
import { readMigrations } from "../../src/db/migrate.js";
import { createTestDatabase, type TestDatabase, testEngine } from "../support/database.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
});
afterAll(() => t?.dispose());

describe(`the greeklish_rules migration on ${testEngine}`, () => {
  it("rebuilds the skeletons stored before it", async () => {
    const names = readMigrations(MIGRATIONS_DIR).map((m) => m.name);
    const ours = names.findIndex((n) => n.endsWith("_greeklish_rules"));
    expect(ours).toBeGreaterThan(0);
    await t.db.migrate(names.slice(0, ours));
    const sql = (q: string) => t.db.prisma.$executeRawUnsafe(q);
    await sql(`INSERT INTO clippings (register_year, register_seq, title, outlet, published_on, medium, tone, scope,
      created_by, submission_key) VALUES (2026, 1, 'Ο Παύλος στο θέατρο', 'Ευβοϊκός Λόγος', '2026-11-02', 'print',
      'neutral', 'municipality', 'U1', 'old-1')`);
    await sql(
      `INSERT INTO contacts (name_el, name_latin, created_by, updated_at) VALUES ('Σταυρούλα Παππά', 'Stavroula Pappa', 'U1', now())`,
    );
    await sql(`INSERT INTO letters (register_year, register_seq, direction, letter_date, counterpart, subject, created_by)
      VALUES (2026, 1, 'incoming', '2026-11-02', 'Ευρωπαϊκή Επιτροπή', 'Ευαγγελία', 'U1')`);
    const skeletons = () =>
      t.db.prisma.$queryRawUnsafe<
        { outlet: string; phonetic: boolean; facet: boolean; contact: string; letter: boolean; outlets: string }[]
      >(
        `SELECT c.outlet_skeleton AS outlet,
                c.search_phonetic @@ 'pavl'::tsquery AS phonetic,
                c.search_fts @@ quote_literal('~ o' || c.outlet_skeleton)::tsquery AS facet,
                (SELECT search_skeleton FROM contacts) AS contact,
                (SELECT search_phonetic @@ 'evagelia'::tsquery FROM letters) AS letter,
                (SELECT string_agg(skeleton, ',') FROM clipping_outlets) AS outlets
           FROM clippings c`,
      );
    const before = (await skeletons())[0];
    expect(before?.phonetic).toBe(false); // the old rules read αυ as "ai"
    await t.db.migrate();
    const after = (await skeletons())[0];
    expect(after).toEqual({
      outlet: "evoikos logos",
      phonetic: true,
      facet: true,
      contact: "stavrula papa stavrula papa   ",
      letter: true,
      outlets: "evoikos logos",
    });
  });
});

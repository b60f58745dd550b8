// The database's grafeio_phonetic() and greeklishSkeleton() give the same skeleton, word for word,
// on the engine the tests run on (PGlite, or PostgreSQL with TEST_DATABASE_URL): the stored
// skeletons and the look-ups in code must meet.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGLISH_NAMES, greeklishSkeleton } from "../../src/lib/greeklish.js";
import { TABLE } from "../fixtures/greeklish-table.js";
import { createTestDatabase, type TestDatabase, testEngine } from "../support/database.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.dispose());

const fixture = JSON.parse(readFileSync(new URL("../fixtures/greeklish-names.json", import.meta.url), "utf8")) as {
  greeklish: [string, string][];
  english: [string, string][];
};

const WORDS = [
  ...TABLE.flatMap((row) => [row.greek, ...row.latin]),
  ...fixture.greeklish.flat(),
  ...fixture.english.flat(),
  ...Object.entries(ENGLISH_NAMES).flat(),
  // Sentences, punctuation, digits, capitals, mixed scripts, what unaccent folds.
  "Ο Δήμαρχος Αμαρουσίου εγκαινίασε το νέο πάρκο",
  "ΣΥΝΕΔΡΙΑΣΗ ΤΟΥ ΔΗΜΟΤΙΚΟΥ ΣΥΜΒΟΥΛΙΟΥ (3/12)",
  "dhmotiko symvoulio: 8a syzhthsei ton proypologismo tou 2027",
  "The mayor's new park; Kifisias Ave. 8th district",
  "Μαΐου ΜΑΪΟΥ Maïou αϋπνία Ευΐα ΐ ΰ",
  "ευρώ euro EUR 1.500€ 8ο Γυμνάσιο 88",
  "Straße Æsop Øresund œuvre Łódź",
  "Ζωή-Μαρία Zoi-Maria o'neil e-mail",
  "αυτό, ευχή, ηύρα, αύριο, εύκολο, Εύβοια, ναύτης, αυλή",
  "Νέα Σμύρνη, Αγία Παρασκευή, Ayia Napa, Agios Dimitrios",
  "",
  " ",
];

describe(`grafeio_phonetic() on ${testEngine}`, () => {
  it(`gives the skeleton greeklishSkeleton() gives, for ${WORDS.length} words and sentences`, async () => {
    const rows = await t.db.prisma.$queryRawUnsafe<{ s: string }[]>(
      `SELECT public.grafeio_phonetic(w) AS s FROM unnest($1::text[]) WITH ORDINALITY AS u(w, n) ORDER BY n`,
      WORDS,
    );
    const differ = WORDS.map((w, i) => ({ w, sql: rows[i]?.s, ts: greeklishSkeleton(w) })).filter(
      (d) => d.sql !== d.ts,
    );
    expect(differ).toEqual([]);
    expect(rows).toHaveLength(WORDS.length);
  });
});

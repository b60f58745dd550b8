import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNCTIONS_FILE, functionsFileOf } from "../../scripts/db-functions.js";
import { createTestDatabase, type TestDatabase, testEngine } from "../support/database.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.dispose());

describe(`prisma/migrations/functions.sql on ${testEngine}`, () => {
  it("is the definition of every grafeio_* function the migrations leave (npm run db:functions)", async () => {
    const committed = readFileSync(FUNCTIONS_FILE, "utf8");
    expect(committed, "run `npm run db:functions`").toBe(await functionsFileOf(t.db));
  });

  it("holds the search's functions, so the comparison above compares something", () => {
    const names = [...readFileSync(FUNCTIONS_FILE, "utf8").matchAll(/^CREATE OR REPLACE FUNCTION public\.(\w+)\(/gm)];
    expect(names.map((m) => m[1])).toEqual(
      expect.arrayContaining([
        "grafeio_unaccent",
        "grafeio_phonetic",
        "grafeio_stem_query",
        "grafeio_outlet_query",
        "grafeio_latin_query",
      ]),
    );
  });
});

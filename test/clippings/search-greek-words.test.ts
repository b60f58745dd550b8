// The register's search as a Greek press officer types it: articles and prepositions left out,
// short Greeklish words finding their other cases, and the office's synonyms (Μαρούσι and
// Αμαρούσιο), on the real engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClippingSearch } from "../../src/areas/clippings/clipping-search.js";
import { isSearchQueryError, parseSearchQuery } from "../../src/areas/clippings/search-query.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase, testEngine } from "../support/database.js";

let t: TestDatabase;
let search: ReturnType<typeof createClippingSearch>;

const THEATRE = [
  "Στο θέατρο του δήμου η παράσταση της Κυριακής",
  "Νέα σεζόν για το Δημοτικό Θέατρο",
  "Θέατρο στην πλατεία για τα παιδιά",
  "Ανακαίνιση θεάτρου με ευρωπαϊκά κονδύλια",
];
const DIMOS = [
  "Ο δήμος ανακοίνωσε το πρόγραμμα των εορτών",
  "Ο δήμος καθαρίζει τα ρέματα",
  "Ο δήμος ζητά εθελοντές",
  "Ο δήμος παραλαμβάνει νέα απορριμματοφόρα",
  "Προσλήψεις του δήμου για το καλοκαίρι",
  "Ο προϋπολογισμός του δήμου εγκρίθηκε",
  "Τα έργα του δήμου στις γειτονιές",
  "Ευχαριστίες του δήμου στους εθελοντές",
  "Κάτοικοι κατά του δήμο για τα σκουπίδια",
  "Συνεργασία με τον δήμο Κηφισιάς",
  "Ζητούν από τον δήμο φωτισμό",
  "Συνάντηση με τον δήμο για το πάρκο",
];
const PLACES = [
  "Νέο κολυμβητήριο στο Μαρούσι",
  "Ο Δήμαρχος Αμαρουσίου στους κατοίκους",
  "Εκδηλώσεις στο Αμαρούσιο τον Δεκέμβριο",
  "Κυκλοφοριακές ρυθμίσεις στο κέντρο του Μαρουσιού",
  "Ο Μαραθώνας της Αθήνας",
];

beforeAll(async () => {
  t = await createTestDatabase();
  search = createClippingSearch({
    reader: t.db.reader,
    clock: new ManualClock(new Date("2026-11-22T09:00:00Z")),
    timeZone: "Europe/Athens",
  });
  const titles = [
    ...THEATRE,
    ...DIMOS,
    ...PLACES,
    "Το Βήμα της Κυριακής αλλάζει μορφή",
    "Βραβείο για τη Ζωή Παπαδάκη",
    "Η συνεδρίαση της 15ης Μαΐου",
  ];
  for (const [k, title] of titles.entries()) {
    await t.db.prisma.$executeRawUnsafe(
      `INSERT INTO clippings (register_year, register_seq, title, outlet, published_on, medium, tone, scope, created_by, submission_key)
       VALUES (2026, $1, $2, 'Η Καθημερινή', '2026-11-02', 'print', 'neutral', 'municipality', 'U1', $3)`,
      k + 1,
      title,
      `words-${k}`,
    );
  }
});
afterAll(() => t?.dispose());

async function titles(text: string): Promise<string[]> {
  const q = parseSearchQuery(text);
  if (isSearchQueryError(q)) throw new Error(JSON.stringify(q));
  const found: string[] = [];
  for (let page = 1; ; page++) {
    const result = await search.searchClippings({ ...q, page });
    found.push(...result.hits.map((h) => h.title));
    if (page >= result.pages) return found.sort();
  }
}

describe(`search words on ${testEngine}`, () => {
  it("leaves articles and prepositions out: «στο θέατρο» finds what «θέατρο» finds", async () => {
    const theatre = await titles("θέατρο");
    expect(theatre).toEqual([...THEATRE].sort());
    expect(await titles("στο θέατρο")).toEqual(theatre);
    expect(await titles("Για το θέατρο της πλατείας")).toEqual(await titles("θέατρο πλατείας"));
  });

  it("leaves them out in Greeklish too: «sto theatro» finds what «theatro» finds", async () => {
    expect(await titles("sto theatro")).toEqual(await titles("theatro"));
    expect(await titles("theatro")).toEqual([...THEATRE].sort());
  });

  it("takes a query of nothing but them as it is: «Το» finds the clippings with «το»", async () => {
    const found = await titles("Το");
    expect(found).toContain("Το Βήμα της Κυριακής αλλάζει μορφή");
    expect(found).not.toContain("Ο δήμος ζητά εθελοντές");
  });

  it("finds δήμος, δήμου and δήμο from the Greeklish «dimos», and from «dimou»", async () => {
    expect(await titles("dimos")).toEqual(expect.arrayContaining(DIMOS));
    expect(await titles("dimou")).toEqual(expect.arrayContaining(DIMOS));
    expect(await titles("δήμος")).toEqual(expect.arrayContaining(DIMOS));
  });

  it("reads Latin oi and ai also as two vowels: «zoi» finds «Ζωή», «maiou» finds «Μαΐου»", async () => {
    expect(await titles("zoi papadaki")).toEqual(["Βραβείο για τη Ζωή Παπαδάκη"]);
    expect(await titles("maiou")).toEqual(["Η συνεδρίαση της 15ης Μαΐου"]);
  });

  it("finds Μαρούσι and Αμαρούσιο, in any case, from either", async () => {
    const marousi = PLACES.slice(0, 4).sort();
    expect(await titles("Μαρούσι")).toEqual(marousi);
    expect(await titles("Αμαρούσιο")).toEqual(marousi);
    expect(await titles("Μαρουσιού")).toEqual(marousi);
    expect(await titles("marousi")).toEqual(marousi);
    expect(await titles("amarousiou")).toEqual(marousi);
  });

  it("takes a synonym the office adds at once", async () => {
    expect(await titles("Athens")).toEqual(["Ο Μαραθώνας της Αθήνας"]);
    expect(await titles("Κηφισσιά")).toEqual(["Συνεργασία με τον δήμο Κηφισιάς"]);
    expect(await titles("Κάστρο Μαραθώνα")).toEqual([]);
    await t.db.prisma.searchSynonym.create({ data: { term: "Μαραθώνας", synonym: "Marathon", createdBy: "U1" } });
    expect(await titles("marathon")).toEqual(["Ο Μαραθώνας της Αθήνας"]);
  });
});

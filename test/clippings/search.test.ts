import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_SIZE } from "../../src/areas/clippings/clipping-search.js";
import { isSearchQueryError, parseSearchQuery, type SearchQuery } from "../../src/areas/clippings/search-query.js";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { phoneticSkeleton } from "../../src/calendar/namedays/name-forms.js";
import { phoneticPrefixQuery } from "../../src/lib/text.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
const STAFF = "U0STAFF01";

async function add(values: {
  title: string;
  outlet: string;
  summary?: string;
  tone?: string;
  medium?: string;
  publishedOn?: string;
  topics?: string[];
  url?: string;
}) {
  const topics = await t.database.db.prisma.topic.findMany({ where: { slug: { in: values.topics ?? [] } } });
  const result = validateClipping(
    {
      title: values.title,
      outlet: values.outlet,
      summary: values.summary,
      url: values.url,
      tone: values.tone ?? "neutral",
      medium: values.medium ?? "print",
      scope: "municipality",
      publishedOn: values.publishedOn ?? "2026-11-02",
      topicIds: topics.map((tp) => String(tp.id)),
    },
    { today: "2026-11-22", knownTopicIds: new Set(topics.map((tp) => tp.id)) },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  await t.bot.services.clippings.createClipping({
    draft: result.draft,
    createdBy: STAFF,
    submissionKey: `seed-${Math.random()}`,
  });
}

function q(text: string): SearchQuery {
  const parsed = parseSearchQuery(text);
  if (isSearchQueryError(parsed)) throw new Error(JSON.stringify(parsed));
  return parsed;
}
const titles = async (text: string) =>
  (await t.bot.services.clippingSearch.searchClippings(q(text))).hits.map((h) => h.title);

beforeAll(async () => {
  t = await startTestBot();
  await t.grant(STAFF, "staff");
  await add({
    title: "Ο Δήμαρχος εγκαινίασε το νέο πάρκο",
    outlet: "Η Καθημερινή",
    tone: "positive",
    topics: ["environment"],
    publishedOn: "2026-10-05",
  });
  await add({
    title: "Συνάντηση του Δημάρχου Αμαρουσίου με κατοίκους",
    outlet: "ΕΡΤ",
    medium: "tv",
    publishedOn: "2026-11-10",
  });
  await add({
    title: "Mayor of Marousi opens a new park",
    outlet: "Athens News",
    medium: "online",
    url: "https://athensnews.example/mayor-park",
    publishedOn: "2026-11-12",
    topics: ["culture"],
  });
  await add({
    title: "Προβλήματα στην αποκομιδή απορριμμάτων",
    outlet: "Τα Νέα",
    tone: "negative",
    summary: "Καταγγελίες για την καθαριότητα",
    topics: ["cleaning"],
  });
  await add({ title: "Ο προϋπολογισμός του 2027 στο συμβούλιο", outlet: "Τα Νέα", publishedOn: "2026-07-01" });
  await add({
    title: "Φεστιβάλ θεάτρου στο δημοτικό θέατρο",
    outlet: "Lifo",
    tone: "positive",
    topics: ["culture"],
    publishedOn: "2026-09-01",
  });
  await add({
    title: "The city council planned a recycling scheme",
    outlet: "Athens News",
    publishedOn: "2026-11-15",
  });
  for (let i = 1; i <= 25; i++)
    await add({
      title: `Δημοτικό συμβούλιο: συνεδρίαση ${i}`,
      outlet: "Πρώτο Θέμα",
      publishedOn: `2026-08-${String(i).padStart(2, "0")}`,
    });
});
afterAll(() => t?.stop());

describe("reading a search", () => {
  it("takes Greek and English filters, dates both ways, quoted values", () => {
    expect(
      parseSearchQuery(
        'πάρκο από:1/3/2026 έως:2026-03-31 μέσο:"Η Καθημερινή" τόνος:αρνητικό είδος:έντυπο θέμα:πολιτισμός ταξη:σχετικότητα',
      ),
    ).toEqual({
      words: "πάρκο",
      from: "2026-03-01",
      to: "2026-03-31",
      outlet: "Η Καθημερινή",
      tone: "negative",
      medium: "print",
      topic: "πολιτισμός",
      sort: "relevance",
      page: 1,
    });
    expect(parseSearchQuery("park from:2026-01-01 tone:positive medium:tv")).toMatchObject({
      words: "park",
      from: "2026-01-01",
      tone: "positive",
      medium: "tv",
    });
  });

  it("answers bad searches with a reason, not an error", () => {
    expect(parseSearchQuery("")).toEqual({ error: "empty" });
    expect(parseSearchQuery("   ")).toEqual({ error: "empty" });
    expect(parseSearchQuery("!!! ??? ***")).toEqual({ error: "nothingSearchable" });
    expect(parseSearchQuery("λέξη ".repeat(1000))).toEqual({ error: "tooLong", max: 500 });
    expect(parseSearchQuery("πάρκο από:30/2/2026")).toEqual({ error: "badFilter", filter: "από:30/2/2026" });
    expect(parseSearchQuery("πάρκο τόνος:χαρούμενο")).toEqual({ error: "badFilter", filter: "τόνος:χαρούμενο" });
  });

  it("turns a skeleton into a prefix query that tolerates Greek endings", () => {
    expect(phoneticPrefixQuery("dimarxos amarusiu")).toBe("dimarx:* & amarus:*");
    expect(phoneticPrefixQuery("o ' ; park")).toBe("park:*");
    expect(phoneticPrefixQuery("")).toBeUndefined();
  });
});

describe("searching the register", () => {
  it("ignores accents and capitals and stems Greek: «δημαρχος παρκα» finds «Ο Δήμαρχος … νέο πάρκο»", async () => {
    expect(await titles("δημαρχος παρκα")).toContain("Ο Δήμαρχος εγκαινίασε το νέο πάρκο");
    expect(await titles("ΔΗΜΑΡΧΟΣ ΠΑΡΚΟ")).toContain("Ο Δήμαρχος εγκαινίασε το νέο πάρκο");
  });

  it("finds the Greek text from Greeklish", async () => {
    expect(await titles("dimarxos marousiou")).toContain("Συνάντηση του Δημάρχου Αμαρουσίου με κατοίκους");
    expect(await titles("apokomidi aporrimmaton")).toContain("Προβλήματα στην αποκομιδή απορριμμάτων");
    expect(await titles("proypologismos")).toContain("Ο προϋπολογισμός του 2027 στο συμβούλιο");
  });

  it("reads Greeklish ei, oi, ai as ει, οι, αι, exactly and not as a near miss", async () => {
    const q = parseSearchQuery("katoikous");
    if (isSearchQueryError(q)) throw new Error("query");
    const result = await t.bot.services.clippingSearch.searchClippings(q);
    expect(result.approximate).toBe(false);
    expect(result.hits.map((h) => h.title)).toContain("Συνάντηση του Δημάρχου Αμαρουσίου με κατοίκους");
  });

  it("gives the same skeleton in the database as in the code that matches names", async () => {
    const words = [
      "Γιώργος",
      "giorgos",
      "plateia",
      "Πλατεία",
      "oikonomia",
      "Παιδικός",
      "προϋπολογισμός",
      "Θεσσαλονίκη",
      "Mpampis",
      "Ευαγγελία",
    ];
    const rows = await t.database.db.prisma.$queryRawUnsafe<{ s: string }[]>(
      `SELECT public.grafeio_phonetic(w) AS s FROM unnest($1::text[]) WITH ORDINALITY AS u(w, n) ORDER BY n`,
      words,
    );
    expect(rows.map((r) => r.s)).toEqual(words.map((w) => phoneticSkeleton(w)));
  });

  it("matches English words in English text", async () => {
    expect(await titles("mayor parks")).toEqual(["Mayor of Marousi opens a new park"]);
  });

  it("finds other English forms of a word, in one scan of the skeleton index", async () => {
    // "running" is 'runi' as a skeleton stem, which "run" does not begin with; its English stem
    // 'run' is looked for too. "planning" (ng as γγ) is 'plan', like its English stem. "the" is an
    // English stop word and asks for nothing.
    expect(await titles("the planning")).toEqual(["The city council planned a recycling scheme"]);
    expect(await titles("recycled schemes")).toEqual(["The city council planned a recycling scheme"]);
    const rows = await t.database.db.prisma.$queryRawUnsafe<{ q: string }[]>(
      `SELECT public.grafeio_latin_query(w)::text AS q FROM unnest($1::text[]) WITH ORDINALITY AS u(w, n) ORDER BY n`,
      ["running", "planning", "dimarxos marousiou", "to vima", "the"],
    );
    expect(rows.map((r) => r.q)).toEqual(["'runi' | 'run'", "'plan'", "'dimarx' & 'marus'", "'vima'", "'the'"]);
  });

  it("searches summaries, outlets and topics too", async () => {
    expect(await titles("καθαριοτητα")).toContain("Προβλήματα στην αποκομιδή απορριμμάτων");
    expect(await titles("θέμα:πολιτισμός")).toEqual([
      "Mayor of Marousi opens a new park",
      "Φεστιβάλ θεάτρου στο δημοτικό θέατρο",
    ]);
    expect(await titles("μέσο:kathimerini")).toEqual(["Ο Δήμαρχος εγκαινίασε το νέο πάρκο"]);
  });

  it("filters by dates, tone and medium", async () => {
    expect(await titles("από:2026-11-01 έως:2026-11-11")).toEqual([
      "Συνάντηση του Δημάρχου Αμαρουσίου με κατοίκους",
      "Προβλήματα στην αποκομιδή απορριμμάτων",
    ]);
    expect(await titles("τόνος:αρνητικό")).toEqual(["Προβλήματα στην αποκομιδή απορριμμάτων"]);
    expect(await titles("είδος:τηλεόραση")).toEqual(["Συνάντηση του Δημάρχου Αμαρουσίου με κατοίκους"]);
  });

  it("comes close on a misspelling when nothing matches exactly", async () => {
    const result = await t.bot.services.clippingSearch.searchClippings(q("φεστιβαλ θεατρυ"));
    expect(result.hits.map((h) => h.title)).toContain("Φεστιβάλ θεάτρου στο δημοτικό θέατρο");
  });

  it("pages by ten, newest first", async () => {
    const first = await t.bot.services.clippingSearch.searchClippings(q("συνεδρίαση"));
    expect(first).toMatchObject({ total: 25, pages: 3, page: 1 });
    expect(first.hits).toHaveLength(PAGE_SIZE);
    expect(first.hits[0]?.title).toBe("Δημοτικό συμβούλιο: συνεδρίαση 25");
    const third = await t.bot.services.clippingSearch.searchClippings({ ...q("συνεδρίαση"), page: 3 });
    expect(third.hits.map((h) => h.title)).toEqual([
      "Δημοτικό συμβούλιο: συνεδρίαση 5",
      "Δημοτικό συμβούλιο: συνεδρίαση 4",
      "Δημοτικό συμβούλιο: συνεδρίαση 3",
      "Δημοτικό συμβούλιο: συνεδρίαση 2",
      "Δημοτικό συμβούλιο: συνεδρίαση 1",
    ]);
  });
});

describe("/clip search in Slack", () => {
  async function search(text: string) {
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/clip", text: `search ${text}`, userId: STAFF });
    const answer = await t.fake.waitFor("response_url", () => true, 5000, before);
    expect(answer.response.ok, JSON.stringify(answer.response)).toBe(true);
    return answer.args;
  }

  it("answers privately with results that link to the article and show the register number", async () => {
    const answer = await search("δημαρχος παρκο");
    expect(answer.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer.blocks)).toContain("`2026/0001`");
  });

  it("pages with next and previous buttons", async () => {
    const first = await search("συνεδρίαση");
    const actions = (first.blocks as Json[]).find((b) => b.type === "actions") as Json;
    const next = (actions.elements as Json[]).find((e) => String(e.action_id).endsWith("_next")) as Json;
    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: STAFF,
      actionId: String(next.action_id),
      value: String(next.value),
      channelId: "C0001",
    });
    const page2 = await t.fake.waitFor("response_url", () => true, 5000, before);
    expect(page2.args.replace_original).toBe(true);
    expect(String(page2.args.text)).toContain("2");
    expect(JSON.stringify(page2.args.blocks)).toContain("συνεδρίαση 15");
  });

  it("gives short help for an empty search, and a clear sentence for nonsense or a huge one", async () => {
    expect(String((await search("")).text)).toContain("/clip search");
    expect(String((await search("&&& ###")).text)).toContain("δεν έχει λέξεις");
    expect(String((await search("α".repeat(5000))).text)).toContain("500");
    expect(String((await search("ανύπαρκτοζξψ τόνος:θετικό")).text)).toContain("χωρίς κάποια από τα φίλτρα");
  });
});

describe("the needs-reply filter", () => {
  it("is read in Greek and English and refuses other values", () => {
    expect(parseSearchQuery("απάντηση:ναι")).toMatchObject({ needsReply: true, words: "" });
    expect(parseSearchQuery("πάρκο reply:open")).toMatchObject({ needsReply: true, words: "πάρκο" });
    expect(parseSearchQuery("reply:maybe")).toEqual({ error: "badFilter", filter: "reply:maybe" });
  });
});

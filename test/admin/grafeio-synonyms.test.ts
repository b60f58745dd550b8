// `/grafeio synonyms`: the pairs of words the search takes as one, which the office extends.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseGrafeioCommand } from "../../src/areas/admin/parse-grafeio-command.js";
import { isSearchQueryError, parseSearchQuery } from "../../src/areas/clippings/search-query.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const ADMIN = "U0ADMIN01";
const MANAGER = "U0MANAG07";
const STAFF = "U0STAFF07";
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await t.bot.services.roles.ensureAdmins([ADMIN]);
  await t.bot.services.roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: ADMIN });
  await t.bot.services.roles.grantRole({ slackUserId: STAFF, role: "staff", grantedBy: ADMIN });
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(5000)).toBe(true);
});

async function run(userId: string, text: string): Promise<string> {
  const before = t.fake.calls.length;
  await t.slack.command({ command: "/grafeio", text, userId });
  const answer = await t.fake.waitFor("response_url", () => true, 5000, before);
  return String(answer.args.text);
}

async function titles(text: string): Promise<string[]> {
  const q = parseSearchQuery(text);
  if (isSearchQueryError(q)) throw new Error(JSON.stringify(q));
  return (await t.bot.services.clippingSearch.searchClippings(q)).hits.map((h) => h.title);
}

describe("/grafeio synonym", () => {
  it("is read as a pair, with = or |, and nothing else", () => {
    expect(parseGrafeioCommand("synonyms")).toEqual({ kind: "synonyms" });
    expect(parseGrafeioCommand("synonym add Νέα Σμύρνη = Ν. Σμύρνη")).toEqual({
      kind: "synonymAdd",
      term: "Νέα Σμύρνη",
      synonym: "Ν. Σμύρνη",
    });
    expect(parseGrafeioCommand("synonym add Ψυχικό | Psychiko")).toEqual({
      kind: "synonymAdd",
      term: "Ψυχικό",
      synonym: "Psychiko",
    });
    expect(parseGrafeioCommand("synonym remove 4")).toEqual({ kind: "synonymRemove", id: 4 });
    expect(parseGrafeioCommand("synonym add Ψυχικό")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("synonym add Α = Β = Γ")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("synonym add Ψυχικό = Ψυχικό")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("synonym remove x")).toEqual({ kind: "help" });
  });

  it("lists the seeded place names to staff, and lets only a manager add and remove", async () => {
    expect(await run(STAFF, "synonyms")).toContain("Μαρούσι = Αμαρούσιο");
    expect(await run(STAFF, "synonym add Ψυχικό = Psychiko")).not.toContain("Psychiko");
    expect(await t.database.db.prisma.searchSynonym.count({ where: { term: "Ψυχικό" } })).toBe(0);

    await t.bot.services.clippings.createClipping({
      draft: {
        title: "Νέος παιδικός σταθμός στο Ψυχικό",
        outlet: "Lifo",
        url: null,
        urlKey: null,
        publishedOn: "2026-11-02",
        medium: "online",
        tone: "positive",
        scope: "municipality",
        summary: null,
        topicIds: [],
        departmentIds: [],
      },
      createdBy: STAFF,
      submissionKey: "synonym-1",
    });
    expect(await titles("psyxiko")).toEqual(["Νέος παιδικός σταθμός στο Ψυχικό"]);
    expect(await titles("Φιλοθέη")).toEqual([]);

    const added = await run(MANAGER, "synonym add Ψυχικό = Φιλοθέη");
    const id = Number(/#(\d+)/.exec(added)?.[1]);
    expect(added).toContain("Φιλοθέη");
    expect(await run(MANAGER, "synonym add Φιλοθέη = Ψυχικό")).toContain(`#${id}`);
    expect(await run(STAFF, "synonyms")).toContain(`#${id} Ψυχικό = Φιλοθέη`);
    expect(await titles("Φιλοθέης")).toEqual(["Νέος παιδικός σταθμός στο Ψυχικό"]);

    expect(await run(MANAGER, `synonym remove ${id}`)).toContain(`#${id}`);
    expect(await run(MANAGER, `synonym remove ${id}`)).toContain("/grafeio synonyms");
    expect(await titles("Φιλοθέη")).toEqual([]);
  });
});

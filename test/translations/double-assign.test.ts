// The assignment's form submitted again and again (a double click, Slack's retry, a slow answer
// clicked once more): one assignment recorded, the translator and the requester told once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildStepModal } from "../../src/areas/translations/slack/translation-views.js";
import { messages } from "../../src/i18n/index.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const REQUESTER = "U0REQUE01";
const TRANSLATOR = "U0TRANS01";
const OTHER_TRANSLATOR = "U0TRANS02";
const COORDINATOR = "U0COORD01";
/** The sender opens a DM (conversations.open) and posts there; the fake names it D + the user id. */
const dm = (user: string) => `D${user.slice(1)}`;

// Monday 23 November 2026, 10:00 in Athens.
const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ clock });
  t.fake.rateLimit = { windowMs: 5, retryAfterSeconds: 1 };
  for (const u of [REQUESTER, TRANSLATOR, OTHER_TRANSLATOR, COORDINATOR]) await t.grant(u, "staff");
  await t.grant(COORDINATOR, "manager");
});
afterAll(() => t?.stop());

async function newRequest(key: string): Promise<number> {
  const outcome = await t.bot.services.translations.create({
    draft: {
      title: "Επιστολή του Δημάρχου Λεμεσού",
      documentUrl: "https://example.org/letter.pdf",
      sourceLang: "en",
      targetLang: "el",
      dueOn: "2026-11-30",
      urgency: "normal",
      reason: null,
      notes: null,
    },
    requestedBy: REQUESTER,
    submissionKey: key,
  });
  if (outcome.status !== "created") throw new Error(outcome.status);
  return outcome.request.id;
}

const assignTo = (user: string) => ({ assignee: { value: { type: "users_select", selected_user: user } } });
const assignEvents = async (requestId: number) =>
  t.database.db.prisma.translationEvent.count({ where: { requestId, action: "assign" } });
const dmsTo = (user: string, requestId: number) =>
  (t.fake.messages.get(dm(user)) ?? []).filter((m) => String(m.text).includes(`#${requestId}`)).length;

it("one assignment and one notice each, however many times the form is submitted, one after another or at once", async () => {
  const id = await newRequest("double-assign");
  const view = { ...(buildStepModal(messages("el"), "assign", id) as unknown as Json), id: "V0ASSIGN01" };
  const submit = () => t.slack.viewSubmission({ view, userId: COORDINATOR, values: assignTo(TRANSLATOR) });
  for (let i = 0; i < 3; i++) expect((await submit()).status).toBe(200);
  await Promise.all(Array.from({ length: 7 }, submit));
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === dm(TRANSLATOR));
  expect(await assignEvents(id)).toBe(1);
  expect(dmsTo(TRANSLATOR, id)).toBe(1);
  expect(dmsTo(REQUESTER, id)).toBe(1);
  // Nobody was told "no longer possible" for the repeats.
  expect(t.fake.callsTo("chat.postEphemeral").filter((c) => c.args.user === COORDINATOR)).toEqual([]);
  const stored = await t.database.db.prisma.translationRequest.findUniqueOrThrow({ where: { id } });
  expect(stored).toMatchObject({ status: "assigned", assignee: TRANSLATOR });
});

it("a new assignment to someone else is still taken and told", async () => {
  const id = await newRequest("reassign");
  const view = { ...(buildStepModal(messages("el"), "assign", id) as unknown as Json), id: "V0ASSIGN02" };
  await t.slack.viewSubmission({ view, userId: COORDINATOR, values: assignTo(TRANSLATOR) });
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  const again = { ...view, id: "V0ASSIGN03" };
  await t.slack.viewSubmission({ view: again, userId: COORDINATOR, values: assignTo(OTHER_TRANSLATOR) });
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === dm(OTHER_TRANSLATOR));
  expect(await assignEvents(id)).toBe(2);
  expect(dmsTo(OTHER_TRANSLATOR, id)).toBe(1);
});

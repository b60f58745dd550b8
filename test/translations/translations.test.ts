import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildStepModal } from "../../src/areas/translations/slack/translation-views.js";
import {
  availableSteps,
  checkStep,
  STEPS,
  type TranslationAction,
  type TranslationStatus,
} from "../../src/areas/translations/translation-flow.js";
import { createTranslationService } from "../../src/areas/translations/translation-service.js";
import { validateTranslation } from "../../src/areas/translations/translation-validation.js";
import { createRoleService, type RoleService } from "../../src/areas/users/roles.js";
import { messages } from "../../src/i18n/index.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const REQUESTER = "U0REQUE01";
const TRANSLATOR = "U0TRANS01";
const COORDINATOR = "U0COORD01";
const OTHER = "U0OTHER01";
const INTL = "C0INTL001";
/** The sender opens a DM (conversations.open) and posts there; the fake names it D + the user id. */
const dm = (user: string) => `D${user.slice(1)}`;

describe("the translation flow", () => {
  const statuses: TranslationStatus[] = [
    "requested",
    "assigned",
    "in_progress",
    "delivered",
    "accepted",
    "returned",
    "cancelled",
  ];
  const request = (status: TranslationStatus) => ({ status, requestedBy: REQUESTER, assignee: TRANSLATOR });

  it("allows each step only from its states, and to the right people", () => {
    for (const status of statuses) {
      for (const action of Object.keys(STEPS) as TranslationAction[]) {
        const allowedNow = STEPS[action].from.includes(status);
        const byCoordinator = checkStep(action, request(status), { userId: COORDINATOR, coordinator: true });
        expect(byCoordinator, `${action} from ${status}`).toBe(allowedNow ? undefined : "not_allowed_now");
        const byOther = checkStep(action, request(status), { userId: OTHER, coordinator: false });
        expect(byOther, `${action} by a stranger from ${status}`).toBe(allowedNow ? "not_yours" : "not_allowed_now");
      }
    }
    const translator = { userId: TRANSLATOR, coordinator: false };
    const requester = { userId: REQUESTER, coordinator: false };
    expect(availableSteps(request("assigned"), translator)).toEqual(["start", "deliver"]);
    expect(availableSteps(request("delivered"), requester)).toEqual(["accept", "return", "cancel"]);
    expect(availableSteps(request("requested"), requester)).toEqual(["cancel"]);
    expect(checkStep("assign", request("requested"), translator)).toBe("not_yours");
    expect(availableSteps(request("accepted"), { userId: COORDINATOR, coordinator: true })).toEqual([]);
  });

  it("validates a request: a document, two different languages, a due date not past", () => {
    const today = "2026-11-23";
    const r = validateTranslation(
      { title: " ", documentUrl: "not a link", sourceLang: "fr", targetLang: "fr", dueOn: "2026-11-20" },
      { today },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v?.code]))).toEqual({
      title: "required",
      documentUrl: "urlInvalid",
      targetLang: "sameLanguage",
      dueOn: "datePast",
    });
    expect(validateTranslation({ title: "x", sourceLang: "xx", targetLang: "el", dueOn: today }, { today }).ok).toBe(
      false,
    );
  });
});

describe("the translation service", () => {
  let db: TestDatabase;
  const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));
  let roles: RoleService;
  beforeAll(async () => {
    db = await createTestDatabase();
    roles = createRoleService({ prisma: db.db.prisma });
    // The coordinators are the office's managers; here, one person. OTHER holds no role.
    await roles.ensureRoleHolders([REQUESTER, TRANSLATOR], "staff");
    await roles.ensureRoleHolders([COORDINATOR], "manager");
  });
  afterAll(() => db?.dispose());

  it("decides from the actor: a stranger, a stale step and a missing request are refused as values, and change nothing", async () => {
    const service = createTranslationService({ prisma: db.db.prisma, clock, timeZone: "Europe/Athens", roles });
    const draft = {
      title: "Πρόσκληση",
      documentUrl: "https://example.org/x",
      sourceLang: "fr",
      targetLang: "el",
      dueOn: "2026-11-30",
      urgency: "normal" as const,
      reason: null,
      notes: null,
    };
    const stranger = await service.create({
      draft,
      requestedBy: REQUESTER,
      filedBy: OTHER,
      submissionKey: "filed-by-a-stranger",
    });
    // Filed by someone with no role, on the requester's behalf: refused, nothing stored.
    expect(stranger).toEqual({ status: "refused", reason: "staff_only" });
    expect(await db.db.prisma.translationRequest.count()).toBe(0);
    expect(await service.list({ actor: OTHER, filter: "open", today: "2026-11-23" })).toEqual(stranger);
    const created = await service.create({
      draft,
      requestedBy: REQUESTER,
      submissionKey: "service-test",
    });
    if (created.status === "refused") throw new Error("the requester was refused");
    const requestId = created.request.id;
    // The translator may not assign, even to themself: only the coordinator assigns.
    const byTranslator = await service.step({
      actor: TRANSLATOR,
      requestId,
      action: "assign",
      payload: { assignee: TRANSLATOR },
    });
    expect(byTranslator).toMatchObject({ status: "refused", reason: "not_yours" });
    // Not delivered: it cannot be accepted yet, whoever asks.
    expect(await service.step({ actor: COORDINATOR, requestId, action: "accept" })).toMatchObject({
      status: "refused",
      reason: "not_allowed_now",
    });
    expect(await service.step({ actor: COORDINATOR, requestId: 999_999, action: "cancel" })).toEqual({
      status: "not_found",
    });
    const assigned = await service.step({
      actor: COORDINATOR,
      requestId,
      action: "assign",
      payload: { assignee: TRANSLATOR },
    });
    expect(assigned.status).toBe("done");
    // The assignee may start it now; a stranger still may not.
    expect(await service.step({ actor: OTHER, requestId, action: "start" })).toMatchObject({ reason: "not_yours" });
    // Two clicks at once: one moves it, the other is told it is no longer possible.
    const both = await Promise.all([
      service.step({ actor: TRANSLATOR, requestId, action: "start" }),
      service.step({ actor: TRANSLATOR, requestId, action: "start" }),
    ]);
    expect(both.map((o) => o.status).sort()).toEqual(["done", "refused"]);
    const history = await service.history(requestId);
    expect(history.map((e) => [e.action, e.by])).toEqual([
      ["request", REQUESTER],
      ["assign", COORDINATOR],
      ["start", TRANSLATOR],
    ]);
  });
});

describe("translation requests in Slack", () => {
  // Monday 23 November 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));
  let t: TestBot;
  let id: number;
  beforeAll(async () => {
    t = await startTestBot({ clock, env: { INTL_CHANNEL_ID: INTL } });
    // The bot's sender is paced for tests at 5 ms a channel; the fake enforces the same.
    t.fake.rateLimit = { windowMs: 5, retryAfterSeconds: 1 };
    for (const u of [REQUESTER, TRANSLATOR, OTHER, COORDINATOR]) await t.grant(u, "staff");
    await t.grant(COORDINATOR, "manager");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  const form = (v: Record<string, string>) => ({
    title: { value: { type: "plain_text_input", value: v.title ?? null } },
    documentUrl: { value: { type: "plain_text_input", value: v.documentUrl ?? null } },
    sourceLang: { value: { type: "static_select", selected_option: v.sourceLang ? { value: v.sourceLang } : null } },
    targetLang: { value: { type: "static_select", selected_option: v.targetLang ? { value: v.targetLang } : null } },
    dueOn: { value: { type: "datepicker", selected_date: v.dueOn ?? null } },
    urgency: { value: { type: "radio_buttons", selected_option: { value: v.urgency ?? "normal" } } },
    reason: { value: { type: "plain_text_input", value: v.reason ?? null } },
    notes: { value: { type: "plain_text_input", value: null } },
  });

  const card = () => (t.fake.messages.get(INTL) ?? []).find((m) => !m.thread_ts) as Json;
  const buttons = () =>
    (
      (((card().blocks as Json[]).find((b) => b.type === "actions") as Json | undefined)?.elements as
        | Json[]
        | undefined) ?? []
    ).map((e) => e.action_id);
  const press = (userId: string, step: string) =>
    t.slack.blockAction({
      userId,
      actionId: `translation_step_${step}`,
      value: String(id),
      channelId: INTL,
      message: card(),
    });

  async function stepModal(userId: string, step: string, values: Record<string, Record<string, Json>>) {
    const before = t.fake.calls.length;
    await press(userId, step);
    const opened = await t.fake.waitFor("views.open", () => true, 5000, before);
    const res = await t.slack.viewSubmission({ view: opened.response.view as Json, userId, values });
    return res.text ? (res.json() as Json) : {};
  }

  it("takes a request from the form: errors inline, then one card in the office's channel", async () => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/translate", text: "", userId: REQUESTER, triggerId, channelId: "C0WORK001" });
    const view = (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
    const bad = await t.slack.viewSubmission({
      view,
      userId: REQUESTER,
      values: form({
        title: "Επιστολή",
        documentUrl: "https://example.org/a.pdf",
        sourceLang: "el",
        targetLang: "el",
        dueOn: "2026-11-20",
      }),
    });
    expect(Object.keys((bad.json() as Json).errors as Json).sort()).toEqual(["dueOn", "targetLang"]);
    const good = form({
      title: "Letter from the Mayor of Limassol",
      documentUrl: "https://example.org/letter.pdf",
      sourceLang: "en",
      targetLang: "el",
      dueOn: "2026-11-27",
      reason: "Επίσκεψη αντιπροσωπείας",
    });
    // Filed by a colleague on the requester's behalf.
    const onBehalf = { ...good, requestedFor: { value: { type: "users_select", selected_user: REQUESTER } } };
    await t.slack.viewSubmission({ view, userId: OTHER, values: onBehalf });
    await t.slack.viewSubmission({ view, userId: OTHER, values: onBehalf }); // Slack's retry
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("#"));
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(t.fake.messages.get(INTL)).toHaveLength(1);
    const stored = await t.database.db.prisma.translationRequest.findMany();
    expect(stored).toHaveLength(1);
    id = stored[0]?.id as number;
    expect(stored[0]).toMatchObject({ status: "requested", cardChannel: INTL });
    expect(JSON.stringify(card().blocks)).toContain("Αγγλικά (en) → Ελληνικά (el)");
    expect(buttons()).toEqual(["translation_step_assign", "translation_step_cancel"]);
  });

  it("lets only the coordinator assign; the translator hears of it once", async () => {
    const before = t.fake.calls.length;
    await press(OTHER, "assign");
    // Refused at the click: the assignment's form does not even open for anyone but the coordinator.
    await t.fake.waitFor(
      "chat.postEphemeral",
      (c) => c.args.user === OTHER && String(c.args.text).includes("συντονιστής"),
      5000,
      before,
    );
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(t.fake.calls.slice(before).filter((c) => c.method === "views.open")).toHaveLength(0);
    expect((await t.database.db.prisma.translationRequest.findUnique({ where: { id } }))?.status).toBe("requested");

    const both = await stepModal(COORDINATOR, "assign", {
      assignee: { value: { type: "users_select", selected_user: TRANSLATOR } },
      vendor: { value: { type: "plain_text_input", value: "Γραφείο Μεταφράσεων Α.Ε." } },
    });
    expect(both.response_action).toBe("errors");
    await stepModal(COORDINATOR, "assign", {
      assignee: { value: { type: "users_select", selected_user: TRANSLATOR } },
    });
    const told = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === dm(TRANSLATOR));
    // The DM says which request it is, without opening the card: its title linked to the
    // document, its languages and its due date.
    expect(String(told.args.text)).toContain("<https://example.org/letter.pdf|Letter from the Mayor of Limassol>");
    expect(String(told.args.text)).toMatch(/→ .* · ως 27\/11\/2026/);
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect((await t.database.db.prisma.translationRequest.findUnique({ where: { id } }))?.status).toBe("assigned");
    expect(buttons()).toEqual([
      "translation_step_assign",
      "translation_step_start",
      "translation_step_deliver",
      "translation_step_cancel",
    ]);
  });

  it("goes from work to delivery to acceptance, each step recorded once, double clicks included", async () => {
    await Promise.all([press(TRANSLATOR, "start"), press(TRANSLATOR, "start")]);
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    const bad = await stepModal(TRANSLATOR, "deliver", {
      deliveredUrl: { value: { type: "plain_text_input", value: "δεν είναι σύνδεσμος" } },
    });
    expect(bad.response_action).toBe("errors");
    await stepModal(TRANSLATOR, "deliver", {
      deliveredUrl: { value: { type: "plain_text_input", value: "https://example.org/letter-el.docx" } },
    });
    await t.fake.waitFor(
      "chat.postMessage",
      (c) => c.args.channel === dm(REQUESTER) && String(c.args.text).includes("letter-el"),
    );
    const refusedFrom = t.fake.calls.length;
    await press(OTHER, "accept");
    await t.fake.waitFor(
      "chat.postEphemeral",
      (c) => c.args.user === OTHER && String(c.args.text).includes("αιτών"),
      5000,
      refusedFrom,
    );
    await Promise.all([press(REQUESTER, "accept"), press(REQUESTER, "accept")]);
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    const history = await t.database.db.prisma.translationEvent.findMany({
      where: { requestId: id },
      orderBy: { id: "asc" },
    });
    expect(history.map((e) => e.action)).toEqual(["request", "assign", "start", "deliver", "accept"]);
    expect(history.map((e) => e.by)).toEqual([OTHER, COORDINATOR, TRANSLATOR, TRANSLATOR, REQUESTER]);
    expect(buttons()).toEqual([]);
    const thread = (t.fake.messages.get(INTL) ?? []).filter((m) => m.thread_ts);
    expect(thread).toHaveLength(4);
    const toTranslator = t.fake
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === dm(TRANSLATOR) && String(c.args.text).includes("εγκρίθηκε"));
    expect(toTranslator).toHaveLength(1);
  });

  it("starts from a message with a file: the shortcut fills in the document and its name", async () => {
    const before = t.fake.calls.length;
    await t.slack.messageShortcut({
      callbackId: "request_translation",
      userId: REQUESTER,
      channelId: INTL,
      message: {
        text: "Η επιστολή από το Βελιγράδι",
        files: [
          {
            id: "F1",
            name: "pismo-beograd.pdf",
            title: "Pismo gradonačelnika Beograda",
            permalink: "https://grafeio.slack.com/files/U1/F1/pismo.pdf",
          },
        ],
      },
    });
    const opened = await t.fake.waitFor("views.open", () => true, 5000, before);
    const blocks = (opened.response.view as Json).blocks as Json[];
    const value = (id: string) => ((blocks.find((b) => b.block_id === id) as Json).element as Json).initial_value;
    expect(value("documentUrl")).toBe("https://grafeio.slack.com/files/U1/F1/pismo.pdf");
    expect(value("title")).toBe("Pismo gradonačelnika Beograda");
  });

  it("lists requests by filter", async () => {
    await t.slack.command({ command: "/translate", text: "list mine", userId: REQUESTER, channelId: INTL });
    const answer = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("δικά μου"));
    expect(String(answer.args.text)).toContain("Κανένα αίτημα"); // the only one is accepted: not open
    await t.slack.command({ command: "/translate", text: "list everything", userId: REQUESTER, channelId: INTL });
    await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("/translate help"));
  });

  it("answers /translate help and /translate βοήθεια with the command's help", async () => {
    for (const text of ["help", "βοήθεια"]) {
      const before = t.fake.calls.length;
      await t.slack.command({ command: "/translate", text, userId: REQUESTER, channelId: INTL });
      const answer = await t.fake.waitFor("response_url", () => true, 5000, before);
      expect(answer.args.text, text).toBe(messages("el").translations.help);
    }
  });

  it("refuses a forged or stale step, from a button or a step's form, and changes nothing", async () => {
    const outOfDate = messages("el").common.outOfDate;
    const events = () => t.database.db.prisma.translationEvent.count({ where: { requestId: id } });
    const stored = async () => (await t.database.db.prisma.translationRequest.findUnique({ where: { id } }))?.status;
    const before = await events();
    const ephemeralsTo = (user: string, text: string) =>
      t.fake.callsTo("chat.postEphemeral").filter((c) => c.args.user === user && c.args.text === text).length;

    // A value that is not a request's id, and a step that is not a step.
    await t.slack.blockAction({
      userId: COORDINATOR,
      actionId: "translation_step_cancel",
      value: `${id} OR 1=1`,
      channelId: INTL,
      message: card(),
    });
    await t.slack.blockAction({
      userId: COORDINATOR,
      actionId: "translation_step_publish",
      value: String(id),
      channelId: INTL,
      message: card(),
    });
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(ephemeralsTo(COORDINATOR, outOfDate)).toBe(2);

    // A stale button: the request is accepted, so the service refuses to cancel it, even for the coordinator.
    await press(COORDINATOR, "cancel");
    await t.fake.waitFor(
      "chat.postEphemeral",
      (c) => c.args.user === COORDINATOR && String(c.args.text).includes("δεν γίνεται πια"),
    );

    // A step's form, opened while the request was open, whose metadata was changed: another step,
    // or not a form's step at all. (A click on "assign" now is refused before any form opens.)
    const opened = async () => ({
      ...(buildStepModal(messages("el"), "assign", id) as unknown as Json),
      id: `V${Math.floor(Math.random() * 1e9)}`,
    });
    const assignee = { assignee: { value: { type: "users_select", selected_user: TRANSLATOR } } };
    for (const metadata of [
      JSON.stringify({ requestId: id, action: "deliver" }),
      JSON.stringify({ requestId: id, action: "accept" }),
      "{",
    ]) {
      const view = await opened();
      const res = await t.slack.viewSubmission({
        view: { ...view, private_metadata: metadata },
        userId: COORDINATOR,
        values: assignee,
      });
      expect(res.json(), metadata).toEqual({ response_action: "errors", errors: { assignee: outOfDate } });
    }
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(await events()).toBe(before);
    expect(await stored()).toBe("accepted");
  });
});

describe("translation reminders", () => {
  it("reminds the assignee two working days ahead and on the day, skipping weekends and holidays; overdue ones go to the coordinator", async () => {
    // Tuesday 22 December 2026, 09:10 in Athens. Two working days on: Thursday 24 (25 and 26 are holidays).
    const h = await createJobHarness({ now: new Date("2026-12-21T07:00:00Z") });
    try {
      await h.services.roles.ensureRoleHolders([COORDINATOR], "manager");
      const p = h.process("A", h.jobs("translation-reminders", "translation-weekly"));
      await h.services.roles.ensureRoleHolders([REQUESTER], "staff");
      const translations = h.services.translations;
      await p.scheduler.tick();
      const make = async (title: string, dueOn: string, assignee: string | null) => {
        const r = await translations.create({
          draft: {
            title,
            documentUrl: "https://example.org/x",
            sourceLang: "fr",
            targetLang: "el",
            dueOn,
            urgency: "normal",
            reason: null,
            notes: null,
          },
          requestedBy: REQUESTER,
          submissionKey: title,
        });
        if (r.status === "refused") throw new Error("the requester was refused");
        if (assignee)
          await translations.step({
            actor: COORDINATOR,
            requestId: r.request.id,
            action: "assign",
            payload: { assignee },
          });
        return r.request.id;
      };
      await make("Πρόσκληση Eurocities", "2026-12-24", TRANSLATOR);
      await make("Σήμερα", "2026-12-22", TRANSLATOR);
      await make("Αργότερα", "2026-12-28", TRANSLATOR);
      await make("Ξεχασμένη", "2026-12-18", null);
      h.clock.set(new Date("2026-12-22T07:11:00Z"));
      await p.scheduler.tick();
      const dms = (user: string) => (h.fake.messages.get(dm(user)) ?? []).map((m) => String(m.text));
      expect(dms(TRANSLATOR).some((x) => x.includes("Eurocities") && x.includes("24/12/2026"))).toBe(true);
      expect(dms(TRANSLATOR).some((x) => x.includes("Σήμερα") && x.includes("σήμερα"))).toBe(true);
      expect(dms(TRANSLATOR).some((x) => x.includes("Αργότερα"))).toBe(false);
      expect(dms(COORDINATOR).some((x) => x.includes("Ξεχασμένη"))).toBe(true);
      // Christmas Day: nothing; Monday 28: the later one is due today.
      h.clock.set(new Date("2026-12-25T07:11:00Z"));
      await p.scheduler.tick();
      const before = dms(TRANSLATOR).length;
      h.clock.set(new Date("2026-12-28T07:16:00Z"));
      await p.scheduler.tick();
      expect(dms(TRANSLATOR).length).toBe(before + 1);
      expect(dms(COORDINATOR).some((x) => x.includes("*Μεταφράσεις, η εβδομάδα*: ανοιχτές 4"))).toBe(true);
    } finally {
      await h.dispose();
    }
  });
});

import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildSponsorReport, reportChartPng, reportCsv, reportXlsx } from "../../src/areas/sponsors/sponsor-report.js";
import {
  checkSponsorStep,
  SPONSOR_STEPS,
  type SponsorshipAction,
  type SponsorshipStatus,
} from "../../src/areas/sponsors/sponsorship-flow.js";
import { type SponsorshipInput, validateSponsorship } from "../../src/areas/sponsors/sponsorship-validation.js";
import { createSponsorsStore } from "../../src/areas/sponsors/store.js";
import { messages } from "../../src/i18n/index.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const MANAGER2 = "U0MANAG02";
const TZ = "Europe/Athens";

function draft(input: SponsorshipInput) {
  const r = validateSponsorship({ contributionType: "money", eventName: "Χριστουγεννιάτικο Χωριό", ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.draft;
}

describe("the sponsorship flow", () => {
  const all: SponsorshipStatus[] = [
    "prospect",
    "contacted",
    "awaiting_approval",
    "committed",
    "received",
    "thanked",
    "declined",
  ];

  it("allows each step only from its states; only managers approve, and never their own request", () => {
    for (const status of all) {
      for (const action of Object.keys(SPONSOR_STEPS) as SponsorshipAction[]) {
        const s = { status, approvalAskedBy: STAFF };
        const allowedNow = SPONSOR_STEPS[action].from.includes(status);
        expect(checkSponsorStep(action, s, { userId: MANAGER, manager: true }), `${action} from ${status}`).toBe(
          allowedNow ? undefined : "not_allowed_now",
        );
        if (allowedNow && SPONSOR_STEPS[action].managersOnly)
          expect(checkSponsorStep(action, s, { userId: STAFF, manager: false })).toBe("managers_only");
      }
    }
    expect(
      checkSponsorStep(
        "approve",
        { status: "awaiting_approval", approvalAskedBy: MANAGER },
        { userId: MANAGER, manager: true },
      ),
    ).toBe("own_request");
    expect(
      checkSponsorStep(
        "receive",
        { status: "awaiting_approval", approvalAskedBy: STAFF },
        { userId: STAFF, manager: false },
      ),
    ).toBe("not_allowed_now");
  });

  it("refuses negative, absurd or missing amounts inline, and takes goods described in words", () => {
    const bad = validateSponsorship({
      organisation: "ΑΒ Βασιλόπουλος",
      contributionType: "money",
      pledgedAmount: "-500",
      eventName: "x",
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.pledgedAmount).toEqual({ code: "amount", error: "negative" });
    const huge = validateSponsorship({
      organisation: "X",
      contributionType: "money",
      pledgedAmount: "50000000",
      eventName: "x",
    });
    if (!huge.ok) expect(huge.errors.pledgedAmount).toEqual({ code: "amount", error: "tooLarge" });
    const none = validateSponsorship({ organisation: "X", contributionType: "money", eventName: "x" });
    if (!none.ok) expect(none.errors.pledgedAmount).toEqual({ code: "amountOrDescription" });
    expect(
      draft({ organisation: "Φούρνος", contributionType: "goods", pledgedDescription: "200 κουλούρια" }).pledgedCents,
    ).toBeNull();
    expect(draft({ organisation: "Τράπεζα", pledgedAmount: "2.500,50" }).pledgedCents).toBe(250050n);
  });
});

describe("sponsors in Slack", () => {
  // Monday 14 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-14T08:00:00Z"));
  let t: TestBot;
  let id: number;
  beforeAll(async () => {
    t = await startTestBot({ clock });
    t.fake.rateLimit = { windowMs: 5, retryAfterSeconds: 1 };
    for (const u of [STAFF, MANAGER, MANAGER2]) await t.grant(u, "staff");
    await t.grant(MANAGER, "manager");
    await t.grant(MANAGER2, "manager");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  });

  const dm = (u: string) => `D${u.slice(1)}`;
  const sponsorsStore = () => createSponsorsStore(t.database.db.prisma);
  const menu = (userId: string, value: string) =>
    t.slack.overflowAction({ userId, actionId: "sponsor_menu", value, channelId: "C0PRESS01" });

  it("registers a sponsorship from the form with its benefits; a bad amount is refused under the field", async () => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/sponsor", text: "add", userId: STAFF, triggerId, channelId: "C0PRESS01" });
    const view = (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
    const text = (x?: string) => ({ value: { type: "plain_text_input", value: x ?? null } });
    const values = (amount: string) => ({
      organisation: text("Τράπεζα Πειραιώς"),
      contactPerson: text("Ελένη Μ."),
      contributionType: { value: { type: "radio_buttons", selected_option: { value: "money" } } },
      pledgedAmount: text(amount),
      pledgedDescription: text(),
      eventName: text("Χριστουγεννιάτικο Χωριό"),
      eventDate: { value: { type: "datepicker", selected_date: "2026-12-20" } },
      benefits: text("Λογότυπο στις αφίσες\n• Αναφορά στο δελτίο τύπου"),
      notes: text(),
      documents: text(),
    });
    const bad = await t.slack.viewSubmission({ view, userId: STAFF, values: values("πολλά") });
    expect(((bad.json() as Json).errors as Json).pledgedAmount).toContain("ποσό");
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("5.000") });
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("5.000") });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":handshake:"));
    const stored = await t.database.db.prisma.sponsorship.findMany({ include: { benefits: true } });
    expect(stored).toHaveLength(1);
    id = stored[0]?.id as number;
    expect(stored[0]?.pledgedAmount?.toString()).toBe("5000");
    expect(stored[0]?.benefits.map((b) => b.description)).toEqual(["Λογότυπο στις αφίσες", "Αναφορά στο δελτίο τύπου"]);
    // Not in the contact archive before: it is now, linked, for its thank-you letter.
    const contact = await t.database.db.prisma.contact.findUniqueOrThrow({
      where: { id: stored[0]?.contactId as number },
    });
    expect(contact).toMatchObject({ organisation: "Τράπεζα Πειραιώς", categorySlug: "businesses" });
  });

  it("goes to committed only with another manager's approval, once", async () => {
    const opens = t.fake.callsTo("views.open").length;
    await menu(STAFF, `receive:${id}`); // not possible before commitment: the form does not even open
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("υποψήφιος"));
    expect(t.fake.callsTo("views.open")).toHaveLength(opens);
    await menu(STAFF, `ask_approval:${id}`);
    const ask = await t.fake.waitFor(
      "chat.postMessage",
      (c) => c.args.channel === dm(MANAGER) && JSON.stringify(c.args.blocks ?? "").includes("sponsor_approve"),
    );
    await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === dm(MANAGER2));
    await t.slack.blockAction({ userId: STAFF, actionId: "sponsor_approve", value: String(id), channelId: dm(STAFF) });
    await t.fake.waitFor(
      "chat.postMessage",
      (c) => c.args.channel === STAFF && String(c.args.text).includes("προϊστάμενος"),
    );
    const message = { ts: (ask.response as Json).ts, blocks: ask.args.blocks };
    await Promise.all(
      [MANAGER, MANAGER].map((u) =>
        t.slack.blockAction({ userId: u, actionId: "sponsor_approve", value: String(id), channelId: dm(u), message }),
      ),
    );
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const s = await sponsorsStore().findById(id);
    expect(s).toMatchObject({ status: "committed", approvedBy: MANAGER, approvalAskedBy: STAFF });
    const history = await sponsorsStore().history(id);
    expect(history.map((h) => h.action)).toEqual(["create", "ask_approval", "approve"]);
    expect(
      t.fake
        .callsTo("chat.postMessage")
        .filter((c) => c.args.channel === dm(STAFF) && String(c.args.text).includes("δεσμεύτηκε")),
    ).toHaveLength(1);
    const updated = t.fake.callsTo("chat.update").find((c) => c.args.channel === dm(MANAGER));
    expect(JSON.stringify(updated?.args.blocks)).not.toContain("sponsor_approve");
  });

  it("records the money received exactly, and the benefits delivered", async () => {
    const before = t.fake.calls.length;
    await menu(STAFF, `receive:${id}`);
    const opened = await t.fake.waitFor("views.open", () => true, 30_000, before);
    const view = opened.response.view as Json;
    const bad = await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: { receivedAmount: { value: { type: "plain_text_input", value: "-1" } } },
    });
    expect((bad.json() as Json).response_action).toBe("errors");
    await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: { receivedAmount: { value: { type: "plain_text_input", value: "4.999,99" } } },
    });
    await t.fake.waitFor(
      "chat.postMessage",
      (c) => c.args.channel === STAFF && String(c.args.text).includes("παραλήφθηκε"),
    );
    expect((await sponsorsStore().findById(id))?.receivedAmount?.toString()).toBe("4999.99");

    const b0 = t.fake.calls.length;
    await menu(STAFF, `benefits:${id}`);
    const bview = (await t.fake.waitFor("views.open", () => true, 30_000, b0)).response.view as Json;
    const pending = (((bview.blocks as Json[])[0] as Json).element as Json).options as Json[];
    const benefitForm = {
      view: bview,
      userId: STAFF,
      values: {
        done: { value: { type: "multi_static_select", selected_options: [{ value: pending[0]?.value }] } },
        waived: { value: { type: "multi_static_select", selected_options: [] } },
        newBenefit: { value: { type: "plain_text_input", value: "Ανάρτηση στα μέσα κοινωνικής δικτύωσης" } },
        owner: { value: { type: "users_select", selected_user: STAFF } },
        dueOn: { value: { type: "datepicker", selected_date: "2026-12-18" } },
      },
    };
    const saidBefore = t.fake.callsTo("chat.postEphemeral").length + t.fake.callsTo("chat.postMessage").length;
    // The form and Slack's retry of it: the new benefit is added once, and confirmed once.
    await t.slack.viewSubmission(benefitForm);
    await t.slack.viewSubmission(benefitForm);
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const benefits = (await sponsorsStore().findById(id))?.benefits ?? [];
    expect(benefits.map((b) => b.status)).toEqual(["done", "pending", "pending"]);
    expect(t.fake.callsTo("chat.postEphemeral").length + t.fake.callsTo("chat.postMessage").length - saidBefore).toBe(
      1,
    );
  });

  it("gives /sponsor's help for `help` and `βοήθεια`, without searching", async () => {
    for (const text of ["help", "βοήθεια", "Βοήθεια"]) {
      const before = t.fake.calls.length;
      await t.slack.command({ command: "/sponsor", text, userId: STAFF, channelId: "C0PRESS01" });
      const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
      expect(String(answer.args.text), text).toBe(messages("el").sponsors.help);
    }
  });

  it("answers a forged or stale button, menu value or form with «out of date», and changes nothing", async () => {
    const outOfDate = messages("el").common.outOfDate;
    const said = (c: { args: Json }) => String(c.args.text) === outOfDate;
    const before = await t.database.db.prisma.sponsorship.findUniqueOrThrow({
      where: { id },
      include: { benefits: true },
    });
    const changes = await t.database.db.prisma.sponsorshipChange.count();

    let mark = t.fake.calls.length;
    await t.slack.blockAction({
      userId: MANAGER,
      actionId: "sponsor_reject",
      value: `${id}; drop`,
      channelId: dm(MANAGER),
    });
    await t.fake.waitFor("chat.postEphemeral", said, 30_000, mark);

    // `approve` is not a menu choice: approval comes only from the managers' buttons.
    mark = t.fake.calls.length;
    await menu(MANAGER, `approve:${id}`);
    await t.fake.waitFor("chat.postEphemeral", said, 30_000, mark);

    mark = t.fake.calls.length;
    await menu(STAFF, `benefits:${id}`);
    const view = (await t.fake.waitFor("views.open", () => true, 30_000, mark)).response.view as Json;
    const forged = await t.slack.viewSubmission({
      view: { ...view, private_metadata: JSON.stringify({ id: String(id) }) },
      userId: STAFF,
      values: { newBenefit: { value: { type: "plain_text_input", value: "Παρείσακτο" } } },
    });
    expect(forged.json()).toEqual({ response_action: "errors", errors: { newBenefit: outOfDate } });

    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(
      await t.database.db.prisma.sponsorship.findUniqueOrThrow({ where: { id }, include: { benefits: true } }),
    ).toEqual(before);
    expect(await t.database.db.prisma.sponsorshipChange.count()).toBe(changes);
  });
});

// Its own database, once the bot's is handed back: opened beside the bot's, it was a second PGlite.
describe("the thank-you reminder and the sponsors' report", () => {
  const dm = (u: string) => `D${u.slice(1)}`;

  it("reminds of the thank-you letter after the event until it is marked sent; the report adds up", async () => {
    const h = await createJobHarness({ now: new Date("2026-12-20T06:00:00Z") });
    try {
      for (const u of [STAFF, MANAGER])
        await h.services.roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "test" });
      await h.services.roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: "test" });
      const sponsorships = h.services.sponsorships;
      const p = h.process("A", h.jobs("sponsor-thanks"));
      await p.scheduler.tick();
      const make = async (organisation: string, amount: string, eventDate: string) => {
        const made = await sponsorships.create({
          actor: STAFF,
          draft: draft({ organisation, pledgedAmount: amount, eventDate }),
          submissionKey: organisation,
        });
        if (made.status === "refused") throw new Error("refused");
        return made;
      };
      const a = await make("Α Ε", "1.000", "2026-12-20");
      const b = await make("Β Ε", "250,50", "2027-01-10");
      for (const s of [a, b]) {
        expect((await sponsorships.step({ actor: STAFF, id: s.sponsorship.id, action: "ask_approval" })).status).toBe(
          "done",
        );
        expect((await sponsorships.step({ actor: MANAGER, id: s.sponsorship.id, action: "approve" })).status).toBe(
          "done",
        );
      }
      h.clock.set(new Date("2026-12-21T07:31:00Z")); // Monday after the event
      await p.scheduler.tick();
      const dms = () => (h.fake.messages.get(dm(STAFF)) ?? []).map((m) => String(m.text));
      expect(dms().filter((x) => x.includes("Α Ε"))).toHaveLength(1);
      expect(dms().some((x) => x.includes("Β Ε"))).toBe(false);
      await sponsorships.step({ actor: STAFF, id: a.sponsorship.id, action: "thank" });
      h.clock.set(new Date("2026-12-22T07:31:00Z"));
      await p.scheduler.tick();
      expect(dms().filter((x) => x.includes("Α Ε"))).toHaveLength(1);

      const report = buildSponsorReport(2026, await sponsorships.forYear(2026), "el", TZ);
      expect(report.totals).toEqual({ pledgedCents: 100000n, receivedCents: 0n });
      const next = buildSponsorReport(2027, await sponsorships.forYear(2027), "el", TZ);
      expect(next.totals.pledgedCents).toBe(25050n);
      expect(next.byMonth.money[0]).toBe(25050n);
      expect(reportCsv(report, "el").toString("utf8")).toContain("1.000,00 €");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await reportXlsx(report, "el")) as unknown as ArrayBuffer);
      expect(book.worksheets[0]?.getRow(2).getCell(5).value).toBe(1000);
      // Like every sheet Grafeio writes: it prints on A4, one page wide, the header on each page.
      expect(book.worksheets[0]?.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: "1:1" });
      expect(book.worksheets[0]?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      const png = reportChartPng(report, "el");
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.length).toBeGreaterThan(2000);

      // A year with prospects only: nothing in the figures, and the answer says who is being approached.
      await make("Γ Ε", "500", "2028-03-01");
      const prospective = buildSponsorReport(2028, await sponsorships.forYear(2028), "el", TZ);
      expect(prospective.rows).toEqual([]);
      expect(prospective.prospects).toBe(1);
      const el = messages("el").sponsors;
      expect(el.reportOnlyProspects(2028, 1)).toBe(
        "Καμία χορηγία δεν έχει ακόμη δεσμευτεί για το 2028: 1 υποψήφιος χορηγός είναι υπό προσέγγιση, εκτός αναφοράς ώσπου να δεσμευτούν.",
      );
      expect(messages("en").sponsors.reportOnlyProspects(2028, 2)).toContain("2 prospective sponsors are");
      expect(buildSponsorReport(2029, await sponsorships.forYear(2029), "el", TZ).prospects).toBe(0);

      // An undated sponsorship counts in the year and month it was entered on the office's calendar:
      // 23:30 on New Year's Eve in Athens is December's, 00:30 is the new year's (UTC says otherwise).
      const undated = async (organisation: string, at: string) => {
        h.clock.set(new Date(at));
        const made = await sponsorships.create({
          actor: STAFF,
          draft: draft({ organisation, pledgedAmount: "100" }),
          submissionKey: organisation,
        });
        if (made.status === "refused") throw new Error("refused");
        await sponsorships.step({ actor: STAFF, id: made.sponsorship.id, action: "ask_approval" });
        await sponsorships.step({ actor: MANAGER, id: made.sponsorship.id, action: "approve" });
      };
      await undated("Δ Ε", "2029-12-31T21:30:00Z");
      await undated("Ε Ε", "2029-12-31T22:30:00Z");
      const eve = buildSponsorReport(2029, await sponsorships.forYear(2029), "el", TZ);
      expect(eve.rows.map((r) => r.organisation)).toEqual(["Δ Ε"]);
      expect(eve.byMonth.money[11]).toBe(10000n);
      const newYear = buildSponsorReport(2030, await sponsorships.forYear(2030), "el", TZ);
      expect(newYear.rows.map((r) => r.organisation)).toEqual(["Ε Ε"]);
      expect(newYear.byMonth.money[0]).toBe(10000n);
    } finally {
      await h.dispose();
    }
  });
});

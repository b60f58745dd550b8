// Partners and agreements through the running app (signed requests in, the fake Slack Web API out):
// the partner's form with its errors under the fields, stored once on a retry; the search and the
// card; an agreement's steps refused at the click for staff, a malformed ΑΔΑ refused under its
// field, a forged menu value refused; and the obligations' reminders around Christmas through the
// real scheduler, once each across two processes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPartnersStore } from "../../src/areas/partners/store.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const CHANNEL = "C0INTL001";

const text = (x?: string) => ({ value: { type: "plain_text_input", value: x ?? null } });
const select = (x?: string) => ({ value: { type: "static_select", selected_option: x ? { value: x } : null } });
const date = (x?: string) => ({ value: { type: "datepicker", selected_date: x ?? null } });

describe("partners and agreements in Slack", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ clock });
    for (const u of [STAFF, MANAGER]) await t.grant(u, "staff");
    await t.grant(MANAGER, "manager");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  const openForm = async (command: string, commandText: string, userId = STAFF) => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command, text: commandText, userId, triggerId, channelId: CHANNEL });
    return (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
  };
  const ephemerals = (needle: string) =>
    t.fake.calls.filter((c) => c.method === "chat.postEphemeral" && String(c.args.text).includes(needle));

  let partnerId: number;
  it("enters a partner from the form: errors under their fields, one partner on a retry, then its card", async () => {
    const view = await openForm("/partner", "new");
    const values = (country: string) => ({
      kind: select("twinned_city"),
      nameEl: text("Φαέντσα"),
      nameLatin: text("Faenza"),
      country: text(country),
      languages: text("Ιταλικά"),
      since: date("2003-05-10"),
      people: text(),
      notes: text("<!channel> δοκιμή"),
    });
    const bad = await t.slack.viewSubmission({ view, userId: STAFF, values: values("Ατλαντίδα") });
    expect(((bad.json() as Json).errors as Json).country).toContain("χώρα");
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("IT") });
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("IT") });
    await t.fake.waitFor(
      "chat.postEphemeral",
      (c) => String(c.args.text).includes("Φαέντσα") && Array.isArray(c.args.blocks),
    );
    const stored = await t.database.db.prisma.partner.findMany();
    expect(stored).toHaveLength(1);
    partnerId = stored[0]?.id as number;
    expect(ephemerals(":globe_with_meridians:")).toHaveLength(1);
  });

  it("finds it in Greeklish and shows its card with its menu", async () => {
    await t.slack.command({ command: "/partner", text: "faentsa", userId: STAFF, channelId: CHANNEL });
    const found = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("1 φορέας"));
    expect(JSON.stringify(found.args.blocks)).toContain("partner_open");
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "partner_open",
      value: String(partnerId),
      channelId: CHANNEL,
    });
    const card = await t.fake.waitFor("chat.postEphemeral", (c) =>
      JSON.stringify(c.args.blocks ?? []).includes("partner_menu"),
    );
    expect(JSON.stringify(card.args.blocks)).toContain("Ιταλία");
  });

  let agreementId: number;
  it("proposes an agreement; staff are refused a step at the click, a manager records it; a bad ΑΔΑ is said under its field", async () => {
    const view = await openForm("/agreement", "new");
    await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: {
        kind: select("twinning"),
        title: text("Αδελφοποίηση με τη Φαέντσα"),
        parties: { value: { type: "multi_static_select", selected_options: [{ value: String(partnerId) }] } },
        fields: text("Πολιτισμός"),
        documentUrl: text(),
        durationYears: text(),
        expiresOn: date(),
        renewal: select("by_decision"),
        notes: text(),
      },
    });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":scroll:"));
    const stored = await t.database.db.prisma.agreement.findMany();
    expect(stored).toHaveLength(1);
    agreementId = stored[0]?.id as number;

    const menu = (userId: string, value: string) =>
      t.slack.overflowAction({ userId, actionId: "agreement_menu", value, channelId: CHANNEL });
    const opened = t.fake.calls.filter((c) => c.method === "views.open").length;
    await menu(STAFF, `step:committee_opinion:${agreementId}`);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("managers"));
    expect(t.fake.calls.filter((c) => c.method === "views.open")).toHaveLength(opened);
    // A forged value changes nothing.
    await menu(MANAGER, `step:approve:${agreementId}`);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("επίκαιρο"));

    const stepForm = async (step: string) => {
      await menu(MANAGER, `step:${step}:${agreementId}`);
      const call = await t.fake.waitFor("views.open", (c) =>
        String((c.args.view as Json)?.private_metadata ?? "").includes(step),
      );
      return call.response.view as Json;
    };
    await t.slack.viewSubmission({ view: await stepForm("committee_opinion"), userId: MANAGER, values: {} });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("γνώμη επιτροπής"));
    const decision = await stepForm("council_decision");
    const values = (ada: string) => ({
      decisionNumber: text("312/2026"),
      decisionDate: date("2026-11-20"),
      ada: text(ada),
    });
    const bad = await t.slack.viewSubmission({ view: decision, userId: MANAGER, values: values("ΑΒΓ-123") });
    expect(((bad.json() as Json).errors as Json).ada).toContain("ΑΔΑ");
    await t.slack.viewSubmission({ view: decision, userId: MANAGER, values: values("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4") });
    await t.slack.viewSubmission({ view: decision, userId: MANAGER, values: values("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4") });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("απόφαση δημοτικού συμβουλίου"));
    const steps = await createPartnersStore(t.database.db.prisma).findAgreement(agreementId);
    expect(steps?.status).toBe("council_decision");
    expect(steps?.steps.map((s) => s.step)).toEqual(["proposal", "committee_opinion", "council_decision"]);
    expect(steps?.ada).toBe("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4");

    await t.slack.command({ command: "/agreement", text: String(agreementId), userId: STAFF, channelId: CHANNEL });
    const card = await t.fake.waitFor("response_url", (c) =>
      JSON.stringify(c.args.blocks ?? []).includes("diavgeia.gov.gr"),
    );
    expect(JSON.stringify(card.args.blocks)).toContain("agreement_menu");
    expect(JSON.stringify(card.args.blocks)).toContain(`edit:${agreementId}`);
  });

  it("edits an agreement's particulars from its card's menu: the form prefilled, saved once on a retry", async () => {
    await t.slack.overflowAction({
      userId: STAFF,
      actionId: "agreement_menu",
      value: `edit:${agreementId}`,
      channelId: CHANNEL,
    });
    const call = await t.fake.waitFor(
      "views.open",
      (c) =>
        (c.args.view as Json)?.callback_id === "agreement_modal" &&
        String((c.args.view as Json)?.private_metadata ?? "").includes(`"id":${agreementId}`),
    );
    const view = call.response.view as Json;
    const title = (view.blocks as Json[]).find((b) => b.block_id === "title") as Json;
    expect((title.element as Json).initial_value).toBe("Αδελφοποίηση με τη Φαέντσα");
    const parties = (view.blocks as Json[]).find((b) => b.block_id === "parties") as Json;
    expect(((parties.element as Json).initial_options as Json[]).map((o) => o.value)).toEqual([String(partnerId)]);
    const values = {
      kind: select("twinning"),
      title: text("Αδελφοποίηση Αμαρουσίου–Φαέντσας"),
      parties: { value: { type: "multi_static_select", selected_options: [{ value: String(partnerId) }] } },
      fields: text("Πολιτισμός\nΝεολαία"),
      documentUrl: text(),
      durationYears: text("5"),
      expiresOn: date(),
      renewal: select("by_decision"),
      notes: text(),
    };
    await t.slack.viewSubmission({ view, userId: STAFF, values });
    await t.slack.viewSubmission({ view, userId: STAFF, values });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("άλλαξαν"));
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    const a = await createPartnersStore(t.database.db.prisma).findAgreement(agreementId);
    expect(a?.title).toBe("Αδελφοποίηση Αμαρουσίου–Φαέντσας");
    expect(a?.durationYears).toBe(5);
    expect(a?.status).toBe("council_decision");
    expect(a?.steps.filter((s) => s.step === "edited")).toHaveLength(1);
    // A forged choice is answered as out of date and opens nothing.
    const before = t.fake.calls.length;
    await t.slack.overflowAction({ userId: STAFF, actionId: "agreement_menu", value: "edit:x", channelId: CHANNEL });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("επίκαιρο"), 30_000, before);
    expect(t.fake.calls.slice(before).filter((c) => c.method === "views.open")).toHaveLength(0);
  });
});

describe("obligation reminders", () => {
  it("reminds the owner two working days before and on the day, around Christmas, once each", async () => {
    // Monday 21 December 2026, 09:00 in Athens.
    const h = await createJobHarness({ now: new Date("2026-12-21T07:00:00Z") });
    try {
      await h.services.roles.ensureRoleHolders([STAFF], "staff");
      await h.services.roles.ensureRoleHolders([MANAGER], "manager");
      const p = h.process("A", h.jobs("obligation-reminders"));
      await p.scheduler.tick();
      const partner = await h.services.partners.create({
        actor: STAFF,
        input: { kind: "twinned_city", nameEl: "Πλοϊέστι", nameLatin: "Ploiești", country: "RO" },
        submissionKey: "p",
      });
      if (partner.status !== "created") throw new Error(partner.status);
      const proposed = await h.services.agreements.propose({
        actor: STAFF,
        input: { kind: "twinning", title: "Πλοϊέστι", partyIds: [partner.partner.id] },
        submissionKey: "a",
      });
      if (proposed.status !== "created") throw new Error(proposed.status);
      const id = proposed.agreement.id;
      const step = (step: "committee_opinion" | "council_decision" | "signed" | "in_force", input = {}) =>
        h.services.agreements.step({ actor: MANAGER, id, step, input, submissionKey: step });
      await step("committee_opinion");
      await step("council_decision", { decisionNumber: "1/2026", decisionDate: "2026-12-01", ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" });
      await step("signed", { signedOn: "2026-12-02", signedPlace: "Μαρούσι" });
      await step("in_force");
      // Due on Christmas Day (a Friday, a holiday): before on Wednesday 23, "on the day" Thursday 24.
      await h.services.agreements.addObligation({
        actor: STAFF,
        agreementId: id,
        input: {
          description: "Χριστουγεννιάτικη ευχετήρια",
          owner: STAFF,
          recurrence: "yearly",
          firstDueOn: "2026-12-25",
        },
        submissionKey: "o",
      });
      const dms = () => (h.fake.messages.get(`D${STAFF.slice(1)}`) ?? []).map((m) => String(m.text));
      const at = async (iso: string) => {
        h.clock.set(new Date(iso));
        await p.scheduler.tick();
        await h.process("B", h.jobs("obligation-reminders")).scheduler.tick();
      };
      await at("2026-12-22T08:00:00Z");
      expect(dms()).toHaveLength(0);
      await at("2026-12-23T08:00:00Z");
      expect(dms()).toHaveLength(1);
      expect(dms()[0]).toContain("25/12/2026");
      await at("2026-12-24T08:00:00Z");
      expect(dms()).toHaveLength(2);
      expect(dms()[1]).toContain("Σήμερα");
      await at("2026-12-28T08:00:00Z");
      expect(dms()).toHaveLength(2);
    } finally {
      await h.dispose();
    }
  });
});

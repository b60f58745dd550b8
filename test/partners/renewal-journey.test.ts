// An agreement's renewal through the running app (signed requests in, the fake Slack Web API out):
// staff propose it from the card's menu, a manager records the council's decision (a malformed ΑΔΑ
// said under its field, a retry recorded once) and then the renewal with its new end; the card says
// where the renewal stands and its menu offers only the next step.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPartnersStore } from "../../src/areas/partners/store.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const CHANNEL = "C0INTL001";

const text = (x?: string) => ({ value: { type: "plain_text_input", value: x ?? null } });
const date = (x?: string) => ({ value: { type: "datepicker", selected_date: x ?? null } });

describe("an agreement's renewal in Slack", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let t: TestBot;
  let id: number;
  beforeAll(async () => {
    t = await startTestBot({ clock });
    for (const u of [STAFF, MANAGER]) await t.grant(u, "staff");
    await t.grant(MANAGER, "manager");
    const { partners, agreements } = t.bot.services;
    const partner = await partners.create({
      actor: STAFF,
      input: { kind: "twinned_city", nameEl: "Φαέντσα", nameLatin: "Faenza", country: "IT" },
      submissionKey: "p",
    });
    if (partner.status !== "created") throw new Error(partner.status);
    const proposed = await agreements.propose({
      actor: STAFF,
      input: { kind: "twinning", title: "Φαέντσα", partyIds: [partner.partner.id], expiresOn: "2027-01-31" },
      submissionKey: "a",
    });
    if (proposed.status !== "created") throw new Error(proposed.status);
    id = proposed.agreement.id;
    const step = (step: "committee_opinion" | "council_decision" | "signed" | "in_force", input = {}) =>
      agreements.step({ actor: MANAGER, id, step, input, submissionKey: step });
    await step("committee_opinion");
    await step("council_decision", { decisionNumber: "12/2022", decisionDate: "2022-01-20", ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" });
    await step("signed", { signedOn: "2022-02-01", signedPlace: "Φαέντσα" });
    await step("in_force");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  const menu = (userId: string, value: string) =>
    t.slack.overflowAction({ userId, actionId: "agreement_menu", value, channelId: CHANNEL });
  const stepForm = async (userId: string, step: string) => {
    const before = t.fake.calls.length;
    await menu(userId, `step:${step}:${id}`);
    const call = await t.fake.waitFor(
      "views.open",
      (c) => String((c.args.view as Json)?.private_metadata ?? "").includes(`"step":"${step}"`),
      30_000,
      before,
    );
    return call.response.view as Json;
  };
  const card = async () => {
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/agreement", text: String(id), userId: STAFF, channelId: CHANNEL });
    const reply = await t.fake.waitFor(
      "response_url",
      (c) => JSON.stringify(c.args.blocks ?? []).includes("agreement_menu"),
      30_000,
      before,
    );
    return JSON.stringify(reply.args.blocks);
  };
  const stored = () => createPartnersStore(t.database.db.prisma).findAgreement(id);

  it("proposes, decides and renews it from the card, each step once with who", async () => {
    // In force: the menu offers a renewal's proposal, not the renewal itself.
    let blocks = await card();
    expect(blocks).toContain(`step:renewal_proposed:${id}`);
    expect(blocks).not.toContain(`step:renewed:${id}`);
    // Staff propose it.
    const proposal = await stepForm(STAFF, "renewal_proposed");
    await t.slack.viewSubmission({ view: proposal, userId: STAFF, values: {} });
    await t.slack.viewSubmission({ view: proposal, userId: STAFF, values: {} });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("Πρόταση ανανέωσης"));
    expect((await stored())?.renewalStage).toBe("proposed");
    blocks = await card();
    expect(blocks).toContain("αναμένεται απόφαση του συμβουλίου");
    expect(blocks).toContain(`step:renewal_decision:${id}`);
    // Staff are refused the council's decision at the click: no form opens.
    const opened = t.fake.calls.filter((c) => c.method === "views.open").length;
    await menu(STAFF, `step:renewal_decision:${id}`);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("managers"));
    expect(t.fake.calls.filter((c) => c.method === "views.open")).toHaveLength(opened);
    // A manager records the decision; a malformed ΑΔΑ is said under its field.
    const decision = await stepForm(MANAGER, "renewal_decision");
    const values = (ada: string) => ({
      decisionNumber: text("401/2026"),
      decisionDate: date("2026-11-30"),
      ada: text(ada),
    });
    const bad = await t.slack.viewSubmission({ view: decision, userId: MANAGER, values: values("401/2026") });
    expect(((bad.json() as Json).errors as Json).ada).toContain("ΑΔΑ");
    await t.slack.viewSubmission({ view: decision, userId: MANAGER, values: values("Ψ4ΛΚ46ΜΤΛ6-ΞΣ5") });
    await t.slack.viewSubmission({ view: decision, userId: MANAGER, values: values("Ψ4ΛΚ46ΜΤΛ6-ΞΣ5") });
    await t.fake.waitFor("chat.postEphemeral", (c) =>
      String(c.args.text).includes("Απόφαση συμβουλίου για την ανανέωση"),
    );
    expect((await stored())?.renewalStage).toBe("decided");
    // Then the renewal with its new end date.
    const renewal = await stepForm(MANAGER, "renewed");
    const early = await t.slack.viewSubmission({
      view: renewal,
      userId: MANAGER,
      values: { expiresOn: date("2027-01-01") },
    });
    expect(((early.json() as Json).errors as Json).expiresOn).toBeTruthy();
    await t.slack.viewSubmission({ view: renewal, userId: MANAGER, values: { expiresOn: date("2032-01-31") } });
    await t.slack.viewSubmission({ view: renewal, userId: MANAGER, values: { expiresOn: date("2032-01-31") } });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("Ανανέωση καταχωρίστηκε"));
    const a = await stored();
    expect(a?.renewalStage).toBeNull();
    expect(a?.expiresOn?.toISOString().slice(0, 10)).toBe("2032-01-31");
    expect(a?.ada).toBe("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4");
    expect(a?.steps.slice(-3).map((s) => [s.step, s.by])).toEqual([
      ["renewal_proposed", STAFF],
      ["renewal_decision", MANAGER],
      ["renewed", MANAGER],
    ]);
    blocks = await card();
    expect(blocks).toContain(`step:renewal_proposed:${id}`);
  });
});

// The sponsors' views, codecs, rules and texts, as data: no database, no Slack.
import { describe, expect, it } from "vitest";
import {
  approvalValue,
  menuValue,
  sponsorFormMetadata,
  sponsorshipFormMetadata,
} from "../../src/areas/sponsors/slack/sponsor-codecs.js";
import {
  approvalSection,
  benefitsSection,
  thanksSection,
} from "../../src/areas/sponsors/slack/sponsor-digest-views.js";
import {
  answeredApprovalBlocks,
  approvalBlocks,
  benefitsModal,
  buildSponsorModal,
  eventChoices,
  receiveModal,
  refusalText,
  reportComment,
  searchResults,
  sponsorErrorText,
  sponsorshipBlock,
  thanksReminderText,
} from "../../src/areas/sponsors/slack/sponsor-views.js";
import { buildSponsorReport } from "../../src/areas/sponsors/sponsor-report.js";
import {
  approversFor,
  MENU_STEPS,
  mayEditBenefits,
  menuSteps,
  type SponsorshipStatus,
} from "../../src/areas/sponsors/sponsorship-flow.js";
import type { SponsorBenefit, SponsorshipWithBenefits } from "../../src/areas/sponsors/store.js";
import { messages } from "../../src/i18n/index.js";
import { checkBlocks, checkMessage, checkView, LIMITS } from "../support/block-kit-limits.js";

const el = messages("el");
const en = messages("en");
const STATUSES: SponsorshipStatus[] = [
  "prospect",
  "contacted",
  "awaiting_approval",
  "committed",
  "received",
  "thanked",
  "declined",
];

function benefit(id: number, over: Partial<SponsorBenefit> = {}): SponsorBenefit {
  return {
    id,
    sponsorshipId: 7,
    description: `Ανταποδοτικό ${id} ${"λ".repeat(180)}`,
    owner: null,
    dueOn: null,
    status: "pending",
    doneBy: null,
    doneAt: null,
    submissionKey: null,
    ...over,
  } as SponsorBenefit;
}

function sponsorship(over: Partial<SponsorshipWithBenefits> = {}): SponsorshipWithBenefits {
  return {
    id: 7,
    organisation: "Τράπεζα *Πειραιώς* <script>",
    contactPerson: "Ελένη Μ.",
    contributionType: "money",
    pledgedAmount: "5000.00",
    pledgedDescription: null,
    receivedAmount: null,
    eventName: "Χριστουγεννιάτικο Χωριό",
    eventDate: new Date("2026-12-20T00:00:00Z"),
    eventId: null,
    contactId: 3,
    status: "prospect",
    notes: null,
    documents: null,
    approvalAskedBy: null,
    approvedBy: null,
    approvedAt: null,
    createdBy: "U0STAFF01",
    submissionKey: "V1",
    createdAt: new Date("2026-12-01T08:00:00Z"),
    updatedAt: new Date("2026-12-01T08:00:00Z"),
    benefits: [benefit(1), benefit(2, { status: "done" }), benefit(3)],
    ...over,
  } as unknown as SponsorshipWithBenefits;
}

describe("the sponsors' codecs", () => {
  it("round-trips the menu's values and refuses what the menu never wrote", () => {
    for (const choice of [...MENU_STEPS, "benefits"] as const)
      expect(menuValue.decode(menuValue.encode({ choice, id: 42 }))).toEqual({ choice, id: 42 });
    // approve and reject come only from the managers' buttons, never from the menu.
    for (const forged of [
      "approve:42",
      "reject:42",
      "receive:abc",
      "receive:0",
      "receive:-3",
      "receive:42:1",
      "receive",
      ":42",
      "",
      undefined,
      "receive:99999999999",
    ])
      expect(menuValue.decode(forged), String(forged)).toBeUndefined();
  });

  it("reads the buttons' ids and the forms' metadata only when they are what the views wrote", () => {
    expect(approvalValue.decode("12")).toBe(12);
    for (const forged of ["12 ", "1e3", "x", "", undefined, "0"]) expect(approvalValue.decode(forged)).toBeUndefined();
    const written = sponsorshipFormMetadata.encode({ id: 9, channel: "C0PRESS01" });
    expect(sponsorshipFormMetadata.decode(written)).toEqual({ id: 9, channel: "C0PRESS01" });
    for (const forged of ["", "{}", '{"id":"9"}', '{"id":-1}', '{"id":9,"channel":"<bad>"}', "{not json", undefined])
      expect(sponsorshipFormMetadata.decode(forged), String(forged)).toBeUndefined();
    // The new sponsorship's form carries at most a channel; an empty metadata is fine there.
    expect(sponsorFormMetadata.decode("")).toEqual({});
    expect(sponsorFormMetadata.decode('{"channel":"x y"}')).toBeUndefined();
  });
});

describe("the sponsors' rules", () => {
  it("asks every manager but the asker, and keeps benefits for all but a declined sponsorship", () => {
    expect(approversFor(["U1", "U2", "U3"], "U2")).toEqual(["U1", "U3"]);
    expect(approversFor(["U2"], "U2")).toEqual([]);
    expect(STATUSES.filter((s) => !mayEditBenefits(s))).toEqual(["declined"]);
    expect(menuSteps("committed")).toEqual(["receive", "thank"]);
    expect(menuSteps("declined")).toEqual([]);
  });
});

describe("the sponsors' views", () => {
  it("gives each sponsorship a menu whose values decode, within Slack's limits, in every status", () => {
    for (const status of STATUSES) {
      const block = sponsorshipBlock(el, "el", sponsorship({ status }));
      expect(checkBlocks([block], LIMITS.messageBlocks), status).toBeUndefined();
      const options = (block as { accessory?: { options: { value: string }[] } }).accessory?.options ?? [];
      const decoded = options.map((o) => menuValue.decode(o.value));
      expect(
        decoded.every((d) => d?.id === 7),
        status,
      ).toBe(true);
      expect(decoded.map((d) => d?.choice)).toEqual([
        ...menuSteps(status),
        ...(status === "declined" ? [] : ["benefits"]),
      ]);
    }
    const text = JSON.stringify(sponsorshipBlock(el, "el", sponsorship()));
    expect(text).toContain("&lt;script&gt;");
    expect(text).toContain("5.000,00 €");
  });

  it("builds the forms within Slack's limits, with metadata their codecs read back", () => {
    const events = Array.from({ length: 130 }, (_, i) => ({
      id: i + 1,
      title: `Εκδήλωση ${i} ${"μ".repeat(90)}`,
      day: "20/12/2026",
    }));
    const form = buildSponsorModal(el, "C0PRESS01", events);
    expect(checkView(form)).toBeUndefined();
    expect(sponsorFormMetadata.decode(form.private_metadata)).toEqual({ channel: "C0PRESS01" });
    expect(sponsorFormMetadata.decode(buildSponsorModal(en).private_metadata)).toEqual({});
    const many = sponsorship({ benefits: Array.from({ length: 140 }, (_, i) => benefit(i + 1)) });
    for (const view of [receiveModal(el, many, "C0PRESS01"), benefitsModal(en, many)]) {
      expect(checkView(view)).toBeUndefined();
      expect(sponsorshipFormMetadata.decode(view.private_metadata)?.id).toBe(7);
    }
    // Only pending benefits are offered to settle.
    const offered = (benefitsModal(el, sponsorship()).blocks[0] as { element: { options: { value: string }[] } })
      .element.options;
    expect(offered.map((o) => o.value)).toEqual(["1", "3"]);
    expect(
      (receiveModal(el, sponsorship()).blocks[0] as { element: { initial_value?: string } }).element.initial_value,
    ).toBe("5000.00");
  });

  it("offers the calendar's events by their local day", () => {
    expect(
      eventChoices([{ id: 4, title: "Κάλαντα", startsAt: new Date("2026-12-23T22:30:00Z") }], "Europe/Athens"),
    ).toEqual([{ id: 4, title: "Κάλαντα", day: "24/12/2026" }]);
  });

  it("asks the managers with buttons whose values decode, and shows the outcome once answered", () => {
    const blocks = approvalBlocks(el, "el", sponsorship({ status: "awaiting_approval" }), "U0STAFF01");
    expect(checkMessage({ text: "x", blocks })).toBeUndefined();
    const buttons = (blocks[1] as { elements: { action_id: string; value: string }[] }).elements;
    expect(buttons.map((b) => [b.action_id, approvalValue.decode(b.value)])).toEqual([
      ["sponsor_approve", 7],
      ["sponsor_reject", 7],
    ]);
    const answered = answeredApprovalBlocks(el, blocks, { id: 7, status: "committed" });
    expect(answered.map((b) => b.type)).toEqual(["section", "context"]);
    expect(JSON.stringify(answered)).toContain("δεσμεύτηκε");
  });

  it("says why a step is refused, and what a field's error is", () => {
    expect(refusalText(el, "not_allowed_now", { status: "prospect" })).toContain("υποψήφιος");
    expect(refusalText(el, "managers_only")).toContain("προϊστάμενος");
    expect(refusalText(en, "own_request")).toContain("another manager");
    expect(refusalText(el, "staff_only")).toBe(el.common.noPermission(el.common.roleNames.staff));
    expect(sponsorErrorText(el, { code: "amount", error: "negative" })).toContain("αρνητικό");
    expect(sponsorErrorText(en, { code: "documentNotLink", line: 2 })).toContain("2");
  });

  it("answers a search with the results, or says there are none, escaped", () => {
    expect(searchResults(el, "el", "<@U1>", []).text).toContain("&lt;@U1&gt;");
    const found = searchResults(el, "el", "τράπεζα", [sponsorship(), sponsorship({ id: 8 })]);
    expect(found.blocks).toHaveLength(2);
    expect(checkMessage({ text: found.text, blocks: found.blocks })).toBeUndefined();
  });

  it("counts sponsors, benefits and letters in the language's plural forms (not «1 χορηγοί»)", () => {
    expect(el.sponsors.digestThanksSummary(1)).toBe("1 χορηγός περιμένει ευχαριστήριο.");
    expect(el.sponsors.digestThanksSummary(3)).toBe("3 χορηγοί περιμένουν ευχαριστήριο.");
    expect(en.sponsors.digestThanksSummary(1)).toBe("1 sponsor awaits a thank-you letter.");
    expect(el.sponsors.digestApprovalSummary(1)).toBe("1 χορηγία περιμένει έγκριση.");
    expect(el.sponsors.digestApprovalSummary(2)).toBe("2 χορηγίες περιμένουν έγκριση.");
    expect(el.sponsors.digestBenefitsSummary(1)).toContain("1 ανταποδοτικό ");
    expect(en.sponsors.digestBenefitsSummary(2)).toContain("2 benefits due");
    expect(el.sponsors.reportEventLine("Χωριό", 1, "1 €", "0 €", 1)).toBe(
      "• *Χωριό*: 1 χορηγός · 1 € / 0 € · 1 ανταποδοτικό εκκρεμεί",
    );
    expect(el.sponsors.reportEventLine("Χωριό", 2, "1 €", "0 €", 0)).toBe("• *Χωριό*: 2 χορηγοί · 1 € / 0 €");
    expect(en.sponsors.reportEventLine("Fair", 1, "€1", "€0", 3)).toBe(
      "• *Fair*: 1 sponsor · €1 / €0 · 3 benefits outstanding",
    );
  });

  it("sums the report's comment from the report, one line per event", () => {
    const report = buildSponsorReport(
      2026,
      [
        sponsorship({ status: "committed" }),
        sponsorship({ id: 8, status: "received", receivedAmount: "250.50" as never }),
      ],
      "el",
      "Europe/Athens",
    );
    const comment = reportComment(el, "el", report);
    expect(comment.split("\n")).toHaveLength(2);
    expect(comment).toContain("τάχθηκαν 10.000,00 €");
    expect(comment).toContain("παραλήφθηκαν 250,50 €");
    expect(comment).toContain("2 χορηγοί");
    expect(thanksReminderText(el, sponsorship())).toContain("&lt;script&gt;");
  });

  it("renders the three digest sections from their data", () => {
    const waiting = [sponsorship({ status: "awaiting_approval" })];
    const approval = approvalSection(waiting, "el");
    expect(approval.summary).toBe("1 χορηγία περιμένει έγκριση.");
    expect(approval.items[0]).toContain("5.000,00 €");
    const due = [
      { ...benefit(1, { owner: "U0STAFF01", dueOn: new Date("2026-12-18T00:00:00Z") }), sponsorship: sponsorship() },
    ];
    const benefits = benefitsSection(due as never, "en");
    expect(benefits.summary).toBe("1 benefit due this week or overdue.");
    expect(benefits.items[0]).toContain("<@U0STAFF01> · 2026-12-18");
    expect(thanksSection([sponsorship(), sponsorship({ id: 8 })], "el").items).toHaveLength(2);
  });
});

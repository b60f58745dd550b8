// The partners' views as plain functions, against Slack's limits: a card with hundreds of timeline
// items and long texts, an agreement with a hundred and twenty obligations, the forms; and text
// typed by anyone escaped. No database.
import { describe, expect, it } from "vitest";
import type { AgreementRecord } from "../../src/areas/partners/agreement-service.js";
import type { Partner, TimelineItem } from "../../src/areas/partners/service.js";
import { agreementCard, agreementModal, stepModal } from "../../src/areas/partners/slack/agreement-views.js";
import { partnerCard, partnerModal, searchResults } from "../../src/areas/partners/slack/partner-views.js";
import { checkMessage, checkView } from "../support/block-kit-limits.js";

const long = (n: number) => "<!channel> Φαέντσα ".repeat(n);
const partner = (id: number): Partner => ({
  id,
  kind: "twinned_city",
  nameEl: `${long(20)} ${id}`,
  nameLatin: long(20),
  country: "IT",
  languages: ["it", "en"],
  since: new Date("2003-05-10T00:00:00Z"),
  status: "active",
  statusReason: long(80),
  contactId: 1,
  notes: null,
  createdBy: "U0STAFF01",
  submissionKey: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  contacts: [],
});

describe("the partners' views", () => {
  it("keeps a card with 400 timeline items and long texts within Slack's limits, escaping what was typed", () => {
    const timeline: TimelineItem[] = Array.from({ length: 400 }, (_, i) => ({
      date: "2026-11-12",
      kind: i % 2 ? "letter_in" : "event",
      ref: `#${i}`,
      title: long(30),
      detail: long(10),
    }));
    const people = Array.from({ length: 15 }, (_, i) => ({ id: i, nameEl: long(5), title: long(5) }));
    const card = partnerCard("el", { partner: partner(1), people, timeline, lastActivity: "2026-11-12" });
    expect(checkMessage({ text: card.text, blocks: card.blocks })).toBeUndefined();
    expect(JSON.stringify(card.blocks)).not.toContain("<!channel>");
    expect(JSON.stringify(card.blocks)).toContain("ακόμη");
    const results = searchResults(
      "en",
      "x",
      Array.from({ length: 10 }, (_, i) => partner(i + 1)),
    );
    expect(checkMessage({ text: results.text, blocks: results.blocks })).toBeUndefined();
    expect(checkView(partnerModal("el", { partner: partner(1), channel: "C1" }))).toBeUndefined();
  });

  it("keeps an agreement with 120 obligations and many steps within Slack's limits", () => {
    const obligations = Array.from({ length: 120 }, (_, i) => ({
      id: i + 1,
      agreementId: 7,
      description: `${long(20)} ${i}`,
      owner: "U0STAFF01",
      recurrence: "yearly" as const,
      firstDueOn: new Date("2024-05-09T00:00:00Z"),
      createdBy: "U0STAFF01",
      submissionKey: null,
      createdAt: new Date(),
      occurrences: [],
    }));
    const a = {
      id: 7,
      kind: "twinning",
      title: long(20),
      fields: Array.from({ length: 20 }, () => long(3)),
      documentUrl: "https://example.org/signed.pdf",
      signedOn: new Date("2026-11-28T00:00:00Z"),
      signedPlace: long(10),
      durationYears: 5,
      expiresOn: new Date("2031-11-28T00:00:00Z"),
      renewal: "by_decision",
      status: "in_force",
      decisionNumber: "312/2026",
      decisionDate: new Date("2026-11-20T00:00:00Z"),
      ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4",
      notes: null,
      createdBy: "U0STAFF01",
      submissionKey: null,
      createdAt: new Date(),
      parties: Array.from({ length: 30 }, (_, i) => ({ agreementId: 7, partnerId: i, partner: partner(i) })),
      steps: Array.from({ length: 30 }, (_, i) => ({
        id: i,
        agreementId: 7,
        step: "renewed",
        fromStatus: "in_force",
        toStatus: "in_force",
        note: long(10),
        by: "U0MANAG01",
        at: new Date(),
        submissionKey: null,
      })),
      obligations,
    } as unknown as AgreementRecord;
    const kept = new Map([[2026, { done: 3, waived: 1, upcoming: 0, due_today: 0, late: 2, missed: 1 }]]);
    const card = agreementCard("el", a, kept, "Europe/Athens");
    expect(checkMessage({ text: card.text, blocks: card.blocks })).toBeUndefined();
    expect(JSON.stringify(card.blocks)).toContain("https://diavgeia.gov.gr/decision/view/");
    expect(checkView(stepModal("el", a, "council_decision", "C1"))).toBeUndefined();
    expect(
      checkView(
        agreementModal(
          "en",
          Array.from({ length: 150 }, (_, i) => partner(i + 1)),
        ),
      ),
    ).toBeUndefined();
  });
});

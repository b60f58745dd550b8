// The translations' and the correspondence's views, codecs and pure rules: no database, no Slack.
import { describe, expect, it } from "vitest";
import type { Letter } from "../../src/areas/correspondence/letter-store.js";
import {
  buildLetterModal,
  invitationsDigestContent,
  letterBlocks,
  letterMenuValue,
  readLetterState,
} from "../../src/areas/correspondence/slack/letter-views.js";
import {
  buildStepModal,
  buildTranslationCard,
  buildTranslationModal,
  readStepState,
  requestFromMessage,
  STEP_ACTION_IDS,
  stepFormMetadata,
  stepNewsText,
  stepOfActionId,
} from "../../src/areas/translations/slack/translation-views.js";
import { concernedBy, FORM_STEPS, TRANSLATION_ACTIONS } from "../../src/areas/translations/translation-flow.js";
import type { TranslationRequest } from "../../src/areas/translations/translation-store.js";
import { validateStepInput } from "../../src/areas/translations/translation-validation.js";
import { messages } from "../../src/i18n/index.js";
import { checkMessage, checkView } from "../support/block-kit-limits.js";
import type { Json } from "../support/fake-slack.js";

const el = messages("el");
const en = messages("en");

const request = (over: Partial<TranslationRequest> = {}): TranslationRequest => ({
  id: 7,
  title: "Επιστολή του Δημάρχου της Λεμεσού ".repeat(10),
  documentUrl: "https://example.org/letter.pdf",
  sourceLang: "en",
  targetLang: "el",
  dueOn: new Date("2026-11-27T00:00:00Z"),
  urgency: "urgent",
  reason: "Επίσκεψη αντιπροσωπείας ".repeat(30),
  notes: null,
  status: "assigned",
  requestedBy: "U0REQUE01",
  assignee: "U0TRANS01",
  vendor: null,
  deliveredUrl: null,
  deliveredAt: null,
  closedAt: null,
  cardChannel: "C0INTL001",
  cardTs: "1.2",
  submissionKey: "v1",
  createdAt: new Date("2026-11-23T08:00:00Z"),
  updatedAt: new Date("2026-11-23T08:00:00Z"),
  ...over,
});

const letter = (over: Partial<Letter> = {}): Letter => ({
  id: 3,
  registerYear: 2026,
  registerSeq: 12,
  direction: "incoming",
  kind: "invitation",
  letterDate: new Date("2026-11-20T00:00:00Z"),
  counterpart: "Eurocities",
  country: "Βέλγιο",
  subject: "Culture Forum <!channel>",
  language: "en",
  documentUrl: null,
  translationRequestId: null,
  dueOn: new Date("2026-12-04T00:00:00Z"),
  briefing: "Συμμετοχή με το Δημοτικό Θέατρο & <@U0X>.",
  status: "open",
  contactId: null,
  createdBy: "U0STAFF01",
  submissionKey: "k",
  closedBy: null,
  closedAt: null,
  createdAt: new Date("2026-11-23T08:00:00Z"),
  ...over,
});

describe("translation views", () => {
  it("builds the card within Slack's limits, a button per step that decodes back to its step", () => {
    for (const status of ["requested", "assigned", "in_progress", "delivered", "returned", "accepted"] as const) {
      const card = buildTranslationCard(el, "el", request({ status }));
      expect(checkMessage(card as unknown as Json), status).toBeUndefined();
      const actions = card.blocks.find((b) => b.type === "actions");
      if (status === "accepted") {
        expect(actions).toBeUndefined();
        continue;
      }
      const ids = ((actions as unknown as Json).elements as Json[]).map((e) => String(e.action_id));
      for (const id of ids) {
        expect(STEP_ACTION_IDS.test(id)).toBe(true);
        expect(TRANSLATION_ACTIONS).toContain(stepOfActionId(id));
      }
    }
  });

  it("refuses a step button it did not make", () => {
    expect(stepOfActionId("translation_step_publish")).toBeUndefined();
    expect(stepOfActionId("translation_step_")).toBeUndefined();
    expect(stepOfActionId("letter_menu")).toBeUndefined();
    expect(stepOfActionId("translation_step_assign")).toBe("assign");
  });

  it("builds the request form and each step's form within Slack's limits; the step's metadata decodes back", () => {
    const form = buildTranslationModal({
      t: el,
      locale: "el",
      values: { title: "x".repeat(500) },
      today: "2026-11-23",
    });
    expect(checkView(form)).toBeUndefined();
    for (const step of FORM_STEPS) {
      const view = buildStepModal(en, step, 41);
      expect(checkView(view), step).toBeUndefined();
      expect(stepFormMetadata.decode(view.private_metadata)).toEqual({ requestId: 41, action: step });
    }
  });

  it("refuses a step form's metadata that is forged or stale", () => {
    for (const raw of [
      undefined,
      "",
      "{",
      '{"requestId":"41","action":"assign"}',
      '{"requestId":41,"action":"start"}',
      '{"requestId":0,"action":"assign"}',
      '{"requestId":41}',
      "[]",
    ])
      expect(stepFormMetadata.decode(raw), String(raw)).toBeUndefined();
  });

  it("takes the document and a title from a shared message: its file, else its first web link", () => {
    expect(
      requestFromMessage({
        text: "Η επιστολή",
        files: [{ name: "a.pdf", title: "Pismo", permalink: "https://grafeio.slack.com/files/F1" }],
      }),
    ).toEqual({ documentUrl: "https://grafeio.slack.com/files/F1", title: "Pismo" });
    expect(requestFromMessage({ text: "Δείτε <https://example.org/x.pdf|εδώ>\nκαι τα λοιπά" })).toEqual({
      documentUrl: "https://example.org/x.pdf",
      title: "Δείτε",
    });
    expect(requestFromMessage({ text: "<javascript:alert(1)|x>" }).documentUrl).toBeUndefined();
    expect(requestFromMessage({ text: 42 })).toEqual({});
    expect(requestFromMessage(undefined)).toEqual({});
  });

  it("tells a step's news with what was typed escaped, never as mrkdwn", () => {
    const text = stepNewsText(el, {
      request: request({ status: "returned" }),
      action: "return",
      by: "U0REQUE01",
      note: "<!channel> *όχι*",
    });
    expect(text).toContain("<@U0REQUE01>");
    expect(text).not.toContain("<!channel>");
    const vendor = stepNewsText(en, {
      request: request({ assignee: null, vendor: "A&B <Translations>" }),
      action: "assign",
      by: "U0COORD01",
    });
    expect(vendor).toContain("A&amp;B &lt;Translations&gt;");
  });

  it("says who hears of a step directly: never the one who took it", () => {
    const r = { requestedBy: "R", assignee: "T" };
    expect(concernedBy("assign", r, "C")).toEqual(["T", "R"]);
    expect(concernedBy("deliver", r, "T")).toEqual(["R"]);
    expect(concernedBy("accept", r, "R")).toEqual(["T"]);
    expect(concernedBy("start", r, "T")).toEqual([]);
    expect(concernedBy("cancel", { requestedBy: "R", assignee: null }, "R")).toEqual([]);
  });

  it("checks a step's small form: one translator or one vendor; a delivery is a web link", () => {
    expect(validateStepInput("assign", {})).toEqual({ field: "assignee", code: "assignNeedsOne" });
    expect(validateStepInput("assign", { assignee: "U1", vendor: "V" })?.code).toBe("assignNeedsOne");
    expect(validateStepInput("assign", { vendor: "V" })).toBeUndefined();
    expect(validateStepInput("deliver", { deliveredUrl: "δεν είναι" })).toEqual({
      field: "deliveredUrl",
      code: "urlInvalid",
    });
    expect(validateStepInput("deliver", { deliveredUrl: "https://example.org/el.docx" })).toBeUndefined();
    expect(validateStepInput("return", { note: "σχόλια" })).toBeUndefined();
  });

  it("says the turnaround in the language's plural", () => {
    expect(el.translations.turnaround("en→el", 1, 1)).toBe("• en→el: κατά μέσο όρο 1 ημέρα (1)");
    expect(el.translations.turnaround("en→el", 2.5, 3)).toBe("• en→el: κατά μέσο όρο 2,5 ημέρες (3)");
    expect(en.translations.turnaround("en→el", 1, 1)).toBe("• en→el: 1 day on average (1)");
  });
});

describe("reading a submitted form", () => {
  it("reads each field through a schema: a field of the wrong shape reads as empty, the others as typed", () => {
    const step = readStepState({
      values: {
        assignee: { value: { type: "users_select", selected_user: 42 } },
        note: { value: { type: "plain_text_input", value: "  σχόλια " } },
      },
    });
    expect(step).toEqual({ assignee: undefined, vendor: undefined, deliveredUrl: undefined, note: "σχόλια" });
    const entry = readLetterState({
      values: {
        subject: { value: { type: "plain_text_input", value: ["x"] } },
        counterpart: { value: { type: "plain_text_input", value: "Eurocities" } },
        kind: { value: { type: "radio_buttons", selected_option: { value: "invitation" } } },
      },
    });
    expect(entry).toMatchObject({ subject: undefined, counterpart: "Eurocities", kind: "invitation" });
    expect(readLetterState(undefined).subject).toBeUndefined();
  });
});

describe("correspondence views", () => {
  it("builds the entry form and the entries within Slack's limits, each open one with its menu", () => {
    expect(checkView(buildLetterModal(el, "el", "2026-11-23", "C0INTL001"))).toBeUndefined();
    const blocks = letterBlocks(
      el,
      [letter(), letter({ id: 4, status: "answered", subject: "x".repeat(400) })],
      "2026-11-23",
    );
    expect(checkMessage({ text: "x", blocks })).toBeUndefined();
    const menu = (blocks[0] as unknown as Json).accessory as Json;
    const values = (menu.options as Json[]).map((o) => letterMenuValue.decode(String(o.value)));
    expect(values).toEqual([
      { outcome: "answered", id: 3 },
      { outcome: "declined", id: 3 },
      { outcome: "filed", id: 3 },
    ]);
    expect((blocks[1] as unknown as Json).accessory).toBeUndefined();
  });

  it("refuses a menu value it did not make", () => {
    for (const raw of [
      undefined,
      "",
      "answered",
      "answered:",
      "answered:0",
      "answered:abc",
      "open:3",
      "filed:3:4",
      "filed:-3",
    ])
      expect(letterMenuValue.decode(raw), String(raw)).toBeUndefined();
  });

  it("renders the digest's invitations: deadline, overdue mark, the briefing note, all escaped", () => {
    const content = invitationsDigestContent(
      el,
      [letter(), letter({ id: 5, registerSeq: 13, dueOn: new Date("2026-11-20T00:00:00Z"), briefing: null })],
      "2026-11-23",
    );
    expect(content.title).toBe(el.letters.digestTitle);
    expect(content.summary).toBe("2 προσκλήσεις περιμένουν απάντηση, 1 μετά την προθεσμία.");
    expect(content.items[0]).toContain(
      "`2026/0012` *Eurocities*: Culture Forum &lt;!channel&gt; · απάντηση έως 4/12/2026",
    );
    expect(content.items[0]).toContain("_Συμμετοχή με το Δημοτικό Θέατρο &amp; &lt;@U0X&gt;._");
    expect(content.items[0]).not.toContain(":warning:");
    expect(content.items[1]).toContain(":warning:");
  });

  it("counts in the language's plural: one invitation, one entry", () => {
    expect(el.letters.digestSummary(1, 0)).toBe("1 πρόσκληση περιμένει απάντηση.");
    expect(en.letters.digestSummary(1, 1)).toBe("1 invitation awaits an answer, 1 past the deadline.");
    expect(el.letters.exportReady(1, 2026)).toBe("Το πρωτόκολλο εξωτερικού του 2026: 1 εγγραφή.");
    expect(en.letters.exportReady(1200, 2026)).toBe("The 2026 register of foreign correspondence: 1,200 entries.");
  });
});

// A meeting made of an invitation of the correspondence register, as plain functions: which host
// the letter is linked to (its contact, or the one partner or network it is named like), the
// meeting form filled in from the letter within Slack's limits, the meeting card's line and button
// back to the letter, and the letter's menu (make it a meeting, or the meeting it became).
import { describe, expect, it } from "vitest";
import type { Letter } from "../../src/areas/correspondence/letter-service.js";
import {
  LETTER_MENU_ACTION,
  letterBlocks,
  letterMenuValue,
} from "../../src/areas/correspondence/slack/letter-views.js";
import { checkLetterForMeeting, hostOfLetter } from "../../src/areas/networks/rules.js";
import type { MeetingView } from "../../src/areas/networks/service.js";
import { meetingFormMetadata } from "../../src/areas/networks/slack/codecs.js";
import { meetingCard, meetingModal } from "../../src/areas/networks/slack/views.js";
import { messages } from "../../src/i18n/index.js";
import { checkMessage, checkView } from "../support/block-kit-limits.js";
import type { Json } from "../support/fake-slack.js";

const hosts = {
  networks: [
    { id: 1, name: "Eurocities", nameLatin: null },
    { id: 2, name: "Ελληνικό Δίκτυο Υγιών Πόλεων", nameLatin: "Healthy Cities" },
  ],
  partners: [
    { id: 7, nameEl: "Φαέντσα", nameLatin: "Faenza", contactId: 40, contacts: [{ contactId: 41 }] },
    { id: 8, nameEl: "Νις", nameLatin: "Niš", contactId: null, contacts: [] },
    { id: 9, nameEl: "Πλοϊέστι", nameLatin: "Ploiești", contactId: null, contacts: [{ contactId: 50 }] },
  ],
};

describe("the host of a meeting made of a letter", () => {
  it("is the partner whose organisation or people the letter's contact is", () => {
    expect(hostOfLetter({ contactId: 40, counterpart: "Someone" }, hosts)).toEqual({ kind: "partner", id: 7 });
    expect(hostOfLetter({ contactId: 41, counterpart: "Ufficio del Sindaco" }, hosts)).toEqual({
      kind: "partner",
      id: 7,
    });
    // The contact wins over a name that sounds like another host.
    expect(hostOfLetter({ contactId: 50, counterpart: "Eurocities" }, hosts)).toEqual({ kind: "partner", id: 9 });
  });

  it("is the one partner or network the counterpart is named like, in any script", () => {
    expect(hostOfLetter({ contactId: null, counterpart: "Comune di Faenza" }, hosts)).toEqual({
      kind: "partner",
      id: 7,
    });
    expect(hostOfLetter({ contactId: null, counterpart: "Δήμος Φαέντσας" }, hosts)).toEqual({ kind: "partner", id: 7 });
    expect(hostOfLetter({ contactId: 99, counterpart: "EUROCITIES Brussels office" }, hosts)).toEqual({
      kind: "network",
      id: 1,
    });
  });

  it("is nobody when two hosts match, or none, or the name is too short to tell", () => {
    expect(hostOfLetter({ contactId: null, counterpart: "Faenza and Eurocities" }, hosts)).toBeUndefined();
    expect(hostOfLetter({ contactId: null, counterpart: "Πρεσβεία της Γαλλίας" }, hosts)).toBeUndefined();
    // «Νις» is three letters: it would be inside too many names.
    expect(hostOfLetter({ contactId: null, counterpart: "Δήμος Νις" }, hosts)).toBeUndefined();
  });

  it("only an incoming letter becomes a meeting", () => {
    expect(checkLetterForMeeting({ direction: "incoming" })).toBeUndefined();
    expect(checkLetterForMeeting({ direction: "outgoing" })).toBe("letter_outgoing");
  });
});

const AWKWARD = `Culture Forum <!channel> & <@U0X> *${"ω".repeat(300)}*`;

describe("the meeting form and card from an invitation", () => {
  it("fills the form in from the letter, within Slack's limits, and carries the letter's id", () => {
    for (const locale of ["el", "en"] as const) {
      const view = meetingModal(locale, hosts, {
        channel: "C0INTL001",
        prefill: {
          letter: { id: 3, protocol: "2026/0012" },
          title: AWKWARD.slice(0, 200),
          registrationDeadline: "2026-12-04",
          host: { kind: "partner", id: 7 },
        },
      });
      expect(checkView(view)).toBeUndefined();
      expect(meetingFormMetadata.decode(view.private_metadata)).toEqual({ letterId: 3, channel: "C0INTL001" });
      const blocks = view.blocks as unknown as Json[];
      const block = (id: string) => blocks.find((b) => b.block_id === id)?.element as Json;
      expect((block("host").initial_option as Json).value).toBe("partner:7");
      expect(block("title").initial_value).toBe(AWKWARD.slice(0, 200));
      expect(block("registrationDeadline").initial_date).toBe("2026-12-04");
      expect(block("startsOn").initial_date).toBeUndefined();
      expect(JSON.stringify(blocks[0])).toContain("2026/0012");
    }
    // Without a letter the form is as it was: no letter in its metadata, nothing chosen.
    const plain = meetingModal("el", hosts, {});
    expect(meetingFormMetadata.decode(plain.private_metadata)).toEqual({});
    expect(JSON.stringify(plain)).not.toContain("initial_option");
  });

  it("names the letter on the meeting's card, with the register's button to it", () => {
    const v: MeetingView = {
      host: "Φαέντσα",
      reportDue: null,
      letter: { id: 3, protocol: "2026/0012" },
      meeting: {
        id: 12,
        networkId: null,
        network: null,
        partnerId: 7,
        letterId: 3,
        title: AWKWARD,
        startsOn: new Date("2026-12-07T00:00:00Z"),
        endsOn: null,
        place: "Faenza",
        online: false,
        agenda: null,
        registrationDeadline: new Date("2026-12-04T00:00:00Z"),
        createdBy: "U1",
        submissionKey: null,
        createdAt: new Date(),
        decision: null,
        attendees: [],
        decisionReason: null,
        decidedBy: null,
        decidedAt: null,
        outcomes: null,
        contactIds: [],
        reportedBy: null,
        reportedAt: null,
        followUps: [],
      },
    };
    const card = meetingCard("el", v, (id) => ({ actionId: "letter_open", value: String(id) }));
    expect(checkMessage(card)).toBeUndefined();
    expect(JSON.stringify(card.blocks[0])).toContain("2026/0012");
    expect(JSON.stringify(card)).not.toContain("<!channel>");
    const actions = card.blocks.find((b) => b.type === "actions") as unknown as Json;
    expect((actions.elements as Json[])[0]).toMatchObject({ action_id: "letter_open", value: "3" });
    // Without the register's button (the card shown from the letter itself), only the line.
    expect(meetingCard("el", v).blocks.some((b) => b.type === "actions")).toBe(false);
  });
});

const letter = (over: Partial<Letter> = {}): Letter => ({
  id: 3,
  registerYear: 2026,
  registerSeq: 12,
  direction: "incoming",
  kind: "invitation",
  letterDate: new Date("2026-11-20T00:00:00Z"),
  counterpart: "Comune di Faenza",
  country: "IT",
  subject: "Festa <!channel>",
  language: "it",
  documentUrl: null,
  translationRequestId: null,
  dueOn: new Date("2026-12-04T00:00:00Z"),
  briefing: null,
  status: "open",
  contactId: null,
  createdBy: "U0STAFF01",
  submissionKey: "k",
  closedBy: null,
  closedAt: null,
  createdAt: new Date("2026-11-23T08:00:00Z"),
  ...over,
});

describe("the letter's menu", () => {
  const el = messages("el");
  const choices = (block: unknown) => {
    const accessory = (block as Json).accessory as Json | undefined;
    if (!accessory) return [];
    expect(accessory.action_id).toBe(LETTER_MENU_ACTION);
    return (accessory.options as Json[]).map((o) => ({
      text: (o.text as Json).text,
      value: letterMenuValue.decode(String(o.value)),
    }));
  };

  it("offers an incoming letter as a meeting once, and says which meeting it became instead", () => {
    const blocks = letterBlocks(
      el,
      [
        letter(),
        letter({ id: 4, registerSeq: 13 }),
        letter({ id: 5, registerSeq: 14, direction: "outgoing" }),
        letter({ id: 6, registerSeq: 15, status: "answered" }),
      ],
      "2026-11-23",
      new Map([[4, 12]]),
    );
    expect(checkMessage({ text: "x", blocks })).toBeUndefined();
    expect(choices(blocks[0]).at(-1)).toEqual({ text: el.letters.menuMeeting, value: { outcome: "meeting", id: 3 } });
    expect(choices(blocks[0])).toHaveLength(4);
    expect(choices(blocks[1]).at(-1)).toEqual({
      text: el.letters.menuSeeMeeting(12),
      value: { outcome: "meeting", id: 4 },
    });
    expect(choices(blocks[1]).filter((c) => c.text === el.letters.menuMeeting)).toHaveLength(0);
    expect(JSON.stringify(blocks[1])).toContain(el.letters.madeMeeting(12));
    // An outgoing letter is not an invitation; a closed one keeps only the meeting's choice.
    expect(choices(blocks[2]).map((c) => c.value?.outcome)).toEqual(["answered", "declined", "filed"]);
    expect(choices(blocks[3])).toEqual([{ text: el.letters.menuMeeting, value: { outcome: "meeting", id: 6 } }]);
  });

  it("decodes the meeting's choice and nothing it did not make", () => {
    expect(letterMenuValue.decode("meeting:3")).toEqual({ outcome: "meeting", id: 3 });
    for (const raw of ["meeting", "meeting:", "meeting:0", "meeting:x", "meeting:3:4", "meet:3"])
      expect(letterMenuValue.decode(raw), raw).toBeUndefined();
  });
});

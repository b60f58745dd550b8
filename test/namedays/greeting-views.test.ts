// The office calendar's views and codecs as data: no database, no Slack.
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { CardCampaign } from "../../src/areas/office-calendar/card-campaign.js";
import { suggestedGreeting } from "../../src/areas/office-calendar/name-day-reminder.js";
import {
  cardCampaignValue,
  recordCardsMetadata,
  recordCardsModal,
  renderCardCampaign,
} from "../../src/areas/office-calendar/slack/card-views.js";
import { renderThankYouSection, renderVipNameDaysSection } from "../../src/areas/office-calendar/slack/digest-views.js";
import {
  answerBlocks,
  buildNameDayMessages,
  greetingOfBlock,
  greetingValue,
  recordedLine,
  redrawNameDayBlocks,
  VOCATIVE_ACTION,
  vocativeMetadata,
  vocativeModal,
} from "../../src/areas/office-calendar/slack/name-day-views.js";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import { messages } from "../../src/i18n/index.js";
import { checkMessage, checkView } from "../support/block-kit-limits.js";
import type { Json } from "../support/fake-slack.js";

const el = messages("el");
const en = messages("en");

function person(id: number, nameEl: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    nameEl,
    nameLatin: null,
    title: null,
    organisation: null,
    categorySlug: null,
    country: null,
    language: null,
    email: null,
    phone: null,
    address: null,
    vip: false,
    nameDayKey: null,
    nameDayConfirmed: false,
    notes: null,
    consent: null,
    source: null,
    optOutGreetings: false,
    archivedAt: null,
    mergedIntoId: null,
    submissionKey: null,
    createdBy: "U1",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    category: null,
    ...extra,
  } as unknown as CardCampaign["state"]["recipients"][number];
}

describe("the greeting buttons' values", () => {
  it("read back what they wrote, and refuse anything else", () => {
    const value = greetingValue.encode({ contactId: 42, date: "2026-12-06" });
    expect(greetingValue.decode(value)).toEqual({ contactId: 42, date: "2026-12-06" });
    for (const forged of [
      undefined,
      "",
      "0:2026-12-06",
      "42:6/12",
      "42:2026-12-06:x",
      "x:2026-12-06",
      "99999999999:2026-12-06",
    ])
      expect(greetingValue.decode(forged), String(forged)).toBeUndefined();
    expect(cardCampaignValue.decode(cardCampaignValue.encode({ reminderId: 3, date: "2026-12-25" }))).toEqual({
      reminderId: 3,
      date: "2026-12-25",
    });
    expect(cardCampaignValue.decode("3:2026-12-25:1")).toBeUndefined();
    expect(recordCardsMetadata.decode('{"reminderId":"3","date":"2026-12-25"}')).toBeUndefined();
    expect(recordCardsMetadata.decode('{"reminderId":3,"date":"2026-12-25","channel":"C1","ts":"1.2"}')).toEqual({
      reminderId: 3,
      date: "2026-12-25",
      channel: "C1",
      ts: "1.2",
    });
  });

  it("redraw answered contacts as who answered, and leave the rest as they were", () => {
    const heading: KnownBlock = { type: "section", text: { type: "mrkdwn", text: "heading" } };
    const blocks = [
      heading,
      answerBlocks(el, { contactId: 1, date: "2026-12-06" }),
      answerBlocks(el, { contactId: 2, date: "2026-12-06" }),
    ];
    expect(greetingOfBlock(blocks[1]?.block_id)).toEqual({ contactId: 1, date: "2026-12-06" });
    expect(greetingOfBlock("greet:abc:2026-12-06")).toBeUndefined();
    const redrawn = redrawNameDayBlocks(
      el,
      blocks,
      (contactId) =>
        contactId === 1 ? { status: "sent", doneBy: "U0STAFF01", doneAt: new Date("2026-12-04T08:00:00Z") } : undefined,
      "Europe/Athens",
    );
    expect(redrawn[0]).toBe(heading);
    expect(redrawn[1]).toMatchObject({ type: "context", block_id: "greet:1:2026-12-06" });
    expect(JSON.stringify(redrawn[1])).toContain("<@U0STAFF01>");
    expect(redrawn[2]).toEqual(blocks[2]);
  });
});

describe("a card campaign's message and form", () => {
  const recipients = Array.from({ length: 150 }, (_, i) =>
    person(i + 1, `Παραλήπτης ${i + 1} ${"Μακρύ".repeat(20)}`, {
      categorySlug: i % 3 === 0 ? "embassies" : "politicians",
      language: i % 2 ? "el" : "en",
      vip: i === 0,
    }),
  );
  const groups = new Map<string, CardCampaign["state"]["groups"][number]>();
  for (const c of recipients) {
    const key = `${c.categorySlug}|${c.language}`;
    const group = groups.get(key) ?? { category: c.categorySlug, language: c.language, contacts: [] };
    group.contacts.push(c);
    groups.set(key, group);
  }
  const campaign: CardCampaign = {
    reminder: { id: 7, kind: "cards", name: "Χριστούγεννα", dateKey: "fixed:12-25", leadDays: 21, holiday: false },
    date: "2026-12-25",
    daysLeft: 1,
    state: { occasion: "7:2026-12-25", recipients, sent: new Set([2, 3]), groups: [...groups.values()] },
    categories: new Map([["embassies", { slug: "embassies", nameEl: "Πρεσβείες", nameEn: "Embassies" }]]),
  };

  it("stays inside Slack's limits, with the tracker and one day in the singular", () => {
    const message = renderCardCampaign("el", campaign);
    expect(checkMessage(message as unknown as Json)).toBeUndefined();
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("σε 1 ημέρα.");
    // The occasion as an admin typed it, in the nominative, after a colon: «Ευχετήριες κάρτες:
    // Χριστούγεννα», never «Κάρτες Χριστούγεννα».
    expect(text).toContain("*Ευχετήριες κάρτες: Χριστούγεννα*");
    expect(text).toContain("Πρεσβείες");
    expect(text).toContain("Στάλθηκαν: *2* από 150");
    const tracker = message.blocks.at(-1) as unknown as Json;
    expect(cardCampaignValue.decode(String((tracker.accessory as Json).value))).toEqual({
      reminderId: 7,
      date: "2026-12-25",
    });
    expect(JSON.stringify(renderCardCampaign("en", { ...campaign, daysLeft: 21 }).blocks)).toContain("in 21 days.");
  });

  it("offers at most 100 of those still waiting, with metadata that reads back", () => {
    const view = recordCardsModal(el, recipients, {
      reminderId: 7,
      date: "2026-12-25",
      channel: "C0PRESS01",
      ts: "1.1",
    });
    expect(checkView(view)).toBeUndefined();
    expect(recordCardsMetadata.decode(view.private_metadata)).toEqual({
      reminderId: 7,
      date: "2026-12-25",
      channel: "C0PRESS01",
      ts: "1.1",
    });
  });
});

describe("the digest sections as rendered", () => {
  it("speak of one VIP or one letter in the singular", () => {
    const vip = { nameEl: "Γεώργιος Π.", title: "Πρέσβης", organisation: null };
    expect(renderVipNameDaysSection("el", [vip]).summary).toBe("1 σημαντική επαφή γιορτάζει σήμερα.");
    expect(renderVipNameDaysSection("en", [vip, vip]).summary).toBe("2 important contacts celebrate today.");
    const letter = { reason: "Χορηγός *εκδήλωσης*", contact: vip };
    const one = renderThankYouSection("el", [letter]);
    expect(one.summary).toBe("1 επιστολή περιμένει να γραφτεί.");
    expect(one.items[0]).toContain("Γεώργιος Π., Πρέσβης");
    expect(renderThankYouSection("en", [letter]).summary).toBe("1 letter is waiting to be written.");
    expect(en.nameDays.easter(1)).toBe("1 day after Easter");
    expect(el.nameDays.easter(-2)).toBe("2 ημέρες πριν από το Πάσχα");
  });
});

describe("a contact that is an organisation", () => {
  it("is named once in the thank-you letters, not as the person and again as the organisation", () => {
    const bank = { nameEl: "Τράπεζα Πειραιώς", title: null, organisation: "ΤΡΑΠΕΖΑ ΠΕΙΡΑΙΩΣ" };
    const [line] = renderThankYouSection("el", [{ reason: "Χριστουγεννιάτικη γιορτή", contact: bank }]).items;
    expect(line).toBe("• Τράπεζα Πειραιώς: Χριστουγεννιάτικη γιορτή");
  });
});

describe("who recorded a greeting, and when", () => {
  it("is said on a 24-hour clock in the office's time: «10:31», «00:05», never «π.μ.» or «24:05»", () => {
    const el = messages("el");
    const morning = recordedLine(el, "sent", "U0STAFF01", new Date("2026-12-01T08:31:00Z"), "Europe/Athens");
    expect(morning).toContain("1/12, 10:31");
    expect(morning).not.toMatch(/π\.μ\.|μ\.μ\./);
    const midnight = recordedLine(el, "skipped", "U0STAFF01", new Date("2026-12-01T22:05:00Z"), "Europe/Athens");
    expect(midnight).toContain("2/12, 00:05");
  });
});

describe("the wishes offered in the morning's name-day message", () => {
  const calendar = NameDayCalendar.load();

  it("informal to a contact without an office, formal with the protocol's title to a metropolitan, none in English", () => {
    expect(
      suggestedGreeting(calendar, {
        nameEl: "Γιώργος Παπαδόπουλος",
        title: null,
        vip: false,
        vocative: null,
        language: null,
      }),
    ).toBe("Χρόνια πολλά, Γιώργο!");
    expect(
      suggestedGreeting(calendar, { nameEl: "Νικόλαος Ρήγας", title: null, vip: true, vocative: null, language: "el" }),
    ).toMatch(/^Αγαπητέ κύριε Ρήγα,\n/);
    expect(
      suggestedGreeting(calendar, {
        nameEl: "Αθηναγόρας",
        title: "Μητροπολίτης Κηφισίας",
        vip: false,
        vocative: null,
        language: null,
      }),
    ).toMatch(/^Σεβασμιώτατε,/);
    expect(
      suggestedGreeting(calendar, {
        nameEl: "Γιώργος Παπαδόπουλος",
        title: null,
        vip: false,
        vocative: null,
        language: "en",
      }),
    ).toBeUndefined();
  });

  it("quotes the wish under each contact, escaped, with a button to correct the vocative, inside Slack's limits", () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({
      date: "2026-12-06",
      contact: person(i + 1, i === 0 ? "Νικόλαος <!channel> Ρήγας" : `Νικόλαος Παπαδόπουλος ${i}`),
    }));
    const [message] = buildNameDayMessages({
      t: el,
      locale: "el",
      today: "2026-12-04",
      days: ["2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07"],
      entries: entries as never,
      timeZone: "Europe/Athens",
      nameDayOf: () => "6 Δεκεμβρίου",
      greetingOf: (c) => suggestedGreeting(calendar, c),
    });
    if (!message) throw new Error("no message");
    expect(checkMessage(message as unknown as Json)).toBeUndefined();
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("> Χρόνια πολλά, Νικόλαε!");
    expect(text).not.toContain("<!channel>");
    const buttons = (message.blocks.find((b) => b.type === "actions") as unknown as { elements: Json[] }).elements;
    expect(buttons.map((b) => b.action_id)).toContain(VOCATIVE_ACTION);
  });

  it("the correction form starts from what the wishes use and reads its metadata back", () => {
    const view = vocativeModal(el, { id: 7, nameEl: "Γεώργιος Βενιζέλος" }, "Γεώργιε Βενιζέλε", "C0PRESS01");
    expect(checkView(view)).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain("Γεώργιε Βενιζέλε");
    expect(vocativeMetadata.decode(view.private_metadata)).toEqual({ contactId: 7, channel: "C0PRESS01" });
    expect(vocativeMetadata.decode('{"contactId":"7"}')).toBeUndefined();
  });
});

// Q-Cities' pure rules, codecs, texts and views, without a database: the forms' checks, where dues
// stand, who may do what; the menus' values decoded or refused; the Greek and English catalogues
// alike; the forms, the search's cards, the lists and the files within Slack's limits, with what
// anyone typed escaped.
import { describe, expect, it } from "vitest";
import { duesCsv, duesXlsx } from "../../src/areas/qcities/dues-export.js";
import { qcitiesTexts } from "../../src/areas/qcities/messages.js";
import {
  duesStanding,
  isSlackFileLink,
  mayDo,
  minutesApprovable,
  validateDues,
  validateMeeting,
  validateMember,
  validateMinutes,
  validatePractice,
} from "../../src/areas/qcities/rules.js";
import type { Dues, Meeting, MemberView, PracticeView } from "../../src/areas/qcities/service.js";
import { meetingMenuValue, memberMenuValue, practiceMenuValue } from "../../src/areas/qcities/slack/codecs.js";
import {
  duesModal,
  meetingModal,
  meetingsList,
  memberModal,
  membersList,
  minutesModal,
  overdueDigestContent,
  practiceModal,
  practiceResults,
} from "../../src/areas/qcities/slack/views.js";
import { checkMessage, checkView } from "../support/block-kit-limits.js";

const TODAY = "2026-12-01";
const long = (n: number) => "<!channel> *Φαέντσα* ".repeat(n);
const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the rules", () => {
  it("check a member: a partner, a joined date not in the future", () => {
    expect(validateMember({ joinedOn: "2027-01-01" }, TODAY)).toEqual({
      ok: false,
      errors: { partner: { code: "required" }, joinedOn: { code: "future" } },
    });
    expect(validateMember({ partnerId: 3, joinedOn: "2019-03-01" }, TODAY)).toEqual({
      ok: true,
      draft: { partnerId: 3, joinedOn: "2019-03-01", status: "active" },
    });
  });

  it("check a meeting: its body, a real date, a place or online, an agenda", () => {
    expect(validateMeeting({ body: "council", heldOn: "2026-02-30", agenda: " " })).toEqual({
      ok: false,
      errors: {
        body: { code: "required" },
        heldOn: { code: "date" },
        place: { code: "placeOrOnline" },
        agenda: { code: "required" },
      },
    });
    expect(
      validateMeeting({ body: "general_assembly", heldOn: "2026-05-12", online: true, agenda: "Εκλογές" }),
    ).toEqual({
      ok: true,
      draft: { body: "general_assembly", heldOn: "2026-05-12", place: null, online: true, agenda: "Εκλογές" },
    });
  });

  it("check the minutes: text or a link (a Slack file's permalink is one), not neither", () => {
    expect(validateMinutes({})).toEqual({ ok: false, errors: { minutesText: { code: "required" } } });
    expect(validateMinutes({ minutesLink: "javascript:alert(1)" })).toEqual({
      ok: false,
      errors: { minutesLink: { code: "link" } },
    });
    const slack = "https://marousi.slack.com/files/U1/F2/praktika.pdf";
    expect(validateMinutes({ minutesLink: slack })).toEqual({
      ok: true,
      draft: { minutesText: null, minutesLink: slack },
    });
    expect(isSlackFileLink(slack)).toBe(true);
    expect(isSlackFileLink("https://slack.com.evil.example/files/x")).toBe(false);
    expect(isSlackFileLink("https://q-cities.eu/files/minutes.pdf")).toBe(false);
  });

  it("check a practice: member, title, field, description; the link http(s)", () => {
    const bad = validatePractice({ title: "x".repeat(201), field: "", description: "d", link: "q-cities.eu" });
    expect(bad).toEqual({
      ok: false,
      errors: {
        member: { code: "required" },
        title: { code: "tooLong", max: 200 },
        field: { code: "required" },
        link: { code: "link" },
      },
    });
  });

  it("check dues: the year, the amount as people type it, a real due date, a payment not in the future", () => {
    expect(validateDues({ year: "2026", amount: "2.500,50", dueOn: "2026-03-31" }, TODAY)).toEqual({
      ok: true,
      draft: { year: 2026, cents: 250050n, dueOn: "2026-03-31", paidOn: null },
    });
    expect(validateDues({ year: "1999", amount: "0", dueOn: "", paidOn: "2026-12-02" }, TODAY)).toEqual({
      ok: false,
      errors: {
        year: { code: "year" },
        amount: { code: "money", error: "zero" },
        dueOn: { code: "required" },
        paidOn: { code: "future" },
      },
    });
    expect(validateDues({ year: "2026", amount: "πολλά", dueOn: "2026-03-31" }, TODAY)).toMatchObject({
      ok: false,
      errors: { amount: { code: "money", error: "invalid" } },
    });
  });

  it("say where dues stand: paid, due until their day, overdue after it", () => {
    expect(duesStanding({ dueOn: "2026-12-01", paidOn: null }, TODAY)).toBe("due");
    expect(duesStanding({ dueOn: "2026-11-30", paidOn: null }, TODAY)).toBe("overdue");
    expect(duesStanding({ dueOn: "2026-01-01", paidOn: "2026-11-30" }, TODAY)).toBe("paid");
  });

  it("let staff record and managers approve; minutes approved once, after they are recorded", () => {
    expect(mayDo("record", { staff: true, manager: false })).toBe(true);
    expect(mayDo("approve", { staff: true, manager: false })).toBe(false);
    expect(mayDo("approve", { staff: false, manager: true })).toBe(true);
    expect(mayDo("record", { staff: false, manager: false })).toBe(false);
    expect(minutesApprovable({ minutesAt: null, approvedAt: null })).toBe("no_minutes");
    expect(minutesApprovable({ minutesAt: new Date(), approvedAt: null })).toBe("ok");
    expect(minutesApprovable({ minutesAt: new Date(), approvedAt: new Date() })).toBe("already_approved");
  });
});

describe("the menus' values", () => {
  it("decode what the bot wrote and refuse anything else", () => {
    for (const v of [
      { choice: "edit", id: 4 },
      { choice: "dues", id: 2 },
    ] as const)
      expect(practiceMenuValue.decode(practiceMenuValue.encode(v))).toEqual(v);
    for (const v of [
      { choice: "dues", id: 2 },
      { choice: "practice", id: 2 },
      { choice: "status", to: "left", id: 2 },
    ] as const)
      expect(memberMenuValue.decode(memberMenuValue.encode(v))).toEqual(v);
    expect(meetingMenuValue.decode("approve:3")).toEqual({ choice: "approve", id: 3 });
    for (const raw of ["approve:0", "approve:3:1", "delete:3", "approve:x", "", undefined])
      expect(meetingMenuValue.decode(raw), String(raw)).toBeUndefined();
    for (const raw of ["status-deleted:2", "status-:2", "dues:-1", "practice"])
      expect(memberMenuValue.decode(raw), raw).toBeUndefined();
  });
});

type Shape = string | { [key: string]: Shape } | Shape[];
function shape(value: unknown): Shape {
  if (typeof value === "function") return `fn/${value.length}`;
  if (typeof value === "string") return "text";
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  return typeof value;
}

describe("the texts", () => {
  it("have the same keys, arguments and list lengths in Greek and English", () => {
    expect(shape(qcitiesTexts("en"))).toEqual(shape(qcitiesTexts("el")));
  });

  it("count through the languages' plural rules", () => {
    expect(qcitiesTexts("el").members.title(1)).toBe("1 πόλη-μέλος");
    expect(qcitiesTexts("el").members.title(3)).toBe("3 πόλεις-μέλη");
    expect(qcitiesTexts("en").members.title(1)).toBe("1 member city");
    expect(qcitiesTexts("en").search.found(2, "x")).toBe('2 good practices for "x"');
  });
});

describe("the views", () => {
  const city = (id: number) => ({ id, nameEl: `${long(8)} ${id}`, nameLatin: long(8), country: "IT" });
  const member = (id: number): MemberView => ({
    member: {
      id,
      partnerId: id,
      joinedOn: at("2019-03-01"),
      status: id % 3 === 0 ? "suspended" : "active",
      statusReason: null,
      createdBy: "U0STAFF01",
      submissionKey: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    },
    partner: city(id),
  });
  const practice = (id: number): PracticeView => ({
    practice: {
      id,
      memberId: id,
      title: long(20),
      field: long(10),
      description: long(300),
      link: "https://q-cities.eu/innovations",
      createdBy: "U0STAFF01",
      updatedBy: null,
      submissionKey: null,
      editKey: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    },
    city: city(id),
  });
  const dues = (memberId: number, paid: boolean): Dues =>
    ({
      id: memberId,
      memberId,
      year: 2026,
      amount: { toString: () => "2500.00" },
      dueOn: at("2026-03-31"),
      paidOn: paid ? at("2026-04-02") : null,
      paidRecordedBy: paid ? "U0STAFF01" : null,
      paidRecordedAt: paid ? new Date() : null,
      createdBy: "U0STAFF01",
      updatedBy: null,
      formKey: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    }) as unknown as Dues;
  const meeting = (id: number, o: Partial<Meeting> = {}): Meeting => ({
    id,
    body: id % 2 ? "board" : "general_assembly",
    heldOn: at("2026-11-20"),
    place: long(10),
    online: true,
    agenda: long(200),
    minutesText: long(200),
    minutesLink: "https://marousi.slack.com/files/U1/F2/praktika.pdf",
    minutesBy: "U0STAFF01",
    minutesAt: new Date(),
    approvedBy: null,
    approvedAt: null,
    createdBy: "U0STAFF01",
    submissionKey: null,
    minutesKey: null,
    createdAt: new Date(),
    ...o,
  });

  it("keep the search's cards within Slack's limits, a menu per practice, and escape what was typed", () => {
    const found = practiceResults(
      "el",
      "<!channel>",
      Array.from({ length: 10 }, (_, i) => practice(i + 1)),
      true,
    );
    expect(checkMessage({ text: found.text, blocks: found.blocks } as never)).toBeUndefined();
    const json = JSON.stringify(found.blocks);
    expect(json).not.toContain("<!channel>");
    expect(json.match(/qcities_practice_menu/g)).toHaveLength(10);
    expect(practiceResults("en", "zz", [], false)).toEqual({ text: 'No good practice matches "zz".', blocks: [] });
  });

  it("keep the members' and meetings' lists within Slack's limits", () => {
    const members = Array.from({ length: 80 }, (_, i) => member(i + 1));
    const list = membersList(
      "el",
      members,
      new Map([
        [1, dues(1, true)],
        [2, dues(2, false)],
      ]),
      2026,
      TODAY,
    );
    expect(checkMessage({ text: list.text, blocks: list.blocks } as never)).toBeUndefined();
    expect(JSON.stringify(list.blocks)).toContain("πληρώθηκε");
    expect(JSON.stringify(list.blocks)).toContain("ληξιπρόθεσμη");
    const meetings = Array.from({ length: 30 }, (_, i) =>
      meeting(i + 1, i === 0 ? { approvedBy: "U0MANAG01", approvedAt: new Date() } : {}),
    );
    const shown = meetingsList("en", meetings);
    expect(checkMessage({ text: shown.text, blocks: shown.blocks } as never)).toBeUndefined();
    const json = JSON.stringify(shown.blocks);
    expect(json).toContain("Slack file");
    expect(json).toContain("approved by <@U0MANAG01>");
    expect(json).toContain("awaiting approval");
    expect(json).not.toContain("<!channel>");
  });

  it("keep every form within Slack's limits", () => {
    const members = Array.from({ length: 120 }, (_, i) => member(i + 1));
    const views = [
      memberModal(
        "el",
        members.map((m) => m.partner ?? city(1)),
        TODAY,
        "C0INTL001",
      ),
      meetingModal("en"),
      minutesModal("el", meeting(1)),
      practiceModal("el", members, { practice: practice(1).practice, channel: "C0INTL001" }),
      practiceModal("en", members, { memberId: 3 }),
      duesModal("el", { memberId: 1, city: city(1), year: 2026, dues: dues(1, true) }),
      duesModal("en", { memberId: 1, city: null, year: 2026, dues: null }),
    ];
    for (const v of views) expect(checkView(v)).toBeUndefined();
    expect(JSON.stringify(views[5])).toContain('"initial_value":"2.500,00"');
  });

  it("list a hundred overdue dues in the digest, escaped", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({
      dues: dues(i + 1, false),
      cents: 250000n,
      city: city(i + 1),
      standing: "overdue" as const,
    }));
    const content = overdueDigestContent("el", rows, TODAY);
    expect(content.items).toHaveLength(100);
    expect(content.items[0]).toContain("2.500,00 €");
    expect(content.items[0]).toContain("245 ημέρες");
    expect(content.items.join("")).not.toContain("<!channel>");
  });
});

describe("the dues list's files", () => {
  const rows = [
    {
      city: "Φαέντσα (Faenza)",
      country: "IT",
      year: 2026,
      amount: "2500.00",
      dueOn: "2026-03-31",
      paidOn: "2026-04-02",
      paidRecordedBy: "Μαρία",
      standing: "paid" as const,
    },
  ];
  it("write CSV for Greek Excel (BOM, ';', decimal comma) and in English", () => {
    const el = duesCsv(rows, "el").toString("utf8");
    expect(el.startsWith("\uFEFF")).toBe(true);
    expect(el).toContain("Φαέντσα (Faenza);IT;2026;2500,00;2026-03-31;2026-04-02;Μαρία;πληρώθηκε");
    expect(duesCsv(rows, "en").toString("utf8")).toContain("Faenza),IT,2026,2500.00");
  });

  it("write an XLSX with the amount as a number", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await duesXlsx(rows, "en")) as never);
    const sheet = book.getWorksheet("Dues");
    expect(sheet?.getRow(2).getCell(4).value).toBe(2500);
    expect(sheet?.getRow(1).getCell(1).value).toBe("City");
  });
});

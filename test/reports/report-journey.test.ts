// `/report` through the running app against the fake Slack: a manager's report for 2026-Q1 arrives
// in their DM as a PDF and a DOCX whose figures are the quarter's; staff are refused; an admin makes
// someone a reader with `/grafeio grant`, who may then ask for a report (in their own language) and
// to whom a manager sends one, by naming them or from the menu under the manager's copy.
import JSZip from "jszip";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { REPORT_SEND } from "../../src/areas/reports/slack/report-command.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { RecordedCall } from "../support/fake-slack.js";
import { blockActionPayload } from "../support/slack-driver.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { fillQuarter, MANAGER } from "./report-office.js";

const ADMIN = "U0REPADMN";
const STAFF = "U0REPSTF1";
const READER = "U0REPRDR1";
const dm = (user: string) => `D${user.slice(1)}`;

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({
    clock: new ManualClock(new Date("2026-06-01T09:00:00Z")),
    env: { MUNICIPALITY_NAME: "Δήμος Αμαρουσίου" },
  });
  await t.bot.services.roles.ensureAdmins([ADMIN]);
  await t.grant(STAFF, "staff");
  t.fake.users.set(READER, { id: READER, locale: "en-US" });
  await fillQuarter(t.database.db.prisma, t.bot.services);
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(20_000)).toBe(true);
});

async function command(command: string, userId: string, text: string): Promise<string> {
  const before = t.fake.calls.length;
  await t.slack.command({ command, text, userId });
  const answer = await t.fake.waitFor("response_url", () => true, 5000, before);
  return String(answer.args.text);
}

/** The upload into `user`'s DM after call `after`, with the files' contents by name. */
async function uploadTo(user: string, after: number): Promise<{ call: RecordedCall; names: string[] }> {
  const call = await t.fake.waitFor(
    "files.completeUploadExternal",
    (c) => c.args.channel_id === dm(user),
    60_000,
    after,
  );
  const names = (JSON.parse(String(call.args.files)) as { title: string }[]).map((f) => f.title);
  return { call, names };
}

/** The DOCX's text, its runs joined by "|" (a figure's label and value are neighbours). */
async function docxText(name: string): Promise<string> {
  const file = t.fake.uploadedFile(name);
  if (!file) throw new Error(`no upload named ${name}`);
  const xml = (await (await JSZip.loadAsync(file)).file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
}

describe("/report", () => {
  it("sends a manager the quarter's report as PDF and DOCX, with the quarter's figures", async () => {
    const before = t.fake.calls.length;
    expect(await command("/report", MANAGER, "2026-Q1")).toContain("Ετοιμάζεται η έκθεση για 1ο τρίμηνο 2026");
    const { call, names } = await uploadTo(MANAGER, before);
    expect(names).toEqual(["grafeio-report-2026-Q1.pdf", "grafeio-report-2026-Q1.docx"]);
    expect(call.args.initial_comment).toBe("Η έκθεση δραστηριότητας για 1ο τρίμηνο 2026.");
    const text = await docxText("grafeio-report-2026-Q1.docx");
    for (const expected of [
      "Δήμος Αμαρουσίου",
      "Περίοδος: 1ο τρίμηνο 2026",
      "Δημοσιεύματα της περιόδου|4",
      "Αρνητικά|2",
      "Οφείλονται ακόμη|1",
      "Πραγματοποιήθηκαν|2",
      "Προσέλευση κατά την ανατροφοδότηση (σύνολο)|180",
      "Δεσμεύτηκαν|3.500,50 €",
      "Ελήφθησαν|1.000,00 €",
      "Αιτήματα της περιόδου|2",
      "el→en|1|2|3",
      "Εισερχόμενα|2",
      "Νέες επαφές|2",
      "Λακκούβες στην οδό Κηφισίας",
    ])
      expect(text, expected).toContain(expected);
    const pdf = t.fake.uploadedFile("grafeio-report-2026-Q1.pdf");
    expect(pdf?.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf?.indexOf(Buffer.from("1ο τρίμηνο 2026", "utf16le").swap16())).toBeGreaterThan(0);
    // Under a manager's copy: the menu to send it to a reader.
    const menu = await t.fake.waitFor(
      "chat.postMessage",
      (c) => JSON.stringify(c.args.blocks ?? "").includes(REPORT_SEND),
      5000,
      before,
    );
    expect(menu.args.channel).toBe(MANAGER);
  });

  it("refuses staff, and says what is wrong with a period it cannot read", async () => {
    const before = t.fake.calls.length;
    expect(await command("/report", STAFF, "2026-Q1")).toContain(
      "Οι εκθέσεις είναι για τους προϊσταμένους και τους αναγνώστες",
    );
    expect(await command("/report", MANAGER, "2026-Q5")).toContain(
      "Το τρίμηνο στο «2026-Q5» πρέπει να είναι 1, 2, 3 ή 4",
    );
    expect(await command("/report", MANAGER, "")).toContain("Ποια περίοδο;");
    expect(await command("/report", MANAGER, "2026-Q1 @anna")).toContain("«@anna» δεν είναι αναφορά σε χρήστη");
    expect(await command("/report", STAFF, "help")).toContain("/report <περίοδος>");
    expect(
      t.fake.callsTo("files.completeUploadExternal").filter((c) => t.fake.calls.indexOf(c) >= before),
    ).toHaveLength(0);
  });

  it("a reader granted by an admin gets reports in their language, and no staff rights", async () => {
    expect(await command("/grafeio", ADMIN, `grant <@${READER}|anna> reader`)).toContain(`<@${READER}>`);
    expect(await t.bot.services.roles.hasRole(READER, "reader")).toBe(true);
    expect(await t.bot.services.roles.hasRole(READER, "staff")).toBe(false);
    expect(await command("/clip", READER, "search πάρκο")).toContain("staff");

    const before = t.fake.calls.length;
    expect(await command("/report", READER, "2026-11")).toContain("Preparing the report for November 2026");
    const { names } = await uploadTo(READER, before);
    expect(names).toEqual(["grafeio-report-2026-11.pdf", "grafeio-report-2026-11.docx"]);
    const text = await docxText("grafeio-report-2026-11.docx");
    expect(text).toContain("Period: November 2026");
    expect(text).toContain("No clippings in this period.");
    // A reader sends nothing to others.
    expect(await command("/report", READER, `2026-Q1 <@${MANAGER}>`)).toContain("Only managers send reports");
  });

  it("a manager sends a report to a reader by naming them, not to someone who is not one", async () => {
    expect(await command("/report", MANAGER, `2026-Q1 <@${STAFF}|nikos>`)).toContain("δεν έχει τον ρόλο του αναγνώστη");
    const before = t.fake.calls.length;
    expect(await command("/report", MANAGER, `1/1/2026 31/3/2026 <@${READER}|anna>`)).toContain(`για <@${READER}>`);
    const { call, names } = await uploadTo(READER, before);
    expect(names).toContain("grafeio-report-2026-Q1.docx");
    expect(call.args.initial_comment).toBe(`The activity report for 1st quarter 2026, from <@${MANAGER}>.`);
    expect(await docxText("grafeio-report-2026-Q1.docx")).toContain("Clippings in the period|4");
    await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("στάλθηκε"), 10_000, before);
  });

  it("a manager sends it from the menu under their copy; a forged menu is refused", async () => {
    const before = t.fake.calls.length;
    const payload = blockActionPayload(t.fake, { userId: MANAGER, actionId: REPORT_SEND, channelId: dm(MANAGER) });
    const action = {
      type: "users_select",
      action_id: REPORT_SEND,
      block_id: "report_send:2026-H1",
      selected_user: READER,
      action_ts: "1",
    };
    await t.slack.interactive({ ...payload, actions: [action] });
    const { names } = await uploadTo(READER, before);
    expect(names).toEqual(["grafeio-report-2026-H1.pdf", "grafeio-report-2026-H1.docx"]);

    const forged = t.fake.calls.length;
    await t.slack.interactive({ ...payload, actions: [{ ...action, block_id: "report_send:'; DROP" }] });
    await t.fake.waitFor(
      "chat.postEphemeral",
      (c) => String(c.args.text).includes("δεν είναι πια επίκαιρο"),
      5000,
      forged,
    );
    // Staff may not use the menu at all.
    const staff = blockActionPayload(t.fake, { userId: STAFF, actionId: REPORT_SEND, channelId: dm(STAFF) });
    await t.slack.interactive({ ...staff, actions: [action] });
    await t.fake.waitFor("chat.postEphemeral", (c) => c.args.user === STAFF, 5000, forged);
    expect(await t.bot.inFlight.drain(20_000)).toBe(true);
    expect(
      t.fake.callsTo("files.completeUploadExternal").filter((c) => t.fake.calls.indexOf(c) >= forged),
    ).toHaveLength(0);
  });
});

// Every form of every area, each text field filled with text that tries to notify a channel, ping a
// person or a user group, or disguise a link; then everything those records produce (cards, their
// updates, threads, DMs, reminders, the digest). No call the bot makes to Slack, and no answer it
// gives Slack, may carry one of those tokens where Slack reads mrkdwn. (Red team, issue 21 #7.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/app/logger.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { elementsIn, type FormResult, openedView, submitFilled } from "../support/form-filler.js";
import { BRACKET_TOKENS, HOSTILE, HOSTILE_SHORT, leaksIn, leaksInAnswers } from "../support/mrkdwn-injection.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const MANAGER = "U0MANAG01"; // manager and admin: every form is theirs to submit
const MANAGER2 = "U0MANAG02"; // a second manager (approves what the first asked)
const STAFF = "U0STAFF01";
const INTL = "C0INTL001";
const PR = "C0PRESS01";
const ALERTS = "C0ALERT01";
const CHANNEL = "C0WORK001";

// Monday 23 November 2026, 10:00 in Athens.
const NOW = new Date("2026-11-23T08:00:00Z");
const IN_A_WEEK = "2026-11-30";

/** The six bracket tokens alone (for texts of 100 characters at most). */
const HOSTILE_MEDIUM = BRACKET_TOKENS.join("");
/** Plain valid values, for the fields that must be a link, an address, a number or a day. */
const VALID = [
  `https://example.org/doc/${encodeURIComponent(HOSTILE_SHORT)}`,
  "https://example.org/doc",
  "person@example.org",
  "+30 210 1234567",
  "1.200,50",
  "12",
  "23/11",
];
const CANDIDATES = [HOSTILE, HOSTILE_MEDIUM, HOSTILE_SHORT, ...VALID];
const FRENCH = { type: "static_select", selected_option: { value: "fr", text: { type: "plain_text", text: "fr" } } };
/** The same tokens, changed (a correction that changes something). */
const HOSTILE2 = `${HOSTILE} (2)`;

describe("hostile text in every field of every form", () => {
  let bot: TestBot;
  const clock = new ManualClock(NOW);
  const answers: Json[] = [];
  const forms: FormResult[] = [];
  /** What each form's fields refused, so that a form filled again skips those tries. */
  const refused = new Map<string, Set<string>>();
  const logger = createLogger({ level: "silent" });

  beforeAll(async () => {
    bot = await startTestBot({
      clock,
      env: {
        INTL_CHANNEL_ID: INTL,
        PR_CHANNEL_ID: PR,
        ADMIN_USER_IDS: MANAGER,
        MANAGER_USER_IDS: `${MANAGER},${MANAGER2}`,
      },
    });
    // Slack's pace is the sender's test, not this one's.
    bot.fake.rateLimit = { windowMs: 0, retryAfterSeconds: 1 };
    await bot.grant(MANAGER, "admin");
    await bot.grant(MANAGER, "manager");
    await bot.grant(MANAGER2, "manager");
    await bot.grant(STAFF, "staff");
  }, 120_000);
  afterAll(() => bot?.stop());

  const mark = () => bot.fake.calls.length;
  const settle = () => bot.bot.inFlight.drain(20_000);

  async function command(name: string, text = "", userId = MANAGER) {
    const res = await bot.slack.command({ command: name, text, userId, channelId: CHANNEL });
    expect(res.status).toBe(200);
    if (res.text) answers.push(res.json());
    await settle();
  }

  async function fill(
    opened: number,
    options: {
      texts?: Record<string, string[]>;
      fixed?: Record<string, Json>;
      userId?: string;
      stopOnUpdate?: boolean;
    } = {},
  ): Promise<FormResult> {
    const view = openedView(bot.fake.calls, opened);
    const result = await submitFilled(
      bot,
      view,
      options.userId ?? MANAGER,
      {
        candidates: CANDIDATES,
        texts: options.texts,
        fixed: options.fixed,
        stopOnUpdate: options.stopOnUpdate,
        defaults: { date: IN_A_WEEK, user: STAFF },
        refused,
      },
      (a) => answers.push(a),
    );
    forms.push(result);
    return result;
  }

  /** The command opens a form; the form is filled in and submitted. */
  async function commandForm(name: string, text: string, options?: Parameters<typeof fill>[1]) {
    const at = mark();
    await command(name, text);
    return fill(at, options);
  }

  async function button(actionId: string, value: string, options: { userId?: string; message?: Json } = {}) {
    const res = await bot.slack.blockAction({
      userId: options.userId ?? MANAGER,
      actionId,
      value,
      channelId: CHANNEL,
      message: options.message ?? { ts: "1700000000.000100", blocks: [] },
    });
    expect(res.status).toBe(200);
    await settle();
  }

  async function menu(actionId: string, value: string, userId = MANAGER) {
    const res = await bot.slack.overflowAction({ userId, actionId, value, channelId: CHANNEL });
    expect(res.status).toBe(200);
    await settle();
  }

  /** The value of the newest element with this action id (a button on a card, a menu's option). */
  function valueIn(actionId: string, optionPrefix?: string): string {
    for (const c of [...bot.fake.calls].reverse()) {
      for (const e of elementsIn([c.args.blocks, c.args.view])) {
        if (e.action_id !== actionId) continue;
        if (optionPrefix === undefined && typeof e.value === "string") return e.value;
        const option = ((e.options as Json[] | undefined) ?? []).find((o) =>
          String(o.value).startsWith(optionPrefix ?? ""),
        );
        if (option) return String(option.value);
      }
    }
    throw new Error(`no element ${actionId} ${optionPrefix ?? ""} in any call`);
  }

  async function runJob(name: string, at: Date) {
    const job = bot.bot.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job ${name}`);
    clock.set(at);
    const outcome = await job.run(
      { scheduledFor: at, late: false, manual: true, attempt: 1, key: `${name}@${at.toISOString()}` },
      {
        clock,
        logger,
        sender: bot.bot.sender,
        calendar: bot.bot.services.calendar,
        timeZone: bot.config.timeZone,
        defaultLocale: bot.config.defaultLocale,
        channelId: null,
        officeChannelId: PR,
      },
    );
    clock.set(NOW);
    return outcome;
  }

  function expectNoLeaks(from: number) {
    const leaks = [...leaksIn(bot.fake.calls.slice(from)), ...leaksInAnswers(answers)];
    expect(leaks).toEqual([]);
  }

  it("clippings: the form, a correction, a withdrawal, a reply asked and given, alerts, search, reminders", async () => {
    const from = mark();
    await command("/grafeio", `watch add Δήμαρχος <#${ALERTS}|alerts>`);
    await command("/grafeio", `department cleaning channel <#${ALERTS}|alerts>`);
    await commandForm("/clip", "");
    const clip = await bot.database.db.prisma.clipping.findFirstOrThrow({ orderBy: { id: "desc" } });
    await command("/clip", "search Δήμαρχος");
    let at = mark();
    await menu("clip_result_menu", `edit:${clip.id}`);
    await fill(at, { texts: { title: [HOSTILE2], summary: [HOSTILE2] } });
    at = mark();
    await menu("clip_result_menu", `reply:${clip.id}`);
    await fill(at);
    await runJob("clipping-reply-reminders", new Date("2026-11-30T07:00:00Z"));
    at = mark();
    await menu("clip_result_menu", `close:${clip.id}`);
    await fill(at);
    await command("/clip", "search Δήμαρχος");
    // A second clipping, withdrawn.
    await commandForm("/clip", "", { texts: { url: ["https://example.org/second"] } });
    const second = await bot.database.db.prisma.clipping.findFirstOrThrow({ orderBy: { id: "desc" } });
    at = mark();
    await menu("clip_result_menu", `withdraw:${second.id}`);
    await fill(at);
    await command("/clip", "export");
    // The message shortcut, on a message carrying the tokens: the form prefilled from it.
    at = mark();
    await bot.slack.messageShortcut({
      callbackId: "log_clipping",
      userId: MANAGER,
      channelId: CHANNEL,
      message: { text: `${HOSTILE} https://example.org/third` },
    });
    await settle();
    await fill(at, { texts: { url: ["https://example.org/third"] } });
    await runJob("clipping-surge-check", new Date("2026-11-23T16:30:00Z"));
    expectNoLeaks(from);
  });

  it("translations: the request, its card, every step's form and news, the reminders and the week", async () => {
    const from = mark();
    await commandForm("/translate", "", {
      fixed: {
        dueOn: { type: "datepicker", selected_date: "2026-11-25" },
        sourceLang: FRENCH,
      },
    });
    const request = await bot.database.db.prisma.translationRequest.findFirstOrThrow({ orderBy: { id: "desc" } });
    const id = String(request.id);
    const step = async (action: string, options: Parameters<typeof fill>[1] = {}) => {
      const at = mark();
      await button(`translation_step_${action}`, id);
      if (["assign", "deliver", "return"].includes(action)) await fill(at, options);
    };
    await step("assign", { fixed: { assignee: { type: "users_select", selected_user: null } } });
    await step("start");
    await runJob("translation-reminders", new Date("2026-11-26T07:30:00Z"));
    await step("deliver");
    await step("return");
    await step("deliver");
    await step("accept");
    await command("/translate", "list open");
    await command("/translate", "list mine");
    // Another, shared from a message, cancelled.
    const at = mark();
    await bot.slack.messageShortcut({
      callbackId: "request_translation",
      userId: MANAGER,
      channelId: CHANNEL,
      message: { text: `${HOSTILE} <https://example.org/letter.pdf>` },
    });
    await settle();
    await fill(at, { fixed: { sourceLang: FRENCH } });
    const second = await bot.database.db.prisma.translationRequest.findFirstOrThrow({ orderBy: { id: "desc" } });
    let at2 = mark();
    await button("translation_step_assign", String(second.id));
    await fill(at2, { fixed: { assignee: { type: "users_select", selected_user: STAFF } }, texts: { vendor: [""] } });
    await runJob("translation-reminders", new Date("2026-11-23T07:30:00Z"));
    at2 = mark();
    await button("translation_step_deliver", String(second.id), { userId: STAFF });
    await fill(at2, { userId: STAFF });
    at2 = mark();
    await button("translation_step_return", String(second.id));
    await fill(at2);
    await button("translation_step_cancel", String(second.id));
    await runJob("translation-weekly", new Date("2026-11-30T07:00:00Z"));
    expectNoLeaks(from);
  });

  it("correspondence: the letter, its search, its menu, its reminders", async () => {
    const from = mark();
    await commandForm("/letter", "", { fixed: { deadline: { type: "datepicker", selected_date: "2026-11-25" } } });
    const letter = await bot.database.db.prisma.letter.findFirstOrThrow({ orderBy: { id: "desc" } });
    await command("/letter", "Δήμαρχος");
    await command("/letter", "open");
    await runJob("correspondence-reminders", new Date("2026-11-23T07:30:00Z"));
    await runJob("correspondence-reminders", new Date("2026-11-26T07:30:00Z"));
    await menu("letter_menu", valueIn("letter_menu", "a"));
    await command("/letter", `export 2026`);
    expect(letter.id).toBeGreaterThan(0);
    expectNoLeaks(from);
  });

  it("contacts: the form, a correction, a merge, the person's data, an erasure, an import", async () => {
    const from = mark();
    const nameDay = { nameDay: ["23/11"] };
    await commandForm("/contact", "add", { texts: nameDay });
    await commandForm("/contact", "add", { texts: nameDay });
    const [first, second] = await bot.database.db.prisma.contact.findMany({ orderBy: { id: "asc" } });
    if (!first || !second) throw new Error("the contacts were not stored");
    await command("/contact", "Δήμαρχος");
    let at = mark();
    await menu("contact_menu", `edit:${first.id}`);
    await fill(at, { texts: { ...nameDay, notes: [HOSTILE2] } });
    at = mark();
    await menu("contact_menu", `merge:${second.id}`);
    await fill(at);
    await menu("contact_menu", `data:${first.id}`);
    await commandForm("/contact", "add", { texts: nameDay });
    const third = await bot.database.db.prisma.contact.findFirstOrThrow({ orderBy: { id: "desc" } });
    at = mark();
    await menu("contact_menu", `erase:${third.id}`);
    await fill(at);
    // An import whose every cell carries the tokens: the preview, then the confirmation.
    const cell = `"${HOSTILE.replace(/"/g, '""')}"`;
    const csv = `name;organisation;position;notes;email\n${cell};${cell};${cell};${cell};someone@example.org\n`;
    at = mark();
    await command("/contact", "import");
    const file = bot.fake.hostFile("contacts.csv", Buffer.from(csv, "utf8"));
    await fill(at, { fixed: { file: { type: "file_input", files: [file] } }, stopOnUpdate: true });
    const preview = bot.fake.calls.filter((c) => c.method === "views.update" && c.response.ok).pop();
    if (!preview) throw new Error("no preview of the import");
    const confirmed = await submitFilled(
      bot,
      preview.response.view as Json,
      MANAGER,
      { candidates: CANDIDATES, defaults: { date: IN_A_WEEK, user: STAFF }, refused },
      (a) => answers.push(a),
    );
    forms.push(confirmed);
    await command("/contact", "Δήμαρχος");
    await command("/contact", "export");
    expectNoLeaks(from);
  });

  it("the office calendar: name days, their answers, the card campaign, the notes, /giortes", async () => {
    const from = mark();
    await command("/grafeio", `reminder add holiday 27/11 1 ${HOSTILE_MEDIUM}`);
    await command("/grafeio", `reminder add celebration 25/11 2 ${HOSTILE_MEDIUM}`);
    await command("/grafeio", "reminders");
    await runJob("name-day-reminders", new Date("2026-11-23T06:30:00Z"));
    await runJob("calendar-notes", new Date("2026-11-23T06:30:00Z"));
    await runJob("calendar-notes", new Date("2026-11-26T06:30:00Z"));
    const posted = (bot.fake.messages.get(PR) ?? []).filter((m) =>
      JSON.stringify(m.blocks ?? []).includes("name_day_wishes_sent"),
    );
    const message = posted.at(-1);
    if (!message) throw new Error("no name-day reminder was posted");
    await button("name_day_wishes_sent", valueIn("name_day_wishes_sent"), { message });
    await command("/giortes", "23/11");
    await runJob("greeting-cards", new Date("2026-12-04T06:30:00Z"));
    const at = mark();
    const cards = (bot.fake.messages.get(PR) ?? [])
      .filter((m) => JSON.stringify(m.blocks ?? []).includes("cards_record"))
      .at(-1);
    if (!cards) throw new Error("no card campaign was posted");
    await button("cards_record", valueIn("cards_record"), { message: cards });
    await fill(at);
    expectNoLeaks(from);
  });

  it("sponsors: the form, its steps, the approval, the amount received, the benefits, the thanks, the report", async () => {
    const from = mark();
    await commandForm("/sponsor", "add", {
      texts: { pledgedAmount: ["2.500,50"], eventDate: ["2026-11-23"] },
      fixed: { eventDate: { type: "datepicker", selected_date: "2026-11-23" } },
    });
    const s = await bot.database.db.prisma.sponsorship.findFirstOrThrow({ orderBy: { id: "desc" } });
    await command("/sponsor", "Δήμαρχος");
    await menu("sponsor_menu", `contact:${s.id}`);
    await menu("sponsor_menu", `ask_approval:${s.id}`);
    await button("sponsor_approve", String(s.id), { userId: MANAGER2 });
    let at = mark();
    await menu("sponsor_menu", `receive:${s.id}`);
    await fill(at, { texts: { receivedAmount: ["2.500,50"] } });
    at = mark();
    await menu("sponsor_menu", `benefits:${s.id}`);
    await fill(at);
    await runJob("sponsor-thanks", new Date("2026-11-24T07:00:00Z"));
    await runJob("sponsor-thanks", new Date("2026-11-25T07:00:00Z"));
    await command("/contact", "thanks");
    await command("/sponsor", "report 2026");
    await menu("sponsor_menu", `thank:${s.id}`);
    expectNoLeaks(from);
  });

  it("events: the form, an overlap, a correction, the checklist, guests, invitations, gifts, feedback, a cancellation, the reminders", async () => {
    const from = mark();
    const times = {
      startDate: { type: "datepicker", selected_date: IN_A_WEEK },
      startTime: { type: "timepicker", selected_time: "10:00" },
      endDate: { type: "datepicker", selected_date: IN_A_WEEK },
      endTime: { type: "timepicker", selected_time: "12:00" },
    };
    await commandForm("/event", "", { fixed: times, texts: { expectedAttendance: ["120"] } });
    const e = await bot.database.db.prisma.event.findFirstOrThrow({ orderBy: { id: "desc" } });
    // The same venue at the same time: the warning (a changed form) names the first, then it is saved.
    await commandForm("/event", "", { fixed: times, texts: { expectedAttendance: ["120"] } });
    const second = await bot.database.db.prisma.event.findFirstOrThrow({ orderBy: { id: "desc" } });
    // The warning is a form Slack shows (searched with the rest): it names the first, escaped.
    expect(
      answers.some(
        (a) => a.response_action === "update" && JSON.stringify(a).includes("#1 «Δήμαρχος &lt;!channel&gt;"),
      ),
    ).toBe(true);
    const id = String(e.id);
    const card = (bot.fake.messages.get(PR) ?? []).at(-1);
    let at = mark();
    await button("event_edit", id, { message: card });
    await fill(at, { fixed: times, texts: { title: [HOSTILE2], expectedAttendance: ["130"] } });
    await command("/event", `${id}`);
    await command("/event", "list");
    await command("/event", `${id} checklist`);
    const item = await bot.database.db.prisma.eventChecklistItem.findFirstOrThrow({ where: { eventId: e.id } });
    at = mark();
    await menu("event_item_done", `reassign:${item.id}:${e.id}`);
    await fill(at, { fixed: { owner: { type: "users_select", selected_user: STAFF } } });
    await command("/event", `${id} guests`);
    at = mark();
    await button("event_add_guest", id);
    await fill(at, { texts: { tieDate: [""] } });
    await command("/event", `${id} guests`);
    await button("event_guests_pdf", id);
    await command("/event", `${id} place 1 1 ${HOSTILE}`);
    await command("/event", `${id} invitations`);
    at = mark();
    await button("event_invite", id);
    await fill(at);
    await command("/event", `${id} invitations`);
    at = mark();
    await button("event_add_gift", id);
    await fill(at, { texts: { cost: ["25,50"] } });
    await command("/event", `${id} gifts`);
    await command("/event", "gifts 2026");
    await button("event_ics", id);
    await runJob("event-reminders", new Date("2026-11-23T07:40:00Z"));
    await runJob("event-reminders", new Date("2026-11-29T07:40:00Z"));
    await runJob("event-reminders", new Date("2026-12-01T07:40:00Z"));
    at = mark();
    await button("event_feedback", id);
    await fill(at, { texts: { attendance: ["140"] } });
    // The next event of the kind shows what was said after the last one.
    await commandForm("/event", "", {
      fixed: {
        ...times,
        startDate: { type: "datepicker", selected_date: "2026-12-10" },
        endDate: { type: "datepicker", selected_date: "2026-12-10" },
      },
      texts: { expectedAttendance: ["120"] },
    });
    at = mark();
    await button("event_cancel", String(second.id), { message: card });
    await fill(at);
    expectNoLeaks(from);
  });

  it("the office's settings and the morning digest", async () => {
    const from = mark();
    await command("/grafeio", `topic add ${HOSTILE_SHORT} | ${HOSTILE_SHORT}`);
    await command("/grafeio", `category add hostile ${HOSTILE_SHORT} | ${HOSTILE_SHORT}`);
    await command("/grafeio", `precedence add 5 ${HOSTILE_MEDIUM}`);
    await command("/grafeio", `watch add ${HOSTILE_MEDIUM} <#${ALERTS}|alerts>`);
    await command("/grafeio", `holiday 8/12 ${HOSTILE_MEDIUM}`);
    for (const list of [
      "topics",
      "categories",
      "precedence",
      "watch",
      "reminders",
      "departments",
      "calendar 2026-12-08",
    ])
      await command("/grafeio", list);
    for (const [name, text] of [
      ["/clip", `search ${HOSTILE}`],
      ["/contact", HOSTILE],
      ["/letter", HOSTILE_MEDIUM],
      ["/sponsor", HOSTILE],
      ["/event", HOSTILE],
      ["/translate", HOSTILE],
      ["/giortes", HOSTILE],
      ["/grafeio", HOSTILE],
    ] as const)
      await command(name, text);
    await runJob("morning-digest", new Date("2026-11-24T06:00:00Z"));
    // The register stamps a clipping with the database's time: the digests of the days after it.
    const { createdAt } = await bot.database.db.prisma.clipping.findFirstOrThrow({ orderBy: { id: "desc" } });
    for (const days of [1, 2, 3]) {
      const day = new Date(createdAt.getTime() + days * 86_400_000).toISOString().slice(0, 10);
      await runJob("morning-digest", new Date(`${day}T06:00:00Z`));
    }
    expect(JSON.stringify(bot.fake.calls.slice(from).map((c) => c.args))).toContain("2026/0001");
    expectNoLeaks(from);
  });

  it("every form of every area was submitted, with the tokens in every text field that takes free text", () => {
    const submitted = new Set(forms.map((f) => f.callbackId));
    expect([...submitted].sort()).toMatchInlineSnapshot(`
      [
        "cards_record_modal",
        "clip_edit_modal",
        "clip_modal",
        "clip_reply_close_modal",
        "clip_reply_modal",
        "clip_withdraw_modal",
        "contact_erase_modal",
        "contact_import",
        "contact_import_confirm",
        "contact_merge_modal",
        "contact_modal",
        "event_add_guest_modal",
        "event_cancel_modal",
        "event_feedback_modal",
        "event_gift_modal",
        "event_invite_modal",
        "event_item_modal",
        "event_modal",
        "letter_modal",
        "sponsor_benefits_modal",
        "sponsor_modal",
        "sponsor_receive_modal",
        "translation_modal",
        "translation_step_modal_assign",
        "translation_step_modal_deliver",
        "translation_step_modal_return",
      ]
    `);
    const plain = forms.flatMap((f) =>
      Object.entries(f.accepted)
        .filter(([, text]) => !text.includes("<!channel>"))
        .map(([block, text]) => `${f.callbackId}.${block}=${text}`),
    );
    expect(plain.sort()).toMatchInlineSnapshot(`
      [
        "clip_edit_modal.url=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
        "clip_modal.url=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
        "clip_modal.url=https://example.org/second",
        "clip_modal.url=https://example.org/third",
        "contact_modal.nameDayOther=23/11",
        "contact_modal.nameDayOther=23/11",
        "contact_modal.nameDayOther=23/11",
        "contact_modal.nameDayOther=23/11",
        "contact_modal.phone=+30 210 1234567",
        "contact_modal.phone=+30 210 1234567",
        "contact_modal.phone=+30 210 1234567",
        "contact_modal.phone=+30 210 1234567",
        "event_feedback_modal.attendance=140",
        "event_gift_modal.cost=25,50",
        "event_modal.expectedAttendance=120",
        "event_modal.expectedAttendance=120",
        "event_modal.expectedAttendance=120",
        "event_modal.expectedAttendance=130",
        "letter_modal.documentUrl=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
        "letter_modal.translationRequestId=12",
        "sponsor_modal.documents=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
        "sponsor_modal.pledgedAmount=2.500,50",
        "sponsor_receive_modal.receivedAmount=2.500,50",
        "translation_modal.documentUrl=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
        "translation_modal.documentUrl=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
        "translation_step_modal_assign.vendor=",
        "translation_step_modal_deliver.deliveredUrl=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
        "translation_step_modal_deliver.deliveredUrl=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
        "translation_step_modal_deliver.deliveredUrl=https://example.org/doc/%3C!channel%3E%3C%40U0VICTIM1%3E",
      ]
    `);
  });
});

// `/report <period> [@reader]`: the activity report for a period, as PDF and DOCX, in the DM of the
// person who asked (a manager or a reader), or of the reader a manager names. The command answers
// at once; the report follows (collected, then rendered in the render worker). A manager's copy
// carries a users' menu to send the same report to a reader.
import type { App, UsersSelectAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { periodErrorText } from "../../../calendar/period.js";
import {
  onAction,
  onCommand,
  type Reply,
  type SlackKit,
  sendFilesPrivately,
  userView,
} from "../../../slack/listener.js";
import { reportTexts, reportTextsOf } from "../messages.js";
import { reportDocxOffLoop, reportPdfOffLoop } from "../report-render.js";
import type { PreparedReport, PrepareOutcome, ReportService } from "../report-service.js";

export const REPORT_COMMAND = "/report";
/** The users' menu under a manager's copy: send this period's report to a reader. */
export const REPORT_SEND = "report_send_reader";

export interface ReportListenerDeps {
  kit: SlackKit;
  reports: ReportService;
}

// With escaping on, Slack sends a mention as <@U123|name> (or <@U123>).
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/** The period's words and, last, the reader's mention (or a name typed instead of one). */
export function parseReportText(text: string): { periodText: string; recipient?: string; notAMention?: string } {
  const words = text.split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  const mention = last ? MENTION.exec(last)?.[1] : undefined;
  if (mention) return { periodText: words.slice(0, -1).join(" "), recipient: mention };
  if (last?.startsWith("@")) return { periodText: words.slice(0, -1).join(" "), notAMention: last };
  return { periodText: words.join(" ") };
}

/** The menu's block id carries the period's key (2026-Q1, 2026-01-15_2026-03-31): decoded, never trusted. */
const sendBlock = {
  encode: (key: string) => `report_send:${key}`,
  decode: (raw: string | undefined) => {
    const parsed = z
      .string()
      .regex(/^report_send:([0-9A-Za-z_-]{4,40})$/)
      .safeParse(raw);
    return parsed.success ? parsed.data.slice("report_send:".length) : undefined;
  },
};
const slackUser = z.string().regex(/^[UW][A-Z0-9]{2,}$/);

export function sendToReaderBlocks(locale: "el" | "en", periodKey: string): KnownBlock[] {
  const x = reportTexts(locale);
  return [
    {
      type: "section",
      block_id: sendBlock.encode(periodKey),
      text: { type: "mrkdwn", text: x.sendToReader },
      accessory: {
        type: "users_select",
        action_id: REPORT_SEND,
        placeholder: { type: "plain_text", text: x.pickReader },
      },
    },
  ];
}

/** A refusal or a period it cannot read, as the sentence to answer with; undefined when prepared. */
function refusalText(outcome: PrepareOutcome, locale: "el" | "en"): string | undefined {
  const x = reportTexts(locale);
  switch (outcome.status) {
    case "prepared":
      return undefined;
    case "bad_period":
      return periodErrorText(outcome.error, locale);
    case "refused":
      if (outcome.reason === "not_reader") return x.refused;
      if (outcome.reason === "not_manager") return x.sendRefused;
      return x.notAReader(`<@${outcome.recipient}>`);
  }
}

/** Collects, renders and uploads the report into the recipient's DM, in the recipient's language. */
async function deliver(deps: ReportListenerDeps, client: WebClient, report: PreparedReport, reply: Reply) {
  const { kit, reports } = deps;
  const recipient = await userView(kit, report.recipient);
  const x = reportTexts(recipient.locale);
  const doc = await reports.build(report, recipient.locale, { municipality: x.municipality });
  const [pdf, docx] = await Promise.all([reportPdfOffLoop(doc), reportDocxOffLoop(doc)]);
  const label = report.period.label[recipient.locale];
  const own = report.recipient === report.requestedBy;
  const base = `grafeio-report-${report.period.key}`;
  await sendFilesPrivately(
    client,
    report.recipient,
    own ? x.ready(label) : x.readyFrom(label, `<@${report.requestedBy}>`),
    [
      { file: pdf, filename: `${base}.pdf` },
      { file: docx, filename: `${base}.docx` },
    ],
  );
  if (!own) {
    const requester = await userView(kit, report.requestedBy);
    await reply(reportTexts(requester.locale).sentTo(report.period.label[requester.locale], `<@${report.recipient}>`));
  } else if (await kit.roles.hasRole(report.requestedBy, "manager")) {
    // A manager's copy: the menu to send the same period's report to a reader.
    const text = x.sendToReader;
    await client.chat.postMessage({
      channel: report.requestedBy,
      text,
      blocks: sendToReaderBlocks(recipient.locale, report.period.key),
    });
  }
}

export function registerReportCommand(app: App, deps: ReportListenerDeps): void {
  onCommand(app, deps.kit, {
    name: REPORT_COMMAND,
    // The service checks the right (managers and readers; sending to another, managers).
    role: "anyone",
    help: (t) => reportTextsOf(t).help,
    async handle({ user, text, client, reply }) {
      const x = reportTexts(user.locale);
      const asked = parseReportText(text);
      if (asked.notAMention) return reply(x.badRecipient(asked.notAMention));
      const outcome = await deps.reports.prepare({
        actor: user.userId,
        periodText: asked.periodText,
        recipient: asked.recipient,
      });
      const refused = refusalText(outcome, user.locale);
      if (refused !== undefined || outcome.status !== "prepared") return reply(refused ?? x.refused);
      const label = outcome.period.label[user.locale];
      await reply(
        outcome.recipient === user.userId ? x.preparing(label) : x.preparingFor(label, `<@${outcome.recipient}>`),
      );
      await deliver(deps, client, outcome, reply);
    },
  });
}

export function registerSendToReaderMenu(app: App, deps: ReportListenerDeps): void {
  onAction<UsersSelectAction>(app, deps.kit, {
    id: REPORT_SEND,
    // Only managers send; the service checks it again, with the recipient's role.
    role: "manager",
    async handle({ user, action, client, reply }) {
      const key = sendBlock.decode(action.block_id);
      const reader = slackUser.safeParse(action.selected_user);
      if (key === undefined || !reader.success) return reply(user.t.common.outOfDate);
      const outcome = await deps.reports.prepare({ actor: user.userId, periodText: key, recipient: reader.data });
      const refused = refusalText(outcome, user.locale);
      if (refused !== undefined || outcome.status !== "prepared") return reply(refused ?? user.t.common.outOfDate);
      await reply(reportTexts(user.locale).preparingFor(outcome.period.label[user.locale], `<@${outcome.recipient}>`));
      await deliver(deps, client, outcome, reply);
    },
  });
}

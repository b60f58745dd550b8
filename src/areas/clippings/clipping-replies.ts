// Clippings that need the municipality's reply: assigned to someone, due on a day, closed with the
// reply. Every step is recorded in the clipping's history.

import { formatRegisterNumber } from "../../db/register-number.js";
import { messages } from "../../i18n/index.js";
import { formatDayMonthYear, isRealIsoDate, localDate } from "../../lib/clock.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../slack/mrkdwn.js";
import type { DomainDeps } from "../deps.js";
import type { DigestSection } from "../digest/digest-section.js";

export interface OpenReply {
  id: number;
  registerNumber: string;
  title: string;
  url: string | null;
  assignee: string | null;
  dueOn: string | null;
}

export type ReplyRequestError = "assigneeRequired" | "dateInvalid" | "dueInPast";

/** The rules a reply request must meet: someone to prepare it, and a real day not in the past. */
export function checkReplyRequest({ assignee, dueOn, today }: { assignee: string; dueOn: string; today: string }) {
  const errors: { assignee?: ReplyRequestError; dueOn?: ReplyRequestError } = {};
  if (!assignee) errors.assignee = "assigneeRequired";
  if (!isRealIsoDate(dueOn)) errors.dueOn = "dateInvalid";
  else if (dueOn < today) errors.dueOn = "dueInPast";
  return errors;
}

export function createClippingReplies({ prisma, clock, timeZone }: DomainDeps) {
  return {
    /**
     * Marks a clipping as needing a reply (again, if it had been closed). The same open request
     * made twice (a double click, a retry) changes nothing the second time.
     */
    async requestReply({
      id,
      assignee,
      dueOn,
      by,
    }: {
      id: number;
      assignee: string;
      dueOn: string;
      by: string;
    }): Promise<"requested" | "unchanged" | "not_found"> {
      return prisma.$transaction(async (tx) => {
        const now = clock.now();
        const due = new Date(`${dueOn}T00:00:00Z`);
        const same = await tx.clipping.count({
          where: { id, needsReply: true, replyClosedAt: null, replyAssignee: assignee, replyDueOn: due },
        });
        if (same > 0) return "unchanged";
        const r = await tx.clipping.updateMany({
          where: { id },
          data: {
            needsReply: true,
            replyAssignee: assignee,
            replyDueOn: new Date(`${dueOn}T00:00:00Z`),
            replyClosedAt: null,
            replyClosedBy: null,
            replyText: null,
          },
        });
        if (r.count === 0) return "not_found";
        await tx.clippingChange.create({
          data: {
            clippingId: id,
            changedBy: by,
            changedAt: now,
            field: "reply_requested",
            oldValue: null,
            newValue: `${assignee} ${dueOn}`,
          },
        });
        return "requested";
      });
    },

    async closeReply({ id, text, by }: { id: number; text: string; by: string }): Promise<"closed" | "not_open"> {
      return prisma.$transaction(async (tx) => {
        const now = clock.now();
        const r = await tx.clipping.updateMany({
          where: { id, needsReply: true, replyClosedAt: null },
          data: { replyClosedAt: now, replyClosedBy: by, replyText: text },
        });
        if (r.count === 0) return "not_open";
        await tx.clippingChange.create({
          data: {
            clippingId: id,
            changedBy: by,
            changedAt: now,
            field: "reply_closed",
            oldValue: null,
            newValue: text,
          },
        });
        return "closed";
      });
    },

    /** Open replies, the most urgent first; `dueBy` keeps those due on or before that day. */
    async openReplies({ dueBy }: { dueBy?: string } = {}): Promise<OpenReply[]> {
      const rows = await prisma.clipping.findMany({
        where: {
          needsReply: true,
          replyClosedAt: null,
          withdrawnAt: null,
          ...(dueBy ? { replyDueOn: { lte: new Date(`${dueBy}T00:00:00Z`) } } : {}),
        },
        orderBy: [{ replyDueOn: "asc" }, { id: "asc" }],
      });
      return rows.map((r) => ({
        id: r.id,
        registerNumber: formatRegisterNumber(r.registerYear, r.registerSeq),
        title: r.title,
        url: r.url,
        assignee: r.replyAssignee,
        dueOn: r.replyDueOn ? r.replyDueOn.toISOString().slice(0, 10) : null,
      }));
    },

    today: () => localDate(clock.now(), timeZone),
  };
}

export type ClippingReplies = ReturnType<typeof createClippingReplies>;

/** One line per open reply, for the digest and the reminders. */
export function replyLine(r: OpenReply, today: string, locale: "el" | "en"): string {
  const t = messages(locale).replies;
  const title = truncate(r.title, 120);
  const linked = r.url ? mrkdwnLink(r.url, title) : escapeMrkdwn(title);
  const who = r.assignee ? `<@${r.assignee}>` : t.unassigned;
  const due = r.dueOn
    ? r.dueOn < today
      ? `:warning: ${t.overdueSince(formatDayMonthYear(r.dueOn))}`
      : t.dueOn(formatDayMonthYear(r.dueOn))
    : "";
  return `\`${r.registerNumber}\` ${linked} · ${who} · ${due}`;
}

/** The digest's section: replies the municipality still owes, overdue first. */
export function createRepliesDigestSection(replies: ClippingReplies): DigestSection {
  return {
    id: "clipping-replies",
    async build({ date, locale }) {
      const open = await replies.openReplies();
      if (open.length === 0) return null;
      const overdue = open.filter((r) => r.dueOn !== null && r.dueOn < date).length;
      const t = messages(locale).replies;
      return {
        title: t.digestTitle,
        summary: t.digestSummary(open.length, overdue),
        items: open.map((r) => replyLine(r, date, locale)),
      };
    },
  };
}

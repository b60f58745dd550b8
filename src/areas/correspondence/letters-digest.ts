// The managers' digest: calls for interest and invitations from abroad until answered or declined.
import { messages } from "../../i18n/index.js";
import { formatDayMonthYear } from "../../lib/clock.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import type { DigestSection } from "../digest/digest-section.js";
import { type LetterService, protocolNumber } from "./letter-service.js";

export function createLettersDigestSection(letters: LetterService): DigestSection {
  return {
    id: "foreign-invitations",
    async build({ date, locale }) {
      const open = (await letters.openWithDue()).filter((l) => l.kind !== "letter");
      if (open.length === 0) return null;
      const t = messages(locale).letters;
      const overdue = open.filter((l) => (l.dueOn?.toISOString().slice(0, 10) ?? "") < date).length;
      return {
        title: t.digestTitle,
        summary: t.digestSummary(open.length, overdue),
        items: open.map((l) => {
          const due = l.dueOn ? l.dueOn.toISOString().slice(0, 10) : "";
          const brief = l.briefing ? `\n    _${escapeMrkdwn(truncate(l.briefing, 300))}_` : "";
          return `• \`${protocolNumber(l)}\` *${escapeMrkdwn(truncate(l.counterpart, 80))}*: ${escapeMrkdwn(truncate(l.subject, 150))} · ${t.due(formatDayMonthYear(due), due < date)}${brief}`;
        }),
      };
    },
  };
}

// The press intake's part of the Home of those who review its proposals (staff who decided one in
// the last 90 days): how many articles wait in the press channel, the oldest first, each linked to
// its message there, where its «Καταχώριση» and «Άσχετο» are. A notice, not the person's items: a
// proposal is nobody's until someone decides it, and the channel's message is the one place it is
// decided (and redrawn for everyone).
import { defineTexts, icu } from "../../i18n/texts.js";
import { formatDayMonthYear, localDate } from "../../lib/clock.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import type { PressIntakeService } from "./service.js";

/** How many proposals the Home names (the rest are counted). */
const SHOWN = 8;

const texts = defineTexts(
  {
    title: (n: number) =>
      icu("el", "Προτάσεις από τις ειδήσεις: {n, plural, one {# περιμένει} other {# περιμένουν}} απόφαση", { n }),
    more: (n: number) => `…και ${n} ακόμη στο κανάλι.`,
  },
  {
    title: (n: number) => icu("en", "News proposals: {n, plural, one {# waits} other {# wait}} for a decision", { n }),
    more: (n: number) => `…and ${n} more in the channel.`,
  },
);

/** The message's address in Slack (the archives link opens it in the workspace). */
const linkOf = (channel: string | null, ts: string | null) =>
  channel && ts ? `https://slack.com/archives/${channel}/p${ts.replace(".", "")}` : undefined;

export function createIntakeHomeSource(intake: Pick<PressIntakeService, "waitingForReview">): HomeSource {
  return homeSource({
    id: "press-intake",
    async collect(w) {
      const waiting = await intake.waitingForReview(w.actor, w.today, SHOWN);
      if (!waiting || waiting.count === 0) return null;
      const h = texts(w.locale);
      const lines = waiting.items.map((p) => {
        const title = escapeMrkdwn(truncate(p.title, 150));
        const link = linkOf(p.channelId, p.messageTs);
        const day = p.postedAt ? ` · ${formatDayMonthYear(localDate(p.postedAt, w.timeZone))}` : "";
        return `• ${link ? `<${link}|${title}>` : title} · ${escapeMrkdwn(truncate(p.outlet, 60))}${day}`;
      });
      if (waiting.count > waiting.items.length) lines.push(h.more(waiting.count - waiting.items.length));
      return { notice: { title: h.title(waiting.count), lines, order: 3 } };
    },
  });
}

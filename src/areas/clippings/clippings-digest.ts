// The clippings' part of the morning digest: what was registered since the last one, by tone and topic.

import { formatRegisterNumber } from "../../db/register-number.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { messages } from "../../i18n/index.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../slack/mrkdwn.js";
import type { DigestSection } from "../digest/digest-section.js";

const TONE_MARK = { positive: ":large_green_circle:", neutral: ":white_circle:", negative: ":red_circle:" } as const;

export function createClippingsDigestSection({ prisma }: { prisma: PrismaClient }): DigestSection {
  return {
    id: "clippings",
    async build({ since, until, locale }) {
      const rows = await prisma.clipping.findMany({
        where: { createdAt: { gte: since, lt: until }, withdrawnAt: null },
        orderBy: [{ registerYear: "asc" }, { registerSeq: "asc" }],
        include: { topics: { include: { topic: true } } },
      });
      if (rows.length === 0) return null;
      const t = messages(locale).digest;
      const tones = { positive: 0, neutral: 0, negative: 0 };
      const topics = new Map<string, number>();
      for (const row of rows) {
        tones[row.tone]++;
        for (const { topic } of row.topics) {
          const name = locale === "en" ? topic.nameEn : topic.nameEl;
          topics.set(name, (topics.get(name) ?? 0) + 1);
        }
      }
      const topTopics = [...topics]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 8)
        .map(([name, n]) => `${escapeMrkdwn(name)} ${n}`);
      const summary = [
        t.clippingsSummary(rows.length, tones.positive, tones.neutral, tones.negative),
        ...(topTopics.length ? [`${t.topics}: ${topTopics.join(", ")}`] : []),
      ].join("\n");
      const items = rows.map((row) => {
        const number = formatRegisterNumber(row.registerYear, row.registerSeq);
        const title = truncate(row.title, 150);
        const linked = row.url ? mrkdwnLink(row.url, title) : escapeMrkdwn(title);
        return `${TONE_MARK[row.tone]} \`${number}\` ${linked} (${escapeMrkdwn(truncate(row.outlet, 60))})`;
      });
      return { title: t.clippingsTitle, summary, items };
    },
  };
}

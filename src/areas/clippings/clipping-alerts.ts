// Alerts about clippings: the watch list (a new clipping mentioning a watched term posts a notice
// to that term's channel at once), and the surge check (more clippings in a day than usual, or
// several negative ones). Matching uses the same stems and skeleton as search.

import { formatRegisterNumber } from "../../db/register-number.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { type LocaleCode, messages } from "../../i18n/index.js";
import { foldGreek } from "../../lib/text.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../slack/mrkdwn.js";
import type { Sender } from "../../slack/sender.js";

export function createClippingAlerts({ prisma }: { prisma: PrismaClient }) {
  async function termsMatching(clippingId: number) {
    const terms = await prisma.watchTerm.findMany({ orderBy: { id: "asc" } });
    const matched: typeof terms = [];
    for (const term of terms) {
      const hit = await prisma.$queryRaw<{ id: number }[]>`SELECT c.id FROM clippings c WHERE c.id = ${clippingId}
        AND (c.search_fts @@ plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(${term.term}))
          OR c.search_phonetic @@ public.grafeio_stem_query(${term.term}))`;
      if (hit.length) matched.push(term);
    }
    return matched;
  }

  return {
    async addWatchTerm({ term, channelId, by }: { term: string; channelId: string; by: string }) {
      const clean = term.replace(/\s+/g, " ").trim();
      return prisma.watchTerm.upsert({
        where: { term: clean },
        create: { term: clean, channelId, createdBy: by },
        update: { channelId },
      });
    },
    async removeWatchTerm(term: string): Promise<boolean> {
      const all = await prisma.watchTerm.findMany();
      const found = all.find((w) => foldGreek(w.term) === foldGreek(term));
      if (!found) return false;
      await prisma.watchTerm.delete({ where: { id: found.id } });
      return true;
    },
    listWatchTerms: () => prisma.watchTerm.findMany({ orderBy: { term: "asc" } }),

    /**
     * Posts a notice to the channel of each department the new clipping concerns, and for each
     * watched term it matches. Once per clipping and channel, whatever the retries.
     */
    async announceNewClipping({
      clippingId,
      sender,
      locale,
    }: {
      clippingId: number;
      sender: Sender;
      locale: LocaleCode;
    }): Promise<number> {
      const c = await prisma.clipping.findUnique({ where: { id: clippingId } });
      if (!c) return 0;
      const t = messages(locale);
      const title = truncate(c.title, 200);
      const linked = c.url ? mrkdwnLink(c.url, title) : escapeMrkdwn(title);
      const line = `\`${formatRegisterNumber(c.registerYear, c.registerSeq)}\` ${linked} (${escapeMrkdwn(truncate(c.outlet, 60))}, ${t.clip.tones[c.tone]})`;
      let posted = 0;
      const departments = await prisma.clippingDepartment.findMany({
        where: { clippingId },
        include: { department: true },
      });
      for (const { department } of departments) {
        if (!department.channelId) continue;
        const name = escapeMrkdwn(locale === "en" ? department.nameEn : department.nameEl);
        const r = await sender.post({
          key: `clipping:${clippingId}:department:${department.id}`,
          channel: department.channelId,
          text: t.alerts.departmentNotice(name, line),
        });
        if (r.posted) posted++;
      }
      for (const term of await termsMatching(clippingId)) {
        const text = t.alerts.watchHit(escapeMrkdwn(term.term), line);
        const r = await sender.post({ key: `clipping:${clippingId}:watch:${term.id}`, channel: term.channelId, text });
        if (r.posted) posted++;
      }
      return posted;
    },

    /** Today's clippings against the usual day (the 28 days before), in the office's time zone. */
    async dayStats({ dayStart, dayEnd }: { dayStart: Date; dayEnd: Date }) {
      const [today] = await prisma.$queryRaw<{ total: bigint | number; negative: bigint | number }[]>`
        SELECT count(*) AS total, count(*) FILTER (WHERE tone = 'negative') AS negative
        FROM clippings WHERE created_at >= ${dayStart} AND created_at < ${dayEnd} AND withdrawn_at IS NULL`;
      const before = new Date(dayStart.getTime() - 28 * 86400_000);
      const [past] = await prisma.$queryRaw<{ total: bigint | number }[]>`
        SELECT count(*) AS total FROM clippings WHERE created_at >= ${before} AND created_at < ${dayStart} AND withdrawn_at IS NULL`;
      return {
        total: Number(today?.total ?? 0),
        negative: Number(today?.negative ?? 0),
        usual: Number(past?.total ?? 0) / 28,
      };
    },
  };
}

export type ClippingAlerts = ReturnType<typeof createClippingAlerts>;

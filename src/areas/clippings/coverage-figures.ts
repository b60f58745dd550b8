// The coverage report's figures (`/clip report <period>`), as a pure function of the period's
// clippings (the same rows as `/clip export` for those days: withdrawn ones included and counted
// apart) and the replies asked of them. Everything else (the PDF, the XLSX) is drawn from these.
import { localDate, shiftDate } from "../../lib/clock.js";
import type { ClippingRecord } from "./store.js";
import { type Medium, TONES, type Tone } from "./validation.js";

export { TONES };
/** How many outlets "the top outlets" are. */
export const TOP_OUTLETS = 10;

export type ToneCounts = Record<Tone, number>;

export interface CoverageReply {
  id: number;
  dueOn: string | null;
  closedAt: Date | null;
}

export interface CoverageData {
  clippings: ClippingRecord[];
  replies: CoverageReply[];
}

export interface CoverageWeek {
  /** The week's Monday (the week may start before the period: its days outside it count nothing). */
  monday: string;
  /** The week's days inside the period. */
  from: string;
  to: string;
  total: number;
  negative: number;
  /** negative / total, or null for a week without clippings. */
  negativeShare: number | null;
}

export interface CoverageFigures {
  from: string;
  to: string;
  /** Every clipping published in the period, withdrawn ones included (the export's row count). */
  rows: number;
  withdrawn: number;
  /** The clippings counted below: not withdrawn. */
  total: number;
  tones: ToneCounts;
  /** negative / total, or null when there were none. */
  negativeShare: number | null;
  /** Each clipping counts once under each of its topics; `topicId` null: no topic. */
  topics: { topicId: number | null; nameEl: string; nameEn: string; total: number; tones: ToneCounts }[];
  outlets: { outlet: string; total: number; tones: ToneCounts }[];
  media: { medium: Medium; total: number }[];
  weeks: CoverageWeek[];
  replies: {
    asked: number;
    answered: number;
    /** Closed on or before its due day (on the office's calendar), or with no due day. */
    answeredInTime: number;
    answeredLate: number;
    owed: number;
    /** Still owed and past its due day. */
    overdue: number;
  };
}

const noTones = (): ToneCounts => ({ positive: 0, neutral: 0, negative: 0 });

/** The Monday of the week a day falls in (ISO weeks, as the office's calendar has them). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return shiftDate(day, -((weekday + 6) % 7));
}

export function coverageFigures(
  data: CoverageData,
  options: { from: string; to: string; today: string; timeZone: string },
): CoverageFigures {
  const { from, to, today, timeZone } = options;
  const inPeriod = data.clippings.filter((c) => c.publishedOn >= from && c.publishedOn <= to);
  const live = inPeriod.filter((c) => !c.withdrawn);
  const tones = noTones();
  const topics = new Map<number | null, CoverageFigures["topics"][number]>();
  const outlets = new Map<string, CoverageFigures["outlets"][number]>();
  const media = new Map<Medium, number>();
  for (const c of live) {
    tones[c.tone]++;
    const own = c.topics.length ? c.topics : [null];
    for (const topic of own) {
      const key = topic?.id ?? null;
      const row = topics.get(key) ?? {
        topicId: key,
        nameEl: topic?.nameEl ?? "",
        nameEn: topic?.nameEn ?? "",
        total: 0,
        tones: noTones(),
      };
      row.total++;
      row.tones[c.tone]++;
      topics.set(key, row);
    }
    // An outlet as it was typed, without the spaces around it (the register keeps it so).
    const outletName = c.outlet.trim();
    const outlet = outlets.get(outletName) ?? { outlet: outletName, total: 0, tones: noTones() };
    outlet.total++;
    outlet.tones[c.tone]++;
    outlets.set(outletName, outlet);
    media.set(c.medium, (media.get(c.medium) ?? 0) + 1);
  }

  const weeks: CoverageWeek[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = shiftDate(monday, 7)) {
    // The week's days inside the period (YYYY-MM-DD strings compare as the days they are).
    const sunday = shiftDate(monday, 6);
    const [weekFrom, weekTo] = [[monday, from].sort().at(-1) ?? monday, [sunday, to].sort()[0] ?? sunday];
    const inWeek = live.filter((c) => c.publishedOn >= weekFrom && c.publishedOn <= weekTo);
    const negative = inWeek.filter((c) => c.tone === "negative").length;
    weeks.push({
      monday,
      from: weekFrom,
      to: weekTo,
      total: inWeek.length,
      negative,
      negativeShare: inWeek.length ? negative / inWeek.length : null,
    });
  }

  const liveIds = new Set(live.map((c) => c.id));
  const replies = data.replies.filter((r) => liveIds.has(r.id));
  const answered = replies.filter((r) => r.closedAt !== null);
  const inTime = answered.filter(
    (r) => r.dueOn === null || (r.closedAt !== null && localDate(r.closedAt, timeZone) <= r.dueOn),
  ).length;
  const owed = replies.filter((r) => r.closedAt === null);

  return {
    from,
    to,
    rows: inPeriod.length,
    withdrawn: inPeriod.length - live.length,
    total: live.length,
    tones,
    negativeShare: live.length ? tones.negative / live.length : null,
    // Most first; the clippings with no topic last, whatever their number.
    topics: [...topics.values()].sort(
      (a, b) =>
        Number(a.topicId === null) - Number(b.topicId === null) ||
        b.total - a.total ||
        a.nameEl.localeCompare(b.nameEl, "el"),
    ),
    outlets: [...outlets.values()].sort((a, b) => b.total - a.total || a.outlet.localeCompare(b.outlet, "el")),
    media: [...media].map(([medium, total]) => ({ medium, total })).sort((a, b) => b.total - a.total),
    weeks,
    replies: {
      asked: replies.length,
      answered: answered.length,
      answeredInTime: inTime,
      answeredLate: answered.length - inTime,
      owed: owed.length,
      overdue: owed.filter((r) => r.dueOn !== null && r.dueOn < today).length,
    },
  };
}

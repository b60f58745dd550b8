// The clippings' section of the period reports: the clippings published in the period (the same
// rows as `/clip export` for those days), by tone and by topic with a chart, the negative ones as
// notable items, and the replies asked of them: answered, still owed, overdue.

import { messages } from "../../i18n/index.js";
import { defineTexts, icu } from "../../i18n/texts.js";
import { countBy, type ReportSource, reportSource } from "../reports/report-source.js";
import type { ClippingRecord } from "./store.js";

export interface ClippingsReportData {
  clippings: ClippingRecord[];
  replies: { id: number; dueOn: string | null; closedAt: Date | null }[];
}

const TONES = ["positive", "neutral", "negative"] as const;
const TONE_COLOURS = { positive: "#009e73", neutral: "#8c8c8c", negative: "#d55e00" } as const;
const TOP_TOPICS = 8;
const NOTABLE = 15;

const texts = defineTexts(
  {
    title: "Δελτίο Τύπου: αποδελτίωση",
    total: "Δημοσιεύματα της περιόδου",
    withdrawn: "Αποσύρθηκαν",
    tone: { positive: "Θετικά", neutral: "Ουδέτερα", negative: "Αρνητικά" },
    repliesAsked: "Ζητήθηκε απάντηση του Δήμου",
    repliesAnswered: "Απαντήθηκαν",
    repliesOwed: "Οφείλονται ακόμη",
    repliesOverdue: "Εκπρόθεσμες",
    byTone: "Ανά τόνο",
    byTopic: "Ανά θέμα",
    byMedium: "Ανά είδος μέσου",
    columns: ["", "Σύνολο", "Θετικά", "Ουδέτερα", "Αρνητικά"],
    simpleColumns: ["", "Δημοσιεύματα"],
    noTopic: "(χωρίς θέμα)",
    chart: "Δημοσιεύματα ανά θέμα και τόνο",
    negative: "Αρνητικά δημοσιεύματα",
    empty: "Κανένα δημοσίευμα αυτή την περίοδο.",
    more: (n: number) => icu("el", "…και {n, plural, one {# ακόμη} other {# ακόμη}}", { n }),
  },
  {
    title: "Press clippings",
    total: "Clippings in the period",
    withdrawn: "Withdrawn",
    tone: { positive: "Positive", neutral: "Neutral", negative: "Negative" },
    repliesAsked: "The municipality's reply asked",
    repliesAnswered: "Answered",
    repliesOwed: "Still owed",
    repliesOverdue: "Overdue",
    byTone: "By tone",
    byTopic: "By topic",
    byMedium: "By medium",
    columns: ["", "Total", "Positive", "Neutral", "Negative"],
    simpleColumns: ["", "Clippings"],
    noTopic: "(no topic)",
    chart: "Clippings by topic and tone",
    negative: "Negative clippings",
    empty: "No clippings in this period.",
    more: (n: number) => icu("en", "…and {n} more", { n }),
  },
);

export function createClippingsReportSource(clippings: {
  reportData(range: { from: string; to: string }): Promise<ClippingsReportData>;
}): ReportSource {
  return reportSource({
    id: "clippings",
    collect: ({ period }) => clippings.reportData(period),
    describe: describeClippings,
  });
}

export function describeClippings(
  data: ClippingsReportData,
  { locale, today }: { locale: "el" | "en"; today: string },
) {
  const x = texts(locale);
  const t = messages(locale).clip;
  const live = data.clippings.filter((c) => !c.withdrawn);
  const tones = countBy(live, (c) => c.tone, TONES);
  // Each clipping counts once under each of its topics.
  const topicName = (c: ClippingRecord) =>
    c.topics.length ? c.topics.map((tp) => (locale === "en" ? tp.nameEn : tp.nameEl)) : [x.noTopic];
  const byTopic = new Map<string, Record<(typeof TONES)[number], number>>();
  for (const c of live)
    for (const name of topicName(c)) {
      const row = byTopic.get(name) ?? { positive: 0, neutral: 0, negative: 0 };
      row[c.tone]++;
      byTopic.set(name, row);
    }
  const topics = [...byTopic]
    .map(([name, row]) => ({ name, row, total: row.positive + row.neutral + row.negative }))
    // Most first; clippings with no topic last, whatever their number.
    .sort(
      (a, b) =>
        Number(a.name === x.noTopic) - Number(b.name === x.noTopic) ||
        b.total - a.total ||
        a.name.localeCompare(b.name, locale),
    );
  const media = countBy(live, (c) => t.media[c.medium]);
  const answered = data.replies.filter((r) => r.closedAt !== null).length;
  const owed = data.replies.filter((r) => r.closedAt === null);
  const overdue = owed.filter((r) => r.dueOn !== null && r.dueOn < today).length;
  const negative = live.filter((c) => c.tone === "negative");
  const shownTopics = topics.slice(0, TOP_TOPICS);

  return {
    id: "clippings",
    title: x.title,
    figures: [
      { id: "clippings.total", label: x.total, value: data.clippings.length },
      { id: "clippings.withdrawn", label: x.withdrawn, value: data.clippings.length - live.length },
      ...TONES.map((tone) => ({ id: `clippings.${tone}`, label: x.tone[tone], value: tones.get(tone) ?? 0 })),
      { id: "clippings.replies_asked", label: x.repliesAsked, value: data.replies.length },
      { id: "clippings.replies_answered", label: x.repliesAnswered, value: answered },
      { id: "clippings.replies_owed", label: x.repliesOwed, value: owed.length },
      { id: "clippings.replies_overdue", label: x.repliesOverdue, value: overdue },
    ],
    tables: [
      {
        title: x.byTopic,
        columns: x.columns,
        rows: topics.map((tp) => [tp.name, tp.total, tp.row.positive, tp.row.neutral, tp.row.negative].map(String)),
      },
      { title: x.byMedium, columns: x.simpleColumns, rows: [...media].map(([name, n]) => [name, String(n)]) },
    ],
    ...(shownTopics.length
      ? {
          chart: {
            title: x.chart,
            categories: shownTopics.map((tp) => tp.name),
            series: TONES.map((tone) => ({
              name: x.tone[tone],
              colour: TONE_COLOURS[tone],
              values: shownTopics.map((tp) => tp.row[tone]),
            })),
          },
        }
      : {}),
    ...(negative.length
      ? {
          notable: {
            title: x.negative,
            items: [
              ...negative.slice(0, NOTABLE).map((c) => `${c.registerNumber} · ${c.outlet} · ${c.title}`),
              ...(negative.length > NOTABLE ? [x.more(negative.length - NOTABLE)] : []),
            ],
          },
        }
      : {}),
    ...(data.clippings.length === 0 ? { empty: x.empty } : {}),
  };
}

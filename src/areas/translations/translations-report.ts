// The translations' section of the period reports: requests made in the period and where they
// stand, and those delivered in it, by language pair with the turnaround (calendar days in the
// office's zone from request to delivery, as the weekly summary counts), and the late deliveries.
import { defineTexts } from "../../i18n/texts.js";
import { daysBetween, localDate } from "../../lib/clock.js";
import { type ReportSource, type ReportWindow, reportSource } from "../reports/report-source.js";
import type { TranslationRequest } from "./translation-store.js";

export interface TranslationsReportData {
  requested: TranslationRequest[];
  delivered: TranslationRequest[];
}

const OPEN = new Set(["requested", "assigned", "in_progress", "returned"]);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const texts = defineTexts(
  {
    title: "Μεταφράσεις",
    requested: "Αιτήματα της περιόδου",
    delivered: "Παραδόθηκαν στην περίοδο",
    late: "Παραδόθηκαν μετά την προθεσμία",
    open: "Από τα αιτήματα της περιόδου, ανοιχτά ακόμη",
    cancelled: "Από τα αιτήματα της περιόδου, ακυρώθηκαν",
    vendor: "Παραδόθηκαν από εξωτερικό συνεργάτη",
    turnaround: "Μέσος χρόνος παράδοσης (ημέρες)",
    byPair: "Ανά ζεύγος γλωσσών",
    columns: ["Ζεύγος", "Αιτήματα", "Παραδόθηκαν", "Μέσος χρόνος (ημέρες)"],
    days: (n: number) => n.toLocaleString("el-GR", { maximumFractionDigits: 1 }),
    empty: "Κανένα αίτημα μετάφρασης αυτή την περίοδο.",
  },
  {
    title: "Translations",
    requested: "Requests in the period",
    delivered: "Delivered in the period",
    late: "Delivered after the due date",
    open: "Of the period's requests, still open",
    cancelled: "Of the period's requests, cancelled",
    vendor: "Delivered by an outside vendor",
    turnaround: "Average turnaround (days)",
    byPair: "By language pair",
    columns: ["Pair", "Requests", "Delivered", "Average days"],
    days: (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 1 }),
    empty: "No translation requests in this period.",
  },
);

export function createTranslationsReportSource(translations: {
  reportData(from: Date, until: Date): Promise<TranslationsReportData>;
}): ReportSource {
  return reportSource({
    id: "translations",
    collect: ({ period }) => translations.reportData(period.start, period.end),
    describe: describeTranslations,
  });
}

export function describeTranslations(
  data: TranslationsReportData,
  { locale, timeZone }: Pick<ReportWindow, "locale" | "timeZone">,
) {
  const x = texts(locale);
  const days = (r: TranslationRequest) =>
    r.deliveredAt ? daysBetween(localDate(r.createdAt, timeZone), localDate(r.deliveredAt, timeZone)) : 0;
  const average = (list: TranslationRequest[]) =>
    list.length ? Math.round((list.reduce((a, r) => a + days(r), 0) / list.length) * 10) / 10 : 0;
  const pairs = new Map<string, { requested: number; delivered: TranslationRequest[] }>();
  const pair = (r: TranslationRequest) => `${r.sourceLang}→${r.targetLang}`;
  for (const r of data.requested) {
    const p = pairs.get(pair(r)) ?? { requested: 0, delivered: [] };
    p.requested++;
    pairs.set(pair(r), p);
  }
  for (const r of data.delivered) {
    const p = pairs.get(pair(r)) ?? { requested: 0, delivered: [] };
    p.delivered.push(r);
    pairs.set(pair(r), p);
  }
  const late = data.delivered.filter((r) => r.deliveredAt && localDate(r.deliveredAt, timeZone) > isoDay(r.dueOn));
  const avg = average(data.delivered);
  return {
    id: "translations",
    title: x.title,
    figures: [
      { id: "translations.requested", label: x.requested, value: data.requested.length },
      { id: "translations.delivered", label: x.delivered, value: data.delivered.length },
      { id: "translations.late", label: x.late, value: late.length },
      {
        id: "translations.open",
        label: x.open,
        value: data.requested.filter((r) => OPEN.has(r.status)).length,
      },
      {
        id: "translations.cancelled",
        label: x.cancelled,
        value: data.requested.filter((r) => r.status === "cancelled").length,
      },
      { id: "translations.vendor", label: x.vendor, value: data.delivered.filter((r) => r.vendor).length },
      { id: "translations.turnaround_days", label: x.turnaround, value: avg, shown: x.days(avg) },
    ],
    tables: pairs.size
      ? [
          {
            title: x.byPair,
            columns: x.columns,
            rows: [...pairs]
              .sort((a, b) => a[0].localeCompare(b[0]))
              .map(([name, p]) => [
                name,
                String(p.requested),
                String(p.delivered.length),
                p.delivered.length ? x.days(average(p.delivered)) : "–",
              ]),
          },
        ]
      : [],
    ...(data.requested.length + data.delivered.length === 0 ? { empty: x.empty } : {}),
  };
}

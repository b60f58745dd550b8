// The sponsors' section of the period reports: the sponsorships of the period's events (or, with no
// event date, entered in the period), pledged against received in exact cents, by kind of
// contribution; declined ones and prospects counted apart, as `/sponsor report` does.
import { messages } from "../../i18n/index.js";
import { defineTexts } from "../../i18n/texts.js";
import { decimalToCents, formatEuros } from "../../lib/money.js";
import { type ReportSource, type ReportWindow, reportSource } from "../reports/report-source.js";
import { CONTRIBUTION_TYPES } from "./sponsorship-validation.js";
import type { SponsorshipWithBenefits } from "./store.js";

const NOTABLE = 15;

const texts = defineTexts(
  {
    title: "Χορηγίες",
    count: "Χορηγίες (δεσμευμένες ή ληφθείσες)",
    pledged: "Δεσμεύτηκαν",
    received: "Ελήφθησαν",
    outstanding: "Εκκρεμή ανταλλάγματα",
    declined: "Απορρίφθηκαν",
    prospects: "Υποψήφιοι χορηγοί",
    byType: "Ανά είδος συνεισφοράς",
    columns: ["Είδος", "Χορηγίες", "Δεσμεύτηκαν", "Ελήφθησαν"],
    largest: "Οι μεγαλύτερες χορηγίες",
    empty: "Καμία χορηγία αυτή την περίοδο.",
  },
  {
    title: "Sponsorships",
    count: "Sponsorships (committed or received)",
    pledged: "Pledged",
    received: "Received",
    outstanding: "Benefits still owed",
    declined: "Declined",
    prospects: "Prospective sponsors",
    byType: "By kind of contribution",
    columns: ["Kind", "Sponsorships", "Pledged", "Received"],
    largest: "The largest sponsorships",
    empty: "No sponsorships in this period.",
  },
);

export function createSponsorsReportSource(sponsorships: {
  forReport(range: { from: string; to: string; start: Date; end: Date }): Promise<SponsorshipWithBenefits[]>;
}): ReportSource {
  return reportSource({
    id: "sponsors",
    collect: ({ period }) => sponsorships.forReport(period),
    describe: describeSponsors,
  });
}

export function describeSponsors(rows: SponsorshipWithBenefits[], { locale }: Pick<ReportWindow, "locale">) {
  const x = texts(locale);
  const t = messages(locale).sponsors;
  const live = rows.filter((s) => s.status !== "declined" && s.status !== "prospect");
  const sum = (list: SponsorshipWithBenefits[], pick: (s: SponsorshipWithBenefits) => bigint) =>
    list.reduce((a, s) => a + pick(s), 0n);
  const pledged = (s: SponsorshipWithBenefits) => decimalToCents(s.pledgedAmount);
  const received = (s: SponsorshipWithBenefits) => decimalToCents(s.receivedAmount);
  const euros = (id: string, label: string, cents: bigint) => ({
    id,
    label,
    value: Number(cents),
    shown: formatEuros(cents, locale),
  });
  const largest = [...live]
    .sort((a, b) => Number(pledged(b) - pledged(a)) || a.organisation.localeCompare(b.organisation))
    .slice(0, NOTABLE)
    .map((s) => {
      const amount = s.pledgedAmount !== null ? formatEuros(pledged(s), locale) : (s.pledgedDescription ?? "");
      return `${s.organisation} · ${s.eventName} · ${t.types[s.contributionType]} · ${amount} · ${t.statuses[s.status]}`;
    });
  return {
    id: "sponsors",
    title: x.title,
    figures: [
      { id: "sponsors.count", label: x.count, value: live.length },
      euros("sponsors.pledged_cents", x.pledged, sum(live, pledged)),
      euros("sponsors.received_cents", x.received, sum(live, received)),
      {
        id: "sponsors.benefits_outstanding",
        label: x.outstanding,
        value: live.reduce((a, s) => a + s.benefits.filter((b) => b.status === "pending").length, 0),
      },
      { id: "sponsors.declined", label: x.declined, value: rows.filter((s) => s.status === "declined").length },
      { id: "sponsors.prospects", label: x.prospects, value: rows.filter((s) => s.status === "prospect").length },
    ],
    tables: live.length
      ? [
          {
            title: x.byType,
            columns: x.columns,
            rows: CONTRIBUTION_TYPES.flatMap((type) => {
              const of = live.filter((s) => s.contributionType === type);
              return of.length
                ? [
                    [
                      t.types[type],
                      String(of.length),
                      formatEuros(sum(of, pledged), locale),
                      formatEuros(sum(of, received), locale),
                    ],
                  ]
                : [];
            }),
          },
        ]
      : [],
    ...(largest.length ? { notable: { title: x.largest, items: largest } } : {}),
    ...(rows.length === 0 ? { empty: x.empty } : {}),
  };
}

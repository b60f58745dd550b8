// The agreements' section of the period reports: agreements signed in the period, in force at some
// time in it and expiring in it; and their obligations' due dates in the period by how each stands
// (kept, waived, late, missed, still to come): the same due dates, by the same rule, as
// `/agreement report` lists for a year (dueDatesOf), so a year's figures are the export's rows.
import { defineTexts } from "../../i18n/texts.js";
import { localDate } from "../../lib/clock.js";
import { type ReportSource, type ReportWindow, reportSource } from "../reports/report-source.js";
import { type AgreementDueDate, dueDatesOf, proposedBy } from "./agreement-report.js";
import type { AgreementRecord } from "./agreement-service.js";
import { partnerTexts } from "./messages.js";

const NOTABLE = 25;

const texts = defineTexts(
  {
    title: "Συμφωνίες και υποχρεώσεις",
    signed: "Υπογράφηκαν",
    inForce: "Σε ισχύ μέσα στην περίοδο",
    expiring: "Λήγουν μέσα στην περίοδο",
    due: "Προθεσμίες υποχρεώσεων",
    kept: "Τηρήθηκαν",
    waived: "Παραλείφθηκαν",
    late: "Σε καθυστέρηση",
    missed: "Χάθηκαν",
    upcoming: "Επικείμενες",
    byAgreement: "Ανά συμφωνία",
    columns: ["Συμφωνία", "Φορείς", "Προθεσμίες", "Τηρήθηκαν", "Καθυστερούν", "Χάθηκαν"],
    notKept: "Υποχρεώσεις που καθυστερούν ή χάθηκαν",
    empty: "Καμία συμφωνία ή υποχρέωση αυτή την περίοδο.",
  },
  {
    title: "Agreements and obligations",
    signed: "Signed",
    inForce: "In force during the period",
    expiring: "Ending during the period",
    due: "Obligations' due dates",
    kept: "Kept",
    waived: "Waived",
    late: "Late",
    missed: "Missed",
    upcoming: "Upcoming",
    byAgreement: "By agreement",
    columns: ["Agreement", "Partners", "Due dates", "Kept", "Late", "Missed"],
    notKept: "Obligations late or missed",
    empty: "No agreement or obligation in this period.",
  },
);

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export interface AgreementsReportData {
  agreements: AgreementRecord[];
}

/**
 * In force at some time from `from` to `to`: it came into force (a step to in_force) by the
 * period's last day, and neither ended nor expired (a step to ended or expired, or its end date)
 * before the period's first day.
 */
export function inForceDuring(a: AgreementRecord, from: string, to: string, timeZone: string): boolean {
  const day = (at: Date) => localDate(at, timeZone);
  const started = a.steps.some((s) => s.toStatus === "in_force" && day(s.at) <= to);
  if (!started) return false;
  const stopped = a.steps.some((s) => (s.toStatus === "ended" || s.toStatus === "expired") && day(s.at) < from);
  const expired = a.expiresOn !== null && (iso(a.expiresOn) ?? "") < from;
  return !stopped && !expired;
}

export function createPartnersReportSource(agreements: { all(): Promise<AgreementRecord[]> }): ReportSource {
  return reportSource({
    id: "agreements",
    collect: async (): Promise<AgreementsReportData> => ({ agreements: await agreements.all() }),
    describe: describeAgreements,
  });
}

export function describeAgreements(
  data: AgreementsReportData,
  { period, today, locale, timeZone }: Pick<ReportWindow, "period" | "today" | "locale" | "timeZone">,
) {
  const x = texts(locale);
  const t = partnerTexts(locale).agreements;
  const { from, to } = period;
  const within = (d: string | null) => d !== null && d >= from && d <= to;
  // The export's rule for the year the period ends in, so a quarter counts a part of its year's rows.
  const ofPeriod = data.agreements.filter((a) => proposedBy(a, `${to.slice(0, 4)}-12-31`));
  const dated = ofPeriod.map((a) => ({ a, dates: dueDatesOf(a, from, to, today) }));
  const all: (AgreementDueDate & { a: AgreementRecord })[] = dated.flatMap(({ a, dates }) =>
    dates.map((d) => ({ ...d, a })),
  );
  const count = (standing: AgreementDueDate["standing"][]) => all.filter((d) => standing.includes(d.standing)).length;
  const signed = ofPeriod.filter((a) => within(iso(a.signedOn))).length;
  const inForce = ofPeriod.filter((a) => inForceDuring(a, from, to, timeZone)).length;
  const expiring = ofPeriod.filter((a) => a.status !== "proposal" && within(iso(a.expiresOn))).length;
  const notKept = all.filter((d) => d.standing === "late" || d.standing === "missed");
  const parties = (a: AgreementRecord) => a.parties.map((p) => p.partner.nameEl).join(", ");
  const nothing = signed + inForce + expiring + all.length === 0;
  return {
    id: "agreements",
    title: x.title,
    figures: [
      { id: "agreements.signed", label: x.signed, value: signed },
      { id: "agreements.inForce", label: x.inForce, value: inForce },
      { id: "agreements.expiring", label: x.expiring, value: expiring },
      { id: "agreements.due", label: x.due, value: all.length },
      { id: "agreements.kept", label: x.kept, value: count(["done"]) },
      { id: "agreements.waived", label: x.waived, value: count(["waived"]) },
      { id: "agreements.late", label: x.late, value: count(["late"]) },
      { id: "agreements.missed", label: x.missed, value: count(["missed"]) },
      { id: "agreements.upcoming", label: x.upcoming, value: count(["upcoming", "due_today"]) },
    ],
    tables: all.length
      ? [
          {
            title: x.byAgreement,
            columns: x.columns,
            rows: dated
              .filter(({ dates }) => dates.length > 0)
              .map(({ a, dates }) => [
                `#${a.id} ${a.title}`,
                parties(a),
                String(dates.length),
                String(dates.filter((d) => d.standing === "done").length),
                String(dates.filter((d) => d.standing === "late").length),
                String(dates.filter((d) => d.standing === "missed").length),
              ]),
          },
        ]
      : [],
    ...(notKept.length
      ? {
          notable: {
            title: x.notKept,
            items: notKept
              .slice(0, NOTABLE)
              .map(
                (d) => `#${d.a.id} ${d.a.title} · ${d.obligation.description} · ${d.due} · ${t.standings[d.standing]}`,
              ),
          },
        }
      : {}),
    ...(nothing ? { empty: x.empty } : {}),
  };
}

// The correspondence's section of the period reports: the entries registered in the period (the
// same rows as `/letter export` for a year), letters in and out by country, and the calls for
// interest and invitations with their outcome.
import { formatRegisterNumber } from "../../db/register-number.js";
import { messages } from "../../i18n/index.js";
import { defineTexts } from "../../i18n/texts.js";
import { type ReportSource, type ReportWindow, reportSource } from "../reports/report-source.js";
import type { Letter } from "./letter-service.js";

const NOTABLE = 25;

const texts = defineTexts(
  {
    title: "Διεθνής αλληλογραφία",
    total: "Καταχωρίσεις στο πρωτόκολλο",
    incoming: "Εισερχόμενα",
    outgoing: "Εξερχόμενα",
    calls: "Προσκλήσεις ενδιαφέροντος",
    invitations: "Προσκλήσεις",
    answered: "Απαντήθηκαν",
    declined: "Δεν θα συμμετάσχουμε",
    open: "Ανοιχτά ακόμη",
    byCountry: "Ανά χώρα",
    columns: ["Χώρα", "Εισερχόμενα", "Εξερχόμενα"],
    noCountry: "(χωρίς χώρα)",
    callsTitle: "Προσκλήσεις ενδιαφέροντος και προσκλήσεις: έκβαση",
    empty: "Καμία καταχώριση στο πρωτόκολλο αυτή την περίοδο.",
  },
  {
    title: "International correspondence",
    total: "Entries in the register",
    incoming: "Incoming",
    outgoing: "Outgoing",
    calls: "Calls for interest",
    invitations: "Invitations",
    answered: "Answered",
    declined: "Declined",
    open: "Still open",
    byCountry: "By country",
    columns: ["Country", "Incoming", "Outgoing"],
    noCountry: "(no country)",
    callsTitle: "Calls for interest and invitations: outcome",
    empty: "No entries in the register in this period.",
  },
);

export function createLettersReportSource(letters: {
  reportData(from: Date, until: Date): Promise<Letter[]>;
}): ReportSource {
  return reportSource({
    id: "correspondence",
    collect: ({ period }) => letters.reportData(period.start, period.end),
    describe: describeLetters,
  });
}

export function describeLetters(letters: Letter[], { locale }: Pick<ReportWindow, "locale">) {
  const x = texts(locale);
  const t = messages(locale).letters;
  const count = (test: (l: Letter) => boolean) => letters.filter(test).length;
  const countries = new Map<string, { incoming: number; outgoing: number }>();
  for (const l of letters) {
    const name = l.country?.trim() || x.noCountry;
    const row = countries.get(name) ?? { incoming: 0, outgoing: 0 };
    row[l.direction]++;
    countries.set(name, row);
  }
  const calls = letters.filter((l) => l.kind !== "letter");
  return {
    id: "correspondence",
    title: x.title,
    figures: [
      { id: "correspondence.total", label: x.total, value: letters.length },
      { id: "correspondence.incoming", label: x.incoming, value: count((l) => l.direction === "incoming") },
      { id: "correspondence.outgoing", label: x.outgoing, value: count((l) => l.direction === "outgoing") },
      { id: "correspondence.calls", label: x.calls, value: count((l) => l.kind === "call_for_interest") },
      { id: "correspondence.invitations", label: x.invitations, value: count((l) => l.kind === "invitation") },
      { id: "correspondence.answered", label: x.answered, value: count((l) => l.status === "answered") },
      { id: "correspondence.declined", label: x.declined, value: count((l) => l.status === "declined") },
      { id: "correspondence.open", label: x.open, value: count((l) => l.status === "open") },
    ],
    tables: countries.size
      ? [
          {
            title: x.byCountry,
            columns: x.columns,
            rows: [...countries]
              // Most first; entries with no country last.
              .sort(
                (a, b) =>
                  Number(a[0] === x.noCountry) - Number(b[0] === x.noCountry) ||
                  b[1].incoming + b[1].outgoing - (a[1].incoming + a[1].outgoing) ||
                  a[0].localeCompare(b[0], locale),
              )
              .map(([name, r]) => [name, String(r.incoming), String(r.outgoing)]),
          },
        ]
      : [],
    ...(calls.length
      ? {
          notable: {
            title: x.callsTitle,
            items: calls
              .slice(0, NOTABLE)
              .map(
                (l) =>
                  `${formatRegisterNumber(l.registerYear, l.registerSeq)} · ${t.kinds[l.kind]} · ${l.counterpart} · ${l.subject} · ${t.statuses[l.status]}`,
              ),
          },
        }
      : {}),
    ...(letters.length === 0 ? { empty: x.empty } : {}),
  };
}

// The reports area's texts: its own catalogue (src/i18n/texts.ts), Greek first.
import { type Messages, messages } from "../../i18n/index.js";
import { defineTexts, icu } from "../../i18n/texts.js";

export const reportTexts = defineTexts(
  {
    summary: "εκθέσεις δραστηριότητας για μια περίοδο (PDF και DOCX)",
    help:
      "*`/report <περίοδος>`*: η έκθεση δραστηριότητας όλων των τομέων του γραφείου για την περίοδο, σε PDF και DOCX, στο προσωπικό σας μήνυμα.\n" +
      "Περίοδος: `2026-Q1` ή `1ο τρίμηνο 2026`, `2026`, `2026-11` ή `Νοέμβριος 2026`, `15/1/2026 31/3/2026`, `πέρσι`, `προηγούμενο τρίμηνο`.\n" +
      "`/report 2026-Q1 @χρήστης`: στέλνει την έκθεση σε αναγνώστη (προϊστάμενοι).\n" +
      "Για προϊσταμένους και αναγνώστες (γραφείο Δημάρχου, Γενικός Γραμματέας).",
    refused: "Οι εκθέσεις είναι για τους προϊσταμένους και τους αναγνώστες (γραφείο Δημάρχου, Γενικός Γραμματέας).",
    sendRefused: "Μόνο οι προϊστάμενοι στέλνουν εκθέσεις σε άλλους.",
    notAReader: (who: string) =>
      `Ο/Η ${who} δεν έχει τον ρόλο του αναγνώστη. Ένας διαχειριστής τον δίνει με \`/grafeio grant ${who} reader\`.`,
    badRecipient: (word: string) => `Το «${word}» δεν είναι αναφορά σε χρήστη: γράψτε @ και διαλέξτε το πρόσωπο.`,
    preparing: (period: string) =>
      `Ετοιμάζεται η έκθεση για ${period}· θα τη λάβετε σε PDF και DOCX στο προσωπικό σας μήνυμα σε λίγο.`,
    preparingFor: (period: string, who: string) =>
      `Ετοιμάζεται η έκθεση για ${period} για ${who}· θα τη λάβει σε PDF και DOCX στο προσωπικό του/της μήνυμα.`,
    ready: (period: string) => `Η έκθεση δραστηριότητας για ${period}.`,
    readyFrom: (period: string, from: string) => `Η έκθεση δραστηριότητας για ${period}, από ${from}.`,
    sentTo: (period: string, who: string) => `Η έκθεση για ${period} στάλθηκε στον/στην ${who}.`,
    sendToReader: "Αποστολή σε αναγνώστη:",
    pickReader: "Διαλέξτε αναγνώστη",
    title: "Έκθεση δραστηριότητας",
    municipality: "Δήμος",
    office: "Γραφείο Επικοινωνίας και Δημοσίων Σχέσεων · Γραφείο Διεθνών Σχέσεων",
    period: "Περίοδος",
    made: (date: string) => `Συντάχθηκε στις ${date}`,
    contents: "Περιεχόμενα",
    figures: "Βασικά μεγέθη",
    page: (n: number, of: number) => `Σελίδα ${n} από ${of}`,
    more: (n: number) => icu("el", "…και {n, plural, one {# ακόμη γραμμή} other {# ακόμη γραμμές}}", { n }),
  },
  {
    summary: "activity reports for a period (PDF and DOCX)",
    help:
      "*`/report <period>`*: the activity report of every area of the office for the period, as PDF and DOCX, in your DM.\n" +
      "Period: `2026-Q1` or `1st quarter 2026`, `2026`, `2026-11` or `November 2026`, `15/1/2026 31/3/2026`, `last year`, `last quarter`.\n" +
      "`/report 2026-Q1 @user`: sends the report to a reader (managers).\n" +
      "For managers and readers (the mayor's office, the secretary-general).",
    refused: "Reports are for managers and readers (the mayor's office, the secretary-general).",
    sendRefused: "Only managers send reports to others.",
    notAReader: (who: string) =>
      `${who} does not have the reader role. An admin gives it with \`/grafeio grant ${who} reader\`.`,
    badRecipient: (word: string) => `“${word}” is not a mention of a user: type @ and pick the person.`,
    preparing: (period: string) => `Preparing the report for ${period}; it will be in your DM as PDF and DOCX shortly.`,
    preparingFor: (period: string, who: string) =>
      `Preparing the report for ${period} for ${who}; it will reach their DM as PDF and DOCX.`,
    ready: (period: string) => `The activity report for ${period}.`,
    readyFrom: (period: string, from: string) => `The activity report for ${period}, from ${from}.`,
    sentTo: (period: string, who: string) => `The report for ${period} was sent to ${who}.`,
    sendToReader: "Send to a reader:",
    pickReader: "Choose a reader",
    title: "Activity report",
    municipality: "Municipality",
    office: "Communication and Public Relations Office · International Relations Office",
    period: "Period",
    made: (date: string) => `Prepared on ${date}`,
    contents: "Contents",
    figures: "Key figures",
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    more: (n: number) => icu("en", "…and {n, plural, one {# more row} other {# more rows}}", { n }),
  },
);

export type ReportTexts = ReturnType<typeof reportTexts>;

/** The reports' texts in the language of a shared catalogue (`/grafeio help` hands one over). */
export function reportTextsOf(t: Messages): ReportTexts {
  return reportTexts(t === messages("en") ? "en" : "el");
}

// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import type { Widen } from "../../i18n/widen.js";

export const el = {
  digest: {
    title: (date: string) => `Πρωινή ενημέρωση, ${date}`,
    nothingNew: "Τίποτα νέο από την προηγούμενη ενημέρωση.",
    late: ":hourglass: Στάλθηκε με καθυστέρηση: το Γραφείο ήταν εκτός λειτουργίας την ώρα της.",
    more: (n: number) => `…και ${n} ακόμη: ολόκληρη η λίστα στο νήμα.`,
    continued: (title: string, part: number) => `${title} (συνέχεια ${part})`,
    clippingsTitle: "Δημοσιεύματα",
    clippingsSummary: (total: number, positive: number, neutral: number, negative: number) =>
      `*${total}* νέα: ${positive} θετικά, ${neutral} ουδέτερα, ${negative} αρνητικά`,
    topics: "Θεματικές",
  },
} as const;

export const en: Widen<typeof el> = {
  digest: {
    title: (date: string) => `Morning briefing, ${date}`,
    nothingNew: "Nothing new since the last briefing.",
    late: ":hourglass: Posted late: the bot was offline at its time.",
    more: (n: number) => `…and ${n} more: the full list is in the thread.`,
    continued: (title: string, part: number) => `${title} (continued, ${part})`,
    clippingsTitle: "Press clippings",
    clippingsSummary: (total: number, positive: number, neutral: number, negative: number) =>
      `*${total}* new: ${positive} positive, ${neutral} neutral, ${negative} negative`,
    topics: "Topics",
  },
};

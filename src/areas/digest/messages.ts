// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import { icu } from "../../i18n/texts.js";
import type { Widen } from "../../i18n/widen.js";

export const el = {
  digest: {
    /** What the area's jobs do, for `/grafeio jobs`; `time` is the time in force. */
    jobDescriptions: {
      "morning-digest": (time: string) => `Πρωινή ενημέρωση των προϊσταμένων (εργάσιμες, ${time})`,
    },
    title: (date: string) => `Πρωινή ενημέρωση, ${date}`,
    nothingNew: "Τίποτα νέο από την προηγούμενη ενημέρωση.",
    late: ":hourglass: Στάλθηκε με καθυστέρηση: το Γραφείο ήταν εκτός λειτουργίας την ώρα της.",
    more: (n: number) => icu("el", "…και {n, number} ακόμη: ολόκληρη η λίστα στο νήμα.", { n }),
    continued: (title: string, part: number) => `${title} (συνέχεια ${part})`,
    clippingsTitle: "Δημοσιεύματα",
    clippingsSummary: (total: number, positive: number, neutral: number, negative: number) =>
      icu(
        "el",
        "*{total, number}* {total, plural, one {νέο} other {νέα}}: {positive, plural, one {# θετικό} other {# θετικά}}, {neutral, plural, one {# ουδέτερο} other {# ουδέτερα}}, {negative, plural, one {# αρνητικό} other {# αρνητικά}}",
        { total, positive, neutral, negative },
      ),
    topics: "Θεματικές",
  },
} as const;

export const en: Widen<typeof el> = {
  digest: {
    jobDescriptions: {
      "morning-digest": (time: string) => `Managers' morning briefing (working days, ${time})`,
    },
    title: (date: string) => `Morning briefing, ${date}`,
    nothingNew: "Nothing new since the last briefing.",
    late: ":hourglass: Posted late: the bot was offline at its time.",
    more: (n: number) => icu("en", "…and {n, number} more: the full list is in the thread.", { n }),
    continued: (title: string, part: number) => `${title} (continued, ${part})`,
    clippingsTitle: "Press clippings",
    clippingsSummary: (total: number, positive: number, neutral: number, negative: number) =>
      icu(
        "en",
        "*{total, number}* new: {positive, number} positive, {neutral, number} neutral, {negative, number} negative",
        {
          total,
          positive,
          neutral,
          negative,
        },
      ),
    topics: "Topics",
  },
};

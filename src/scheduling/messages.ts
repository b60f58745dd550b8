// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import type { Widen } from "../i18n/widen.js";

export const el = {
  jobs: {
    failed: (job: string, when: string, attempts: number, error: string) =>
      `:x: Η εργασία *${job}* (${when}) απέτυχε μετά από ${attempts} προσπάθειες: ${error}`,
    /** After a reminder of something due on a half day (24 or 31 December): due that morning. */
    dueOnHalfDay: (time: string) =>
      ` Είναι μισή εργάσιμη: η εργασία σταματά στις ${time}, ως τότε πρέπει να έχει γίνει.`,
    /** «Αργότερα»: a personal reminder put off (src/scheduling/snooze.ts). */
    later: "Αργότερα…",
    laterChoices: { hour: "Σε μία ώρα", morning: "Αύριο το πρωί", workday: "Την επόμενη εργάσιμη" },
  },
} as const;

export const en: Widen<typeof el> = {
  jobs: {
    failed: (job: string, when: string, attempts: number, error: string) =>
      `:x: Job *${job}* (${when}) failed after ${attempts} attempts: ${error}`,
    dueOnHalfDay: (time: string) => ` It is a half day: work stops at ${time}, so it must be done by then.`,
    later: "Later…",
    laterChoices: { hour: "In an hour", morning: "Tomorrow morning", workday: "Next working day" },
  },
};

// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import type { Widen } from "../i18n/widen.js";

export const el = {
  jobs: {
    failed: (job: string, when: string, attempts: number, error: string) =>
      `:x: Η εργασία *${job}* (${when}) απέτυχε μετά από ${attempts} προσπάθειες: ${error}`,
  },
} as const;

export const en: Widen<typeof el> = {
  jobs: {
    failed: (job: string, when: string, attempts: number, error: string) =>
      `:x: Job *${job}* (${when}) failed after ${attempts} attempts: ${error}`,
  },
};

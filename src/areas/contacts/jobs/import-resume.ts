// Imports a crash or a restart stopped, resumed where they were and finished, and their requesters
// told how far each had got. Every ten minutes (and at start, as a missed occurrence is caught up),
// so that an import never waits long after its run's lease ran out.

import type { LocaleCode } from "../../../i18n/index.js";
import { messages } from "../../../i18n/index.js";
import type { Job } from "../../../scheduling/job.js";
import type { ContactImports } from "../contact-import.js";
import { importOutcomeText } from "../slack/import-views.js";

export const IMPORT_RESUME_JOB = "contact-import-resume";

export function createImportResumeJob(options: {
  imports: Pick<ContactImports, "resumeInterrupted">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}): Job {
  const { imports, locales } = options;
  return {
    name: IMPORT_RESUME_JOB,
    // Clear of 03:00-04:00 (the daylight-saving changes).
    schedule: "*/10 0-2,4-23 * * *",
    description: (locale, time) => messages(locale).contacts.jobDescriptions[IMPORT_RESUME_JOB](time),
    catchUp: "latest",
    async run(_occurrence, deps) {
      const resumed = await imports.resumeInterrupted();
      let told = 0;
      for (const { importId, requestedBy, result } of resumed) {
        // Another process took it first: that one tells.
        if (result.status !== "done") continue;
        const t = messages(await locales.resolve(requestedBy));
        const text = `${t.contacts.importInterrupted(importId)}\n${importOutcomeText(t, result)}`;
        // Keyed by the import and where it resumed: told once per resumption, whoever runs it.
        const key = `contact-import:${importId}:resumed:${result.resumedFrom}`;
        if ((await deps.sender.post({ key, channel: requestedBy, text })).posted) told++;
      }
      return `${resumed.length} import(s) resumed, ${told} requester(s) told`;
    },
  };
}

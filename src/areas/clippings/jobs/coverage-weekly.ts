// The past week's coverage report (PDF and XLSX) in the DM of every manager who asked for it
// (`/clip report weekly on`; nobody by default), on the week's first working day: Monday, or the
// Tuesday after a holiday Monday (Clean Monday, Whit Monday). An admin can stop it for everyone
// with `/grafeio job clipping-coverage-weekly off`, or move its hour.
//
// Once per week and manager, whatever the retries: each delivery is keyed by the week's Monday and
// the manager, claimed before the upload and recorded sent after it. Slack's file uploads take no
// idempotency key, so a claim left without its record (a crash between the upload and the record)
// is settled by the manager's DM itself: the week's file there since the claim means it was sent.

import type { LocaleCode } from "../../../i18n/index.js";
import { localDate } from "../../../lib/clock.js";
import type { Job } from "../../../scheduling/job.js";
import { mondayOf } from "../coverage-figures.js";
import { coverageFiles } from "../coverage-render.js";
import type { CoverageService } from "../coverage-service.js";
import { coverageTexts } from "../coverage-texts.js";

export const COVERAGE_WEEKLY_JOB = "clipping-coverage-weekly";

/** Uploads files to a person's DM (the bot's Web API client: a job's sender only posts messages). */
export type SendFiles = (userId: string, comment: string, files: { file: Buffer; filename: string }[]) => Promise<void>;
/** Whether a file of this name is in the person's DM since then. */
export type FilePosted = (userId: string, filename: string, since: Date) => Promise<boolean>;

export function createCoverageWeeklyJob({
  coverage,
  locales,
  sendFiles,
  filePosted,
}: {
  coverage: Pick<CoverageService, "weekly" | "deliveries">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
  sendFiles: SendFiles;
  filePosted: FilePosted;
}): Job {
  return {
    name: COVERAGE_WEEKLY_JOB,
    // Every working morning; it sends only on the week's first working day.
    schedule: "0 8 * * 1-5",
    description: (locale, time) => coverageTexts(locale).jobDescription(time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const today = localDate(occurrence.scheduledFor, deps.timeZone);
      if (!(await deps.calendar.isWorkingDay(today))) return "skipped: not a working day";
      const monday = mondayOf(today);
      // An earlier working day this week: the report went out then.
      const before = await deps.calendar.previousWorkingDay(today);
      if (before >= monday) return "skipped: not the week's first working day";
      const week = await coverage.weekly(monday);
      let sent = 0;
      for (const manager of week.managers) {
        const key = `${COVERAGE_WEEKLY_JOB}:${monday}:${manager}`;
        const earlier = await coverage.deliveries.state(key);
        if (earlier?.sentAt) continue;
        const locale = await locales.resolve(manager);
        const label = week.period.label[locale];
        const files = await coverageFiles(
          { locale, periodLabel: label, madeOn: today, figures: week.figures },
          week.period.key,
        );
        const first = files[0]?.filename;
        if (earlier && first && (await filePosted(manager, first, earlier.claimedAt))) {
          // An attempt that reached Slack without its record: sent, not again.
          await coverage.deliveries.markSent(key);
          continue;
        }
        await coverage.deliveries.claim(key);
        await sendFiles(manager, coverageTexts(locale).weekly(label, week.figures.total), files);
        await coverage.deliveries.markSent(key);
        sent++;
      }
      return `${week.managers.length} subscribed, ${sent} sent`;
    },
  };
}

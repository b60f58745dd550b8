// `/clip report <period>`: the coverage report (PDF with charts and XLSX) in the manager's DM;
// `/clip report weekly on|off`: the same for the past week, every Monday. The service checks that
// the person is a manager; the files render in the render worker.
import type { WebClient } from "@slack/web-api";
import { periodErrorText } from "../../../calendar/period.js";
import { type Reply, sendFilesPrivately, type UserView } from "../../../slack/listener.js";
import { coverageFiles } from "../coverage-render.js";
import type { CoverageService } from "../coverage-service.js";
import { coverageTexts } from "../coverage-texts.js";

/** `weekly on`, `εβδομαδιαία off`, …: the Monday report asked for or stopped; else undefined. */
export function parseWeekly(text: string): boolean | undefined {
  const m = /^(weekly|εβδομαδιαία|εβδομαδιαια)\s+(on|off|ναι|όχι|οχι)$/i.exec(text.trim());
  if (!m) return undefined;
  return /^(on|ναι)$/i.test(m[2] ?? "");
}

export async function coverageFromCommand(
  coverage: CoverageService,
  client: WebClient,
  user: UserView,
  text: string,
  reply: Reply,
) {
  const x = coverageTexts(user.locale);
  const weekly = parseWeekly(text);
  if (weekly !== undefined) {
    const outcome = await coverage.setWeekly(user.userId, weekly);
    if (outcome.status === "refused") return reply(x.refused);
    const answers = {
      on: x.weeklyOn,
      off: x.weeklyOff,
      already_on: x.weeklyAlreadyOn,
      already_off: x.weeklyAlreadyOff,
    };
    return reply(answers[outcome.status]);
  }
  const outcome = await coverage.report(user.userId, text);
  if (outcome.status === "refused") return reply(x.refused);
  if (outcome.status === "bad_period") return reply(periodErrorText(outcome.error, user.locale));
  const label = outcome.period.label[user.locale];
  await reply(x.preparing(label));
  const files = await coverageFiles(
    { locale: user.locale, periodLabel: label, madeOn: outcome.today, figures: outcome.figures },
    outcome.period.key,
  );
  await sendFilesPrivately(client, user.userId, x.ready(label, outcome.figures.total), files);
}

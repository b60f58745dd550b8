// What an import's confirmation (or its resumption after a restart) tells the requester: pure text
// from the import's outcome, shared by the confirmation's listener and the job that resumes imports.
import type { Messages } from "../../../i18n/index.js";
import type { ApplyOutcome } from "../contact-import.js";

export function importOutcomeText(t: Messages, result: Exclude<ApplyOutcome, { status: "not_found" }>): string {
  const m = t.contacts;
  if (result.status === "running") return m.importRunning(result.done, result.total);
  // Its outcome was told when it finished (here, or by DM when it was resumed).
  if (result.status === "finished") return m.importFinishedBefore;
  const { created, updated, skipped, failed } = result.outcome;
  const done = m.importDone(created, updated, skipped, failed.length);
  return result.resumedFrom > 0 ? `${m.importResumed(result.resumedFrom, result.total)}\n${done}` : done;
}

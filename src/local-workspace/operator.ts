// The local workspace's operator panel: the bot's scheduled jobs, and "run now" through the
// scheduler's own claim (job_runs), the way `npm run job` does: one occurrence a minute, run once
// however often it is clicked within that minute.
import type { Clock } from "../lib/clock.js";
import type { Scheduler } from "../scheduling/scheduler.js";
import type { OperatorPanel } from "./server.js";

export function createOperatorPanel(o: {
  scheduler: Pick<Scheduler, "overview" | "runByHand">;
  clock: Clock;
  sample?: () => Promise<string>;
}): OperatorPanel {
  return {
    async jobs() {
      return (await o.scheduler.overview()).map((j) => ({
        name: j.name,
        schedule: j.schedule,
        description: j.description("en", j.schedule),
        next: j.next?.toISOString() ?? null,
        last: j.last ? `${j.last.status} (${j.last.scheduledFor.toISOString()})` : null,
      }));
    },
    async runNow(name) {
      // The occurrence is this minute's end: what a job looks back over (the digest's "new since
      // the last briefing") then includes what was done a moment ago, in the same minute.
      const at = new Date(Math.ceil((o.clock.now().getTime() + 1) / 60_000) * 60_000);
      const result = await o.scheduler.runByHand(name, at, { via: "local-admin" });
      // What the run said of itself ("posted to 2 managers", "skipped: weekend"), beside its result.
      const last = (await o.scheduler.overview()).find((j) => j.name === name)?.last;
      const outcome = result === "succeeded" && last?.outcome ? `: ${last.outcome}` : "";
      return `${result} (${at.toISOString().slice(11, 16)} UTC)${outcome}`;
    },
    sample: o.sample,
  };
}

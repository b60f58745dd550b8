// The local workspace's operator panel: the bot's scheduled jobs, and "run now" through the
// scheduler's own claim (job_runs), the way `npm run job` does: an occurrence at this minute, run
// once however often it is clicked within it.
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
      const at = new Date(Math.floor(o.clock.now().getTime() / 60_000) * 60_000);
      return o.scheduler.runByHand(name, at, { via: "local-admin" });
    },
    sample: o.sample,
  };
}

// The home area: each person's Home tab in Slack (their open items from every area, today's name
// days and this week's events, the main forms; the digest for managers, the jobs' health for
// admins), kept up to date after each person's actions. Every other area offers its part through
// one small interface (home-source.ts), listed in its index.ts as `homeSources`.
import type { Logger } from "../../app/logger.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import type { DigestSection } from "../digest/digest-section.js";
import { createHomeRefresher } from "./home-refresher.js";
import { createHomeService, type HomeServiceDeps, type JobsHealth } from "./home-service.js";
import type { HomeSource } from "./home-source.js";
import { homePublisher, registerHomeOpened } from "./slack/listeners.js";

export type { JobsHealth } from "./home-service.js";
export type { HomeAction, HomeContribution, HomeForm, HomeItem, HomeSource, HomeWindow } from "./home-source.js";
export { homeSource } from "./home-source.js";

export interface HomeAreaDeps {
  /** The kit without the activity hook (this area is what provides it). */
  kit: SlackKit;
  /** Every area's sources (filled in by the composition root). */
  sources: readonly HomeSource[];
  digestSections: readonly DigestSection[];
  roles: HomeServiceDeps["roles"];
  calendar: HomeServiceDeps["calendar"];
  health: JobsHealth;
  clock: Clock;
  timeZone: string;
  logger: Logger;
  refreshDebounceMs?: number;
}

export function createHomeArea(deps: HomeAreaDeps): Area & { activity: ReturnType<typeof createHomeRefresher> } {
  const home = createHomeService(deps);
  const publish = homePublisher({ kit: deps.kit, home });
  const activity = createHomeRefresher({
    publish,
    logger: deps.logger.child({ component: "home" }),
    debounceMs: deps.refreshDebounceMs,
  });
  return {
    name: "home",
    register(app) {
      registerHomeOpened(app, { kit: deps.kit, home, publish, opened: activity.opened }); // event app_home_opened
    },
    jobs: [],
    activity,
  };
}

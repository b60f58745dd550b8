// Keeps the Home tabs that people are looking at up to date, cheaply. The Slack kit tells it after
// each command, button or form a person finished (SlackKit.activity); it then, once a short pause
// has gathered a burst of clicks, redraws the Home of everyone who opened theirs recently ("live"),
// the person who acted among them: an item of theirs may have changed (a translation assigned to
// them, a checklist item given to them). A Home nobody opened lately is not drawn at all (opening it
// draws it afresh), and one whose view comes out the same as the one last published is not
// published again: a refresh costs the areas' reads for the live Homes, and a Slack call only for
// those that changed.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../app/logger.js";
import type { ActivityHook } from "../../slack/listener.js";

export interface HomeRefresherOptions {
  /** Draws and publishes one person's Home; `onlyIfChanged`: skip it when the view is the same. */
  publish(userId: string, client: WebClient, options: { onlyIfChanged: boolean }): Promise<void>;
  logger: Logger;
  /** The pause that gathers a burst of activity into one refresh. */
  debounceMs?: number;
  /** How long after opening it a Home is refreshed on others' activity. */
  liveMs?: number;
  now?: () => number;
}

export const HOME_REFRESH_DEBOUNCE_MS = 400;
export const HOME_LIVE_MS = 30 * 60_000;

export function createHomeRefresher(options: HomeRefresherOptions): ActivityHook & {
  /** A person opened their Home: it is live for a while. */
  opened(userId: string): void;
  /** Settles once the refresh in progress (if any) is done: for tests and shutdown. */
  idle(): Promise<void>;
} {
  const debounceMs = options.debounceMs ?? HOME_REFRESH_DEBOUNCE_MS;
  const liveMs = options.liveMs ?? HOME_LIVE_MS;
  const now = options.now ?? Date.now;
  const live = new Map<string, number>();
  let client: WebClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function flush() {
    timer = undefined;
    const at = now();
    for (const [user, since] of live) if (at - since > liveMs) live.delete(user);
    const users = [...live.keys()];
    const c = client;
    if (!c) return;
    for (const user of users) {
      try {
        await options.publish(user, c, { onlyIfChanged: true });
      } catch (error) {
        options.logger.warn({ err: error, user }, "could not refresh a Home tab");
      }
    }
  }

  return {
    opened(userId) {
      live.set(userId, now());
    },
    acted(_userId, slackClient) {
      client = slackClient;
      if (timer || live.size === 0) return;
      timer = setTimeout(() => {
        running = running.then(flush);
      }, debounceMs);
      timer.unref?.();
    },
    async idle() {
      await running;
    },
  };
}

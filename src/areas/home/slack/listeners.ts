// The Home tab: drawn when the person opens it, and again when the refresher says so.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { onHomeOpened, type SlackKit } from "../../../slack/listener.js";
import type { HomeService } from "../home-service.js";
import { buildHomeView } from "./home-views.js";

export interface HomeSlackDeps {
  kit: SlackKit;
  home: HomeService;
  /** Told that a person opened their Home (it is then kept up to date for a while). */
  opened(userId: string): void;
}

/** Draws one person's Home and publishes it (views.publish notifies nobody). */
export function homePublisher(deps: Pick<HomeSlackDeps, "kit" | "home">) {
  const last = new Map<string, string>();
  return async (userId: string, client: WebClient, options: { onlyIfChanged: boolean }) => {
    const locale = await deps.kit.locales.resolve(userId);
    const view = buildHomeView(await deps.home.homeOf(userId, locale), locale);
    const drawn = JSON.stringify(view);
    if (options.onlyIfChanged && last.get(userId) === drawn) return;
    await client.views.publish({ user_id: userId, view });
    last.set(userId, drawn);
  };
}

export function registerHomeOpened(
  app: App,
  deps: HomeSlackDeps & { publish: ReturnType<typeof homePublisher> },
): void {
  onHomeOpened(app, deps.kit, async ({ user, client }) => {
    deps.opened(user.userId);
    await deps.publish(user.userId, client, { onlyIfChanged: false });
  });
}

// Socket Mode when an app-level token is configured (no public URL needed inside a municipal
// network), otherwise Slack's HTTP endpoint at /slack/events. Both serve GET /healthz.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Logger as BoltLogger, HTTPReceiver, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { Config } from "../config/config.js";

export const SLACK_EVENTS_PATH = "/slack/events";

export function healthRoute(ping: () => Promise<boolean>) {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: async (_req: IncomingMessage, res: ServerResponse) => {
      const ok = await ping();
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ db: ok ? "ok" : "unavailable" }));
    },
  };
}

export function createReceiver(config: Config, logger: BoltLogger, ping: () => Promise<boolean>): Receiver {
  const customRoutes = [healthRoute(ping)];
  if (config.slack.mode === "socket" && config.slack.appToken) {
    return new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger,
      customRoutes,
      installerOptions: { port: config.port },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? "",
    endpoints: SLACK_EVENTS_PATH,
    customRoutes,
    logger,
    // Acknowledge first, then work: Slack's 3-second limit applies to the acknowledgement.
    processBeforeResponse: false,
  });
}

// Socket Mode when an app-level token is configured (no public URL needed inside a municipal
// network), otherwise Slack's HTTP endpoint at /slack/events. Both serve GET /healthz.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Logger as BoltLogger, HTTPReceiver, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { Config } from "../app/config.js";

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

/**
 * The office's events as a calendar others subscribe to (Outlook, Google Calendar):
 * GET /calendar/<CALENDAR_FEED_TOKEN>.ics. The token is the only key, so it is long, random, and
 * compared in constant time; without it the answer is a plain 404.
 */
export function calendarFeedRoute(token: string, feed: () => Promise<string>) {
  const expected = Buffer.from(`${token}.ics`);
  return {
    path: "/calendar/:file",
    method: ["GET"],
    // Bolt passes the path's parameters on the request (its ParamsIncomingMessage).
    handler: async (req: IncomingMessage, res: ServerResponse) => {
      const params = (req as IncomingMessage & { params?: Record<string, unknown> }).params;
      const given = Buffer.from(String(params?.file ?? ""));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
        return;
      }
      const body = await feed();
      res.writeHead(200, { "content-type": "text/calendar; charset=utf-8", "cache-control": "no-store" });
      res.end(body);
    },
  };
}

export function createReceiver(
  config: Config,
  logger: BoltLogger,
  ping: () => Promise<boolean>,
  calendarFeed?: () => Promise<string>,
): Receiver {
  const customRoutes = [
    healthRoute(ping),
    ...(config.calendarFeedToken && calendarFeed ? [calendarFeedRoute(config.calendarFeedToken, calendarFeed)] : []),
  ];
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

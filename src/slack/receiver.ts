// Socket Mode when an app-level token is configured (no public URL needed inside a municipal
// network), otherwise Slack's HTTP endpoint at /slack/events. Both serve GET /healthz and
// GET /readyz (src/slack/health.ts), and the calendar feed when it is turned on.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Logger as BoltLogger, HTTPReceiver, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { Config } from "../app/config.js";
import type { SlackConnection, SocketModeEvents } from "./connection.js";
import { livenessRoute, type Readiness, type Route, readinessRoute } from "./health.js";

export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * The office's events as a calendar others subscribe to (Outlook, Google Calendar):
 * GET /calendar/<CALENDAR_FEED_TOKEN>.ics. The token is the only key, so it is long, random, and
 * compared in constant time; without it the answer is a plain 404.
 */
export function calendarFeedRoute(token: string, feed: () => Promise<string>): Route {
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

export interface ReceiverParts {
  receiver: Receiver;
  /** Socket Mode: the client, whose lifecycle SlackConnection follows. */
  socketClient?: SocketModeEvents;
  /**
   * Socket Mode: the HTTP server of /healthz, /readyz and the calendar feed, started before Slack
   * is reached so that a supervisor hears the truth while the bot waits (HTTP mode: Bolt's own).
   */
  httpServer?: Server;
}

export interface SocketModeTimings {
  /**
   * How long to wait for Slack's pong; also the pause before each reconnection attempt (the
   * Socket Mode client uses one for both). Slack's default is 5 s; tests shorten it.
   */
  clientPingTimeoutMs: number;
}

export function createReceiver(options: {
  config: Config;
  logger: BoltLogger;
  readiness: Readiness;
  connection: SlackConnection;
  calendarFeed?: () => Promise<string>;
  socketMode?: Partial<SocketModeTimings>;
}): ReceiverParts {
  const { config, logger, readiness, connection, calendarFeed } = options;
  const routes: Route[] = [
    livenessRoute(),
    readinessRoute(readiness),
    ...(config.calendarFeedToken && calendarFeed ? [calendarFeedRoute(config.calendarFeedToken, calendarFeed)] : []),
  ];
  if (config.slack.mode === "socket" && config.slack.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger,
      // No custom routes here: Bolt would then start its own HTTP server only once the connection
      // is being opened, on a port it does not report. Ours is below.
      clientPingTimeout: options.socketMode?.clientPingTimeoutMs,
      installerOptions: {
        // The client that calls apps.connections.open: without these it would always go to slack.com.
        clientOptions: {
          ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
          fetch: connection.fetch,
          // The client's default retries grow without bound (factor 1.3, 100 times): at most 30 s apart.
          retryConfig: { retries: 100, factor: 1.3, maxTimeout: 30_000 },
        },
      },
    });
    return { receiver, socketClient: receiver.client, httpServer: routesServer(routes, logger) };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? "",
    endpoints: SLACK_EVENTS_PATH,
    customRoutes: routes,
    logger,
    // Acknowledge first, then work: Slack's 3-second limit applies to the acknowledgement.
    processBeforeResponse: false,
  });
  return { receiver };
}

/** Matches "/calendar/:file" against a path: the parameters, or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    if (w.startsWith(":") && g !== "") {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

/** The routes on a plain HTTP server, with path parameters on the request as Bolt gives them. */
function routesServer(routes: Route[], logger: BoltLogger): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    for (const route of routes) {
      const params = matchPath(route.path, path);
      if (!params || !route.method.includes(req.method ?? "")) continue;
      Promise.resolve(route.handler(Object.assign(req, { params }), res)).catch((error: unknown) => {
        logger.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
}

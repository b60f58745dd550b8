// Socket Mode when an app-level token is configured (no public URL needed inside a municipal
// network), otherwise Slack's HTTP endpoint at /slack/events. Both serve GET /healthz, GET /readyz
// and GET /metrics (src/slack/health.ts), and the calendar feed when it is turned on.
//
// The HTTP server is ours in both modes (Bolt's HTTPReceiver only sees POST /slack/events): it
// times out slow headers and bodies, caps the connections, refuses a body above Slack's sizes
// before reading it and a timestamp out of Slack's 5-minute window before reading anything, and
// never writes a request's path (the calendar feed's token is in it) to the logs.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  type App,
  type Logger as BoltLogger,
  HTTPReceiver,
  type Receiver,
  type ReceiverEvent,
  SocketModeReceiver,
} from "@slack/bolt";
import type { Config } from "../app/config.js";
import type { SlackConnection, SocketModeEvents } from "./connection.js";
import {
  livenessRoute,
  type MetricsScrape,
  metricsRoute,
  type Readiness,
  type Route,
  readinessRoute,
} from "./health.js";

export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * The largest body /slack/events reads. Slack's requests are small: a slash command is well under
 * 4 KB, a block action carries the message or view it came from (a full view of 100 blocks with
 * its state is around 50–100 KB), and a view submission of a large form with every field filled
 * to its 3,000-character limit stays under 150 KB. Bolt's own limit is 4 MB, which let anyone
 * make the bot buffer 4 MB per connection before the signature was even looked at.
 */
export const SLACK_BODY_LIMIT_BYTES = 256 * 1024;

/** Slack's rule: a request whose timestamp is more than 5 minutes from now, either way, is refused. */
export const SLACK_TIMESTAMP_WINDOW_S = 5 * 60;

export interface HttpLimits {
  /** The largest body of a request to /slack/events. */
  bodyLimitBytes: number;
  /** Time for a request's headers to arrive (a socket that sends them slowly, or not at all, is closed). */
  headersTimeoutMs: number;
  /** Time for a whole request, body included, to arrive. */
  requestTimeoutMs: number;
  /** Connections open at once; one more is closed as it comes (Slack sends a handful at a time). */
  maxConnections: number;
  /** How often Node looks for connections past those time-outs (its default is 30 s). */
  timeoutCheckIntervalMs: number;
  /**
   * How long a request may wait for its acknowledgement before Bolt answers 404 on its own: just
   * past Slack's 3 s, after which Slack has given up anyway. Tests whose subject is not the
   * acknowledgement's time raise it, so that a loaded machine is not taken for a failure.
   */
  unacknowledgedAfterMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  bodyLimitBytes: SLACK_BODY_LIMIT_BYTES,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  maxConnections: 256,
  timeoutCheckIntervalMs: 1_000,
  unacknowledgedAfterMs: 3_001,
};

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
    // The path's parameters are on the request (as Bolt's ParamsIncomingMessage has them).
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
   * is reached so that a supervisor hears the truth while the bot waits (HTTP mode: the receiver's).
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
  /** GET /metrics. */
  metrics?: MetricsScrape;
  /** Told of each request and of its acknowledgement (the metrics). */
  requests?: RequestObserver;
  socketMode?: Partial<SocketModeTimings>;
  /** Tests shorten the time-outs and lower the caps. */
  http?: Partial<HttpLimits>;
}): ReceiverParts {
  const { config, logger, readiness, connection, calendarFeed, requests } = options;
  const limits = { ...DEFAULT_HTTP_LIMITS, ...options.http };
  const observed = (receiver: Receiver) => (requests ? observedReceiver(receiver, requests) : receiver);
  const routes: Route[] = [
    livenessRoute(),
    readinessRoute(readiness),
    ...(options.metrics ? [metricsRoute(options.metrics)] : []),
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
    return {
      receiver: observed(receiver),
      socketClient: receiver.client,
      httpServer: guardedServer(limits, requestHandler({ routes, logger })),
    };
  }
  return {
    receiver: observed(
      new GuardedHTTPReceiver({
        signingSecret: config.slack.signingSecret ?? "",
        logger,
        limits,
        routes,
        defaultPort: config.port,
      }),
    ),
  };
}

/**
 * Bolt's HTTPReceiver behind our server: Bolt checks the signature and dispatches; the server and
 * the checks that need no secret (size, timestamp) come first, so that nothing unauthenticated is
 * read past its limit.
 */
class GuardedHTTPReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  private server?: Server;

  constructor(
    private readonly options: {
      signingSecret: string;
      logger: BoltLogger;
      limits: HttpLimits;
      routes: Route[];
      defaultPort: number;
    },
  ) {
    const { logger, limits } = options;
    this.bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger,
      // Acknowledge first, then work: Slack's 3-second limit applies to the acknowledgement.
      processBeforeResponse: false,
      // The body reaches Bolt already read within our limit; this is only a second fence.
      bodyLimit: limits.bodyLimitBytes,
      unhandledRequestTimeoutMillis: limits.unacknowledgedAfterMs,
      // Bolt's default handler logs the request's URL; only /slack/events reaches Bolt, but say nothing of it.
      dispatchErrorHandler: ({ error, response }) => {
        logger.error(`an HTTP request to the Slack endpoint failed: ${(error as Error).message}`);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      },
    });
    const slack = (req: IncomingMessage, res: ServerResponse) => this.slackRequest(req, res);
    this.handler = requestHandler({ routes: options.routes, logger, slack });
  }

  init(app: App): void {
    this.bolt.init(app);
  }

  start(port?: number): Promise<Server> {
    if (this.server) return Promise.reject(new Error("the HTTP receiver is already started"));
    const server = guardedServer(this.options.limits, this.handler);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port ?? this.options.defaultPort, () => {
        server.off("error", reject);
        resolve(server);
      });
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    this.server = undefined;
    return new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    });
  }

  /** POST /slack/events: the timestamp, then the size, then the body (counted), then Bolt. */
  private slackRequest(req: IncomingMessage, res: ServerResponse): void {
    const { logger, limits } = this.options;
    const timestamp = req.headers["x-slack-request-timestamp"];
    // Without the header Bolt refuses it after the (capped) body, as it must read an ssl_check.
    if (typeof timestamp === "string" && !withinWindow(timestamp, Date.now())) {
      logger.warn("refused a request to /slack/events: its timestamp is more than 5 minutes from now");
      refuse(res, 401);
      return;
    }
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limits.bodyLimitBytes) {
      logger.warn(`refused a request to /slack/events: a body of ${declared} bytes (limit ${limits.bodyLimitBytes})`);
      refuse(res, 413);
      return;
    }
    readBody(req, limits.bodyLimitBytes).then(
      (body) => {
        if (body === "too large") {
          logger.warn(`refused a request to /slack/events: a body over ${limits.bodyLimitBytes} bytes`);
          refuse(res, 413);
          return;
        }
        if (body === "aborted") return;
        // Bolt reads a request it finds already buffered from rawBody (its BufferedIncomingMessage).
        Object.assign(req, { rawBody: body });
        try {
          this.bolt.requestListener(req, res);
        } catch (error) {
          logger.error(`an HTTP request to the Slack endpoint failed: ${(error as Error).message}`);
          if (!res.headersSent) res.writeHead(500);
          res.end();
        }
      },
      () => refuse(res, 400),
    );
  }
}

/** Whether Slack's request timestamp (seconds since the epoch) is within 5 minutes of now. */
export function withinWindow(timestamp: string, nowMs: number): boolean {
  if (!/^\d{1,12}$/.test(timestamp.trim())) return false;
  return Math.abs(Number(timestamp) - nowMs / 1000) <= SLACK_TIMESTAMP_WINDOW_S;
}

/** The body, counted as it comes: "too large" as soon as it passes the limit (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too large" | "aborted"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Buffer | "too large" | "aborted") => {
      if (done) return;
      done = true;
      req.off("data", onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        finish("too large");
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => finish(Buffer.concat(chunks)));
    // A body that stalls is ended by the server's request time-out, which destroys the request.
    req.once("close", () => finish("aborted"));
    req.once("error", (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}

/** A refusal on a connection that is then closed: what the client meant to send next is not read. */
function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { connection: "close", "content-type": "text/plain" });
  res.end(status === 413 ? "request body too large" : status === 401 ? "unauthorized" : "bad request");
}

/** An HTTP server with the time-outs and the connection cap. */
function guardedServer(limits: HttpLimits, handler: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    handler,
  );
  // Node closes a connection past this as soon as it is accepted.
  server.maxConnections = limits.maxConnections;
  return server;
}

/**
 * The routes, and /slack/events when there is a Slack endpoint (HTTP mode). HEAD is answered like
 * GET (without the body). Anything else is a 404 whose path is not logged: /calendar/<token>.ics
 * is a secret, whatever the method, and a sub-path or a bad percent-encoding of it too.
 */
function requestHandler(options: {
  routes: Route[];
  logger: BoltLogger;
  slack?: (req: IncomingMessage, res: ServerResponse) => void;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const { routes, logger, slack } = options;
  return (req, res) => {
    const method = (req.method ?? "").toUpperCase();
    let path: string;
    try {
      path = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      refuse(res, 400);
      return;
    }
    if (slack && path === SLACK_EVENTS_PATH && method === "POST") return slack(req, res);
    for (const route of routes) {
      const params = matchPath(route.path, path);
      if (!params || !route.method.includes(method === "HEAD" ? "GET" : method)) continue;
      Promise.resolve(route.handler(Object.assign(req, { params }), res)).catch((error: unknown) => {
        logger.error(`an HTTP request to ${describePath(path)} failed: ${(error as Error).message}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    logger.debug(`unhandled HTTP request (${method.slice(0, 10)}) made to ${describePath(path)}`);
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  };
}

const KNOWN_PATHS = new Set([SLACK_EVENTS_PATH, "/healthz", "/readyz", "/metrics"]);

/**
 * A path fit for the logs: the known ones as they are, one under /calendar/ or /slack/ by that
 * first part alone, any other as "/…" (a path may be anything a client typed, a secret included).
 */
function describePath(path: string): string {
  if (KNOWN_PATHS.has(path)) return path;
  if (path.startsWith("/calendar/")) return "/calendar/…";
  if (path.startsWith("/slack/")) return "/slack/…";
  return "/…";
}

/** What Slack sent, as the metrics count it. */
export type RequestKind =
  | "command"
  | "action"
  | "view_submission"
  | "view_closed"
  | "shortcut"
  | "options"
  | "event"
  | "other";

export function requestKind(body: Record<string, unknown>): RequestKind {
  if (typeof body.command === "string") return "command";
  switch (body.type) {
    case "block_actions":
    case "interactive_message":
      return "action";
    case "view_submission":
      return "view_submission";
    case "view_closed":
      return "view_closed";
    case "shortcut":
    case "message_action":
      return "shortcut";
    case "block_suggestion":
    case "dialog_suggestion":
      return "options";
    case "event_callback":
      return "event";
    default:
      return "other";
  }
}

/** Told of each request Bolt is handed and of the moment its acknowledgement went back to Slack. */
export interface RequestObserver {
  received(kind: RequestKind): void;
  acknowledged(kind: RequestKind, seconds: number): void;
}

/**
 * The receiver with each request observed where both receivers hand it to Bolt (after the body is
 * read and, over HTTP, its signature checked): its kind, and how long until its ack was sent. The
 * one place every kind passes, events too, which Bolt acknowledges itself before any listener.
 */
export function observedReceiver(inner: Receiver, observer: RequestObserver): Receiver {
  return {
    init(app: App) {
      // The receiver calls app.processEvent; everything else it reads of the app is the app's own.
      const observedApp = Object.create(app, {
        processEvent: {
          value: (event: ReceiverEvent) => {
            const kind = requestKind(event.body);
            const started = performance.now();
            observer.received(kind);
            const ack: ReceiverEvent["ack"] = async (response) => {
              await event.ack(response);
              observer.acknowledged(kind, (performance.now() - started) / 1000);
            };
            return app.processEvent({ ...event, ack });
          },
        },
      }) as App;
      inner.init(observedApp);
    },
    start: (...args: unknown[]) => inner.start(...args),
    stop: (...args: unknown[]) => inner.stop(...args),
  };
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

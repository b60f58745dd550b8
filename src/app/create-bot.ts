// Builds the Bolt app with its receiver, middleware, services and listeners. No side effects
// until start().

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import type { ExtendedErrorHandlerArgs } from "@slack/bolt/dist/App.js";
import type { WebClient } from "@slack/web-api";
import type { DigestSection } from "../areas/digest/digest-section.js";
import { isEventsArea } from "../areas/events/index.js";
import type { Database } from "../db/database.js";
import { observeDatabaseErrors } from "../db/errors.js";
import type { Clock } from "../lib/clock.js";
import { createSafeFetcher, type SafeFetchOptions } from "../lib/safe-fetch.js";
import type { Job } from "../scheduling/job.js";
import { ChannelAccess, type ChannelUse } from "../slack/channel-access.js";
import { REPORTED_BY_CONNECTION, SlackConnection } from "../slack/connection.js";
import { Readiness } from "../slack/health.js";
import { createReceiver, type HttpLimits, type SocketModeTimings } from "../slack/receiver.js";
import { commandRepeats } from "../slack/repeated-commands.js";
import { createSlackSender, type Sender, type SenderOptions } from "../slack/sender.js";
import { areaWiring, createAreas, createServices, type Services } from "./areas.js";
import type { Config } from "./config.js";
import { InFlight } from "./in-flight.js";
import { auditLog, boltLogger, type Logger } from "./logger.js";
import { Metrics } from "./metrics.js";

export interface Bot {
  app: App;
  services: Services;
  /** Every message the bot posts on its own goes through this (jobs share it). */
  sender: Sender;
  /** Every area's scheduled jobs, for the scheduler. */
  jobs: readonly Job[];
  /** Every area's sections of the managers' morning digest. */
  digestSections: readonly DigestSection[];
  inFlight: InFlight;
  /**
   * What /readyz checks: the database, and in Socket Mode the connection to Slack. Other parts add
   * theirs with `readiness.add(name, async () => true | "the reason")`.
   */
  readiness: Readiness;
  /** Where the bot stands with Slack (authenticating, connecting, open, reconnecting). */
  connection: SlackConnection;
  /** Joins the channels it must post in, or tells the admins once (checkConfigured at start). */
  channels: ChannelAccess;
  /** What GET /metrics serves; the scheduler reports its runs here (`metrics.jobAttempt`). */
  metrics: Metrics;
  /**
   * Starts taking requests; returns the HTTP port in use (HTTP mode, or /healthz and /readyz in
   * Socket Mode). In Socket Mode the health endpoints answer first (`onListening`), while the bot
   * authenticates and connects, which can take as long as Slack is out of reach.
   */
  start(hooks?: { onListening?(port: number): void }): Promise<{ port?: number }>;
  /** Stops taking requests and waits (up to timeoutMs) for those in flight. True if all finished. */
  stop(timeoutMs: number): Promise<boolean>;
}

/** Slack said no to the bot token at start: the operator must fix the configuration. */
export class SlackAuthError extends Error {}

export function createBot({
  config,
  logger,
  db,
  clock,
  senderOptions,
  formDeadlineMs,
  socketMode,
  http,
  fetchLookup,
  metrics = new Metrics(),
}: {
  config: Config;
  logger: Logger;
  db: Database;
  clock: Clock;
  /** Tests shorten Slack's timings. */
  senderOptions?: Partial<SenderOptions>;
  /**
   * How long a form's work may take before Slack is answered with a "saving…" view (the kit's 2 s
   * unless given). Tests give the forms more, so that a busy machine does not turn an answer in
   * the acknowledgement into a late one.
   */
  formDeadlineMs?: number;
  socketMode?: Partial<SocketModeTimings>;
  /** Tests shorten the HTTP server's time-outs and lower its caps. */
  http?: Partial<HttpLimits>;
  /** How the fetcher of pages and feeds resolves names (tests: only this machine's, never the internet). */
  fetchLookup?: SafeFetchOptions["lookup"];
  metrics?: Metrics;
}): Bot {
  // The app's and the Socket Mode client's bare retry lines are said better by `connection`.
  const log = boltLogger(logger, { demote: REPORTED_BY_CONNECTION });
  const connection = new SlackConnection(logger.child({ component: "slack" }), config.slack.mode, config.slack.apiUrl);
  const readiness = new Readiness();
  readiness.add("database", async () => {
    if (await db.ping()) return true;
    metrics.databaseError("ping");
    return "the database does not answer";
  });
  if (config.slack.mode === "socket") readiness.add("slack", async () => connection.readiness());
  // The feed is built on request by the events area, which is created below.
  let feed: (() => Promise<string>) | undefined;
  const { receiver, socketClient, httpServer } = createReceiver({
    config,
    logger: log,
    readiness,
    connection,
    calendarFeed: () => (feed ? feed() : Promise.resolve("")),
    metrics: () => metrics.scrape(),
    requests: metrics.requestObserver,
    socketMode,
    http,
  });
  if (socketClient) connection.watch(socketClient);
  const app = new App({
    token: config.slack.botToken,
    receiver,
    logger: log,
    clientOptions: { ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}), fetch: connection.fetch },
    extendedErrorHandler: true,
    deferInitialization: true,
  });

  const inFlight = new InFlight();
  app.use(async ({ next }) => {
    await inFlight.track(next);
  });
  app.error(async (args) => {
    // extendedErrorHandler: true gives these arguments; Bolt's type does not follow the option.
    const { error, context, body } = args as unknown as ExtendedErrorHandlerArgs;
    const b = body as { type?: string; command?: string } | undefined;
    logger.error({ err: error, team: context.teamId, type: b?.type ?? b?.command }, "unhandled error in a listener");
  });

  const services = createServices({
    prisma: observeDatabaseErrors(db.prisma, metrics.databaseError),
    reader: db.reader,
    clock,
    timeZone: config.timeZone,
    defaultLocale: config.defaultLocale,
    lookupSlackLocale: async (user) => (await app.client.users.info({ user, include_locale: true })).user?.locale,
    lookupSlackTimeZone: async (user) => (await app.client.users.info({ user })).user?.tz,
    audit: auditLog(logger),
    fetcher: createSafeFetcher({ allowLoopback: config.fetchAllowLoopback, lookup: fetchLookup }),
  });
  const channels = createChannelAccess({ config, services, client: app.client, logger, sender: () => sender });
  const sender = createSlackSender({
    botToken: config.slack.botToken,
    apiUrl: config.slack.apiUrl,
    redisUrl: config.redisUrl,
    store: services.outbound,
    clock,
    logger: logger.child({ component: "sender" }),
    clientLogger: boltLogger(logger),
    access: channels,
    observer: metrics.senderObserver,
    overrides: senderOptions,
  });
  metrics.readFrom({
    slackState: () => connection.state,
    rateLimits: () => sender.rateLimitStatus(),
    senderQueueDepth: () => sender.queueDepth,
  });
  if (config.redisUrl)
    readiness.note("rateLimits", () => {
      const status = sender.rateLimitStatus();
      return status.limits === "shared"
        ? "shared through Redis"
        : `local (slower) while Redis is ${status.redis}${status.reason ? `: ${status.reason}` : ""}`;
    });
  // The guard against repeated slash commands is the process's own (src/slack/repeated-commands.ts).
  commandRepeats.windowMs = config.commandRepeatMs;
  const areas = createAreas(
    areaWiring({ services, config, logger, clock, sender, observer: metrics.listenerObserver, formDeadlineMs }),
  );
  for (const area of areas) area.register(app);
  // The events area's feed: every event of its window, cancelled ones included.
  feed = areas.find(isEventsArea)?.calendarFeed;

  return {
    app,
    services,
    sender,
    jobs: areas.flatMap((area) => area.jobs),
    digestSections: areas.flatMap((area) => area.digestSections ?? []),
    inFlight,
    readiness,
    connection,
    channels,
    metrics,
    async start(hooks) {
      if (httpServer) {
        const server = httpServer;
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen(config.port, () => {
            server.off("error", reject);
            resolve();
          });
        });
        hooks?.onListening?.((server.address() as AddressInfo).port);
      }
      connection.authenticating();
      let auth: Awaited<ReturnType<typeof app.client.auth.test>>;
      try {
        await app.init();
        auth = await app.client.auth.test();
        connection.authenticated({ team: auth.team, user: auth.user });
      } catch (error) {
        const code = slackErrorCode(error);
        if (code && BOT_TOKEN_REFUSED.has(code)) {
          throw new SlackAuthError(
            `Slack rejected SLACK_BOT_TOKEN (${code}). Copy the bot token again from the app's "OAuth & Permissions" page.`,
          );
        }
        throw error;
      }
      if (config.slack.mode === "socket") {
        // An app-level token of another app connects without complaint and then hears nothing of
        // this app's commands. Slack names the bot token's app in auth.test (app_id), and the
        // app-level token carries its app's id (xapp-1-A…-…): when both are there, they must agree.
        const tokenApp = appIdOfAppToken(config.slack.appToken);
        const botApp = (auth as { app_id?: string }).app_id;
        if (tokenApp && botApp && tokenApp !== botApp) {
          throw new SlackAuthError(
            `SLACK_APP_TOKEN belongs to another Slack app (${tokenApp}) than SLACK_BOT_TOKEN (${botApp}). Create the app-level token on the "Basic Information" page of the same app as the bot token, and copy it again.`,
          );
        }
        try {
          await app.start();
        } catch (error) {
          const code = slackErrorCode(error);
          if (code && APP_TOKEN_REFUSED.has(code)) {
            throw new SlackAuthError(
              `Slack rejected SLACK_APP_TOKEN (${code}). Create an app-level token with the connections:write scope on the app's "Basic Information" page and copy it again.`,
            );
          }
          throw error;
        }
        return { port: httpServer ? (httpServer.address() as AddressInfo).port : config.port };
      }
      const server = await app.start(config.port);
      hooks?.onListening?.((server.address() as AddressInfo).port);
      return { port: (server.address() as AddressInfo).port };
    },
    async stop(timeoutMs) {
      connection.stopped();
      const closed = httpServer?.listening ? closeServer(httpServer) : Promise.resolve();
      const stopped = app
        .stop()
        .catch((error: unknown) => logger.warn({ err: error }, "receiver did not stop cleanly"));
      const drained = await inFlight.drain(timeoutMs);
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      await sender.stop().catch((error: unknown) => logger.warn({ err: error }, "sender did not stop cleanly"));
      await closed;
      return drained;
    },
  };
}

/**
 * The bot's channel access (channel-access.ts), wired to the configuration and the services: the
 * bot's and `npm run job`'s. `sender` is the sender it posts its notices through (which calls it).
 */
export function createChannelAccess(o: {
  config: Config;
  services: Services;
  client: WebClient;
  logger: Logger;
  sender: () => Sender;
}): ChannelAccess {
  return new ChannelAccess({
    client: o.client,
    store: o.services.channelProblems,
    logger: o.logger.child({ component: "channels" }),
    locale: o.config.defaultLocale,
    adminChannelId: o.config.adminChannelId,
    admins: () => o.services.roles.holdersOf("admin"),
    uses: () => channelUses(o.config, o.services),
    post: (message) => o.sender().post(message),
  });
}

/** Every channel the bot is configured to post in, and what for, as the admins set them today. */
async function channelUses(config: Config, services: Services): Promise<ChannelUse[]> {
  const uses: ChannelUse[] = [];
  if (config.prChannelId) uses.push({ channel: config.prChannelId, use: "pr" });
  if (config.intlChannelId) uses.push({ channel: config.intlChannelId, use: "intl" });
  if (config.adminChannelId) uses.push({ channel: config.adminChannelId, use: "admin" });
  for (const s of await services.jobRuns.settings())
    if (s.enabled && s.channelId) uses.push({ channel: s.channelId, use: "job", name: s.jobName });
  const en = config.defaultLocale === "en";
  for (const d of await services.clippings.listDepartments())
    if (d.active && d.channelId) uses.push({ channel: d.channelId, use: "department", name: en ? d.nameEn : d.nameEl });
  for (const w of await services.clippingAlerts.listWatchTerms())
    uses.push({ channel: w.channelId, use: "watch", name: w.term });
  return uses;
}

const BOT_TOKEN_REFUSED = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked"]);
// apps.connections.open with a token that is not an app-level one answers not_allowed_token_type.
const APP_TOKEN_REFUSED = new Set([...BOT_TOKEN_REFUSED, "not_allowed_token_type"]);

/** The app id inside an app-level token (`xapp-<version>-<app id>-<secret>`), when it has that shape. */
export function appIdOfAppToken(token: string | undefined): string | undefined {
  return token ? /^xapp-\d+-(A[A-Z0-9]+)-/.exec(token)?.[1] : undefined;
}

function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: string } } | undefined)?.data?.error;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

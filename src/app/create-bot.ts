// Builds the Bolt app with its receiver, middleware, services and listeners. No side effects
// until start().
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import type { ExtendedErrorHandlerArgs } from "@slack/bolt/dist/App.js";
import type { DigestSection } from "../areas/digest/digest-section.js";
import { isEventsArea } from "../areas/events/index.js";
import type { Database } from "../db/database.js";
import type { Clock } from "../lib/clock.js";
import type { Job } from "../scheduling/job.js";
import { REPORTED_BY_CONNECTION, SlackConnection } from "../slack/connection.js";
import { Readiness } from "../slack/health.js";
import { createReceiver, type SocketModeTimings } from "../slack/receiver.js";
import { commandRepeats } from "../slack/repeated-commands.js";
import { createSlackSender, type Sender, type SenderOptions } from "../slack/sender.js";
import { areaWiring, createAreas, createServices, type Services } from "./areas.js";
import type { Config } from "./config.js";
import { InFlight } from "./in-flight.js";
import { boltLogger, type Logger } from "./logger.js";

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
  socketMode,
}: {
  config: Config;
  logger: Logger;
  db: Database;
  clock: Clock;
  /** Tests shorten Slack's timings. */
  senderOptions?: Partial<SenderOptions>;
  socketMode?: Partial<SocketModeTimings>;
}): Bot {
  // The app's and the Socket Mode client's bare retry lines are said better by `connection`.
  const log = boltLogger(logger, { demote: REPORTED_BY_CONNECTION });
  const connection = new SlackConnection(logger.child({ component: "slack" }), config.slack.mode, config.slack.apiUrl);
  const readiness = new Readiness();
  readiness.add("database", async () => (await db.ping()) || "the database does not answer");
  if (config.slack.mode === "socket") readiness.add("slack", async () => connection.readiness());
  // The feed is built on request by the events area, which is created below.
  let feed: (() => Promise<string>) | undefined;
  const { receiver, socketClient, httpServer } = createReceiver({
    config,
    logger: log,
    readiness,
    connection,
    calendarFeed: () => (feed ? feed() : Promise.resolve("")),
    socketMode,
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
    prisma: db.prisma,
    reader: db.reader,
    clock,
    timeZone: config.timeZone,
    defaultLocale: config.defaultLocale,
    lookupSlackLocale: async (user) => (await app.client.users.info({ user, include_locale: true })).user?.locale,
  });
  const sender = createSlackSender({
    botToken: config.slack.botToken,
    apiUrl: config.slack.apiUrl,
    redisUrl: config.redisUrl,
    store: services.outbound,
    clock,
    logger: logger.child({ component: "sender" }),
    clientLogger: boltLogger(logger),
    overrides: senderOptions,
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
  const areas = createAreas(areaWiring({ services, config, logger, clock, sender }));
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
      try {
        await app.init();
        const auth = await app.client.auth.test();
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

const BOT_TOKEN_REFUSED = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked"]);
// apps.connections.open with a token that is not an app-level one answers not_allowed_token_type.
const APP_TOKEN_REFUSED = new Set([...BOT_TOKEN_REFUSED, "not_allowed_token_type"]);

function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: string } } | undefined)?.data?.error;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

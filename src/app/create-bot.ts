// Builds the Bolt app with its receiver, middleware, services and listeners. No side effects
// until start().
import type { AddressInfo } from "node:net";
import { App } from "@slack/bolt";
import type { ExtendedErrorHandlerArgs } from "@slack/bolt/dist/App.js";
import type { DigestSection } from "../areas/digest/digest-section.js";
import { isEventsArea } from "../areas/events/index.js";
import type { Database } from "../db/database.js";
import type { Clock } from "../lib/clock.js";
import type { Job } from "../scheduling/job.js";
import { createReceiver } from "../slack/receiver.js";
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
  /** Starts taking requests; returns the HTTP port in use (HTTP mode, or /healthz in Socket Mode). */
  start(): Promise<{ port?: number }>;
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
}: {
  config: Config;
  logger: Logger;
  db: Database;
  clock: Clock;
  /** Tests shorten Slack's timings. */
  senderOptions?: Partial<SenderOptions>;
}): Bot {
  const log = boltLogger(logger);
  // The feed is built on request by the events area, which is created below.
  let feed: (() => Promise<string>) | undefined;
  const receiver = createReceiver(
    config,
    log,
    () => db.ping(),
    () => (feed ? feed() : Promise.resolve("")),
  );
  const app = new App({
    token: config.slack.botToken,
    receiver,
    logger: log,
    clientOptions: config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {},
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
    clientLogger: log,
    overrides: senderOptions,
  });
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
    async start() {
      try {
        await app.init();
        await app.client.auth.test();
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (
          code === "invalid_auth" ||
          code === "not_authed" ||
          code === "account_inactive" ||
          code === "token_revoked"
        ) {
          throw new SlackAuthError(
            `Slack rejected SLACK_BOT_TOKEN (${code}). Copy the bot token again from the app's "OAuth & Permissions" page.`,
          );
        }
        throw error;
      }
      if (config.slack.mode === "socket") {
        await app.start();
        return { port: config.port };
      }
      const server = await app.start(config.port);
      return { port: (server.address() as AddressInfo).port };
    },
    async stop(timeoutMs) {
      const stopped = app
        .stop()
        .catch((error: unknown) => logger.warn({ err: error }, "receiver did not stop cleanly"));
      const drained = await inFlight.drain(timeoutMs);
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      await sender.stop().catch((error: unknown) => logger.warn({ err: error }, "sender did not stop cleanly"));
      return drained;
    },
  };
}

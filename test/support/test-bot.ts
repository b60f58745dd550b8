// Starts the real bot (HTTP receiver on 127.0.0.1, real database engine) against the fake Slack.
import { Writable } from "node:stream";
import { type Config, loadConfig } from "../../src/app/config.js";
import { type Bot, createBot } from "../../src/app/create-bot.js";
import { createLogger } from "../../src/app/logger.js";
import type { Role } from "../../src/areas/users/roles.js";
import { type Clock, systemClock } from "../../src/lib/clock.js";
import type { SenderOptions } from "../../src/slack/sender.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { BOT_TOKEN, FakeSlack } from "./fake-slack.js";
import { SlackDriver } from "./slack-driver.js";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";

export interface TestBot {
  bot: Bot;
  config: Config;
  fake: FakeSlack;
  slack: SlackDriver;
  database: TestDatabase;
  port: number;
  baseUrl: string;
  /** Everything the bot logged, one JSON line each. */
  logs: string[];
  grant(userId: string, role: Role): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestBot(
  options: { clock?: Clock; env?: Record<string, string>; sender?: Partial<SenderOptions> } = {},
): Promise<TestBot> {
  const fake = new FakeSlack();
  const apiUrl = await fake.start();
  const database = await createTestDatabase();
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: "0",
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level: config.logLevel, destination });
  const bot = createBot({
    config,
    logger,
    db: database.db,
    clock: options.clock ?? systemClock,
    senderOptions: { perChannelIntervalMs: 5, retryAfterUnitMs: 5, ...options.sender },
  });
  const { port = 0 } = await bot.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    bot,
    config,
    fake,
    slack: new SlackDriver(`${baseUrl}/slack/events`, SIGNING_SECRET, fake),
    database,
    port,
    baseUrl,
    logs,
    grant: (userId, role) => bot.services.roles.grantRole({ slackUserId: userId, role, grantedBy: "test" }),
    async stop() {
      if (stopped) return;
      stopped = true;
      await bot.stop(5000);
      await database.dispose();
      await fake.stop();
    },
  };
}

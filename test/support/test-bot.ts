// Starts the real bot (HTTP receiver on 127.0.0.1, real database engine) against the fake Slack;
// startSocketModeBot does the same in Socket Mode, against the fake Socket Mode server too.
import { Writable } from "node:stream";
import { type Config, loadConfig } from "../../src/app/config.js";
import { type Bot, createBot } from "../../src/app/create-bot.js";
import { createLogger } from "../../src/app/logger.js";
import type { Role } from "../../src/areas/users/roles.js";
import { type Clock, systemClock } from "../../src/lib/clock.js";
import type { HttpLimits } from "../../src/slack/receiver.js";
import type { SenderOptions } from "../../src/slack/sender.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from "./fake-slack.js";
import { FakeSocketMode, SocketModeDriver } from "./fake-socket-mode.js";
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

/**
 * The forms' deadline in tests: a form's answer is expected in its acknowledgement (its errors, a
 * changed form), which a busy machine must not turn into a late "saving…" view. The deadline's own
 * test sets the real one (src/slack/listener.ts FORM_DEADLINE_MS).
 */
const TEST_FORM_DEADLINE_MS = 60_000;

/** The tests' resolver: `localhost` only; any other name is not found. */
async function offlineLookup(hostname: string): Promise<{ address: string; family: number }[]> {
  if (hostname === "localhost") return [{ address: "127.0.0.1", family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (tests do not reach the internet)`), {
    code: "ENOTFOUND",
  });
}

export async function startTestBot(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    sender?: Partial<SenderOptions>;
    http?: Partial<HttpLimits>;
    /** The forms' deadline before a "saving…" view; by default far longer than any test's form. */
    formDeadlineMs?: number;
  } = {},
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
    // The tests send the same command again within seconds on purpose: the guard against repeats
    // is off, except in the test of it.
    COMMAND_REPEAT_SECONDS: "0",
    ...options.env,
  });
  const { logs, logger } = captureLogs(config.logLevel);
  const bot = createBot({
    config,
    logger,
    db: database.db,
    clock: options.clock ?? systemClock,
    senderOptions: { perChannelIntervalMs: 5, retryAfterUnitMs: 5, ...options.sender },
    // Slack's 3 s for an acknowledgement is measured by bench:ack, not here: a loaded machine's
    // late acknowledgement is not a failure of what a test is about (a deadline test sets it back).
    http: { unacknowledgedAfterMs: TEST_FORM_DEADLINE_MS, ...options.http },
    // Tests never reach the internet: a link to a real outlet in a test (ertnews.gr) is not found,
    // at once, whatever the machine's network; this machine's own names and addresses still resolve.
    fetchLookup: offlineLookup,
    formDeadlineMs: options.formDeadlineMs ?? TEST_FORM_DEADLINE_MS,
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

/** A logger that keeps every line, for tests that read what the bot said. */
export function captureLogs(level: string) {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logs, logger: createLogger({ level, destination }) };
}

export interface SocketModeTestBot extends Omit<TestBot, "slack"> {
  /** The fake Socket Mode server the bot connects to (through the fake Web API's apps.connections.open). */
  socket: FakeSocketMode;
  /** Sends commands and interactions over the open connection; each resolves with the bot's ack. */
  slack: SocketModeDriver;
  /** Settles when bot.start() does: once the first connection is open. */
  started: Promise<unknown>;
  /** Waits for a log line whose message matches. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** Pause before each reconnection (and the pong's time-out): Slack's 5 s would make every case slow. */
export const TEST_SOCKET_PING_TIMEOUT_MS = 1000;

/**
 * The real bot in Socket Mode. With `accepting: false` the fake refuses connections at first and
 * the start is left to go on (`started`); otherwise this returns once the bot is connected.
 */
export async function startSocketModeBot(
  options: { clock?: Clock; env?: Record<string, string>; accepting?: boolean } = {},
): Promise<SocketModeTestBot> {
  const fake = new FakeSlack();
  const apiUrl = await fake.start();
  const socket = new FakeSocketMode();
  await socket.start();
  socket.attach(fake);
  socket.accepting = options.accepting ?? true;
  const database = await createTestDatabase();
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: apiUrl,
    PORT: "0",
    LOG_LEVEL: "debug",
    COMMAND_REPEAT_SECONDS: "0",
    ...options.env,
  });
  const { logs, logger } = captureLogs(config.logLevel);
  const bot = createBot({
    config,
    logger,
    db: database.db,
    clock: options.clock ?? systemClock,
    senderOptions: { perChannelIntervalMs: 5, retryAfterUnitMs: 5 },
    formDeadlineMs: TEST_FORM_DEADLINE_MS,
    socketMode: { clientPingTimeoutMs: TEST_SOCKET_PING_TIMEOUT_MS },
    fetchLookup: offlineLookup,
  });
  let listening: (port: number) => void = () => {};
  const portKnown = new Promise<number>((resolve) => {
    listening = resolve;
  });
  const started = bot.start({ onListening: listening });
  // Nobody may be waiting on `started` yet: a failed start is reported by whoever awaits it.
  started.catch(() => {});
  const port = await Promise.race([portKnown, started.then(() => portKnown)]);
  if (options.accepting ?? true) await started;
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  const waitForLog = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<string>((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const look = () => {
        const line = logs.find((l) => pattern.test(String((JSON.parse(l) as { msg?: string }).msg)));
        if (line) return resolve(line);
        if (Date.now() > deadline) return reject(new Error(`no log line matching ${pattern}:\n${logs.join("\n")}`));
        setTimeout(look, 20);
      };
      look();
    });
  return {
    bot,
    config,
    fake,
    socket,
    slack: new SocketModeDriver(socket, fake),
    database,
    port,
    baseUrl,
    logs,
    started,
    waitForLog,
    grant: (userId, role) => bot.services.roles.grantRole({ slackUserId: userId, role, grantedBy: "test" }),
    async stop() {
      if (stopped) return;
      stopped = true;
      await bot.stop(5000);
      await database.dispose();
      await socket.stop();
      await fake.stop();
    },
  };
}

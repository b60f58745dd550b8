// SIGTERM at every stage of a Socket Mode bot's life, on the real process (`npm start`): while it
// is still reaching Slack, while it is connecting, once connected, and while it reconnects. Each
// time it closes the database and exits 0; and its log says what it was waiting on, where and why.
import { createServer } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChildBot, type LogLine } from "../support/child-bot.js";
import { createProcessDatabase, type ProcessDatabase } from "../support/database.js";
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from "../support/fake-slack.js";
import { FakeSocketMode } from "../support/fake-socket-mode.js";
import { commandPayload } from "../support/slack-driver.js";

const ADMIN = "U0ADMIN01";

let fake: FakeSlack;
let apiUrl: string;
let socket: FakeSocketMode;
let database: ProcessDatabase;
let bot: ChildBot | undefined;

beforeEach(async () => {
  fake = new FakeSlack();
  apiUrl = await fake.start();
  socket = new FakeSocketMode();
  await socket.start();
  socket.attach(fake);
  database = await createProcessDatabase();
});

afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
  await socket.stop();
  await fake.stop();
  await database.dispose();
});

function startBot(env: Record<string, string> = {}): ChildBot {
  bot = new ChildBot({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: apiUrl,
    ADMIN_USER_IDS: ADMIN,
    ...database.env,
    ...env,
  });
  return bot;
}

/** SIGTERM, then what must hold of every stop: exit 0, "stopped" logged, the database closed. */
async function stopsCleanly(child: ChildBot) {
  child.kill("SIGTERM");
  const code = await child.exited;
  expect(code, child.output).toBe(0);
  // In the order they were logged (their ISO times): two lines written within the same
  // millisecond or two may reach the pipe in the other order.
  const messages = [...child.lines].sort((a, b) => String(a.time).localeCompare(String(b.time))).map((l) => l.msg);
  expect(messages).toContain("stopping");
  // Logged after the database closed, and only then.
  expect(messages.at(-1), child.output).toBe("stopped");
  expect(child.output).not.toContain(BOT_TOKEN);
  expect(child.output).not.toContain(APP_TOKEN);
  // What the start wrote (the admin's role) is there, and nothing is left to migrate.
  const db = await database.reopen();
  try {
    expect((await db.migrate()).applied).toEqual([]);
    expect(await db.prisma.userRole.count({ where: { slackUserId: ADMIN, role: "admin" } })).toBe(1);
  } finally {
    await db.close();
  }
}

async function readyz(port: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, string> } };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const atLeastWarn = (l: LogLine) => l.level >= 40;

describe("a Socket Mode bot's process on SIGTERM", () => {
  it("while Slack's Web API cannot be reached: it said where and why, /readyz said so, and it stops cleanly", async () => {
    const port = await closedPort();
    const child = startBot({ SLACK_API_URL: `http://127.0.0.1:${port}/api/` });
    const health = await child.waitForLog(/^answering GET \/healthz and \/readyz/);
    const waiting = await child.waitForLog(/^waiting for Slack authentication: could not reach/);
    expect(waiting.msg).toMatch(
      new RegExp(`could not reach http://127\\.0\\.0\\.1:${port}/api/auth\\.test \\(connect ECONNREFUSED`),
    );
    expect(waiting).toMatchObject({ step: "slack-auth", url: `http://127.0.0.1:${port}/api/auth.test` });
    // The Web API client's own bare line is not what the operator reads.
    expect(child.lines.filter(atLeastWarn).map((l) => l.msg)).not.toContainEqual(
      expect.stringMatching(/^http request failed/),
    );
    const answer = await readyz(health.port);
    expect(answer.status).toBe(503);
    expect(answer.body.checks.slack).toMatch(/^waiting for Slack authentication: could not reach http:/);
    expect((await fetch(`http://127.0.0.1:${health.port}/healthz`)).status).toBe(200);
    await stopsCleanly(child);
  });

  it("while connecting (the server refuses): it said which URL and why, and it stops cleanly", async () => {
    socket.accepting = false;
    const child = startBot();
    const waiting = await child.waitForLog(/^waiting for the Socket Mode connection: could not connect/);
    expect(waiting.msg).toMatch(/ws:\/\/127\.0\.0\.1:\d+\/link\/ \(the server answered HTTP 503/);
    expect(waiting.step).toBe("socket-mode");
    // apps.connections.open went to the fake (SLACK_API_URL), with the app-level token.
    expect(fake.callsTo("apps.connections.open").every((c) => c.response.ok)).toBe(true);
    expect(child.lines.map((l) => l.msg)).not.toContain("Grafeio is running");
    await stopsCleanly(child);
  });

  it("once connected: it acknowledges an envelope, then closes the connection and the database", async () => {
    const child = startBot();
    await child.waitForLog(/^Grafeio is running$/);
    const connection = await socket.connection(0);
    const ack = await connection.envelope(
      "slash_commands",
      commandPayload(fake, { command: "/grafeio", userId: ADMIN }),
    );
    expect(ack.envelope_id).toBeTruthy();
    await fake.waitFor("response_url");
    await stopsCleanly(child);
    await connection.closed;
  });

  it("while reconnecting (the server went away): it said so, and it stops cleanly", async () => {
    const child = startBot();
    await child.waitForLog(/^Grafeio is running$/);
    await socket.connection(0);
    await socket.goAway();
    const lost = await child.waitForLog(/^Socket Mode connection lost; reconnecting/);
    expect(lost.level).toBe(40);
    await stopsCleanly(child);
  });
});

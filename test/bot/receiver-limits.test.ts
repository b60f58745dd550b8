// What the HTTP receiver does before anyone is authenticated: a body above Slack's sizes refused
// before it is read, slow headers and bodies timed out, connections capped, a timestamp out of
// the 5-minute window refused either way, and the calendar feed's token never in a log line.
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_BODY_LIMIT_BYTES } from "../../src/slack/receiver.js";
import { sign } from "../support/slack-driver.js";
import { SIGNING_SECRET, startTestBot, type TestBot } from "../support/test-bot.js";

const FEED_TOKEN = "feedSecret0123456789abcdefABCDEF";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({
    env: { CALENDAR_FEED_TOKEN: FEED_TOKEN },
    // Short enough for a test to see the server close a slow socket, long enough for a busy machine.
    http: { headersTimeoutMs: 1000, requestTimeoutMs: 1500, timeoutCheckIntervalMs: 100 },
  });
  await t.grant("U0STAFF01", "staff");
});
afterAll(() => t?.stop());

const now = () => Math.floor(Date.now() / 1000);

/** Slack's calls since `before`, the bot's own auth.test aside. */
const callsSince = (before: number) => t.fake.calls.slice(before).filter((c) => c.method !== "auth.test");

/** The bot still does its work: /grafeio help is answered. */
async function stillAnswers() {
  const before = t.fake.calls.length;
  const res = await t.slack.command({ command: "/grafeio", text: "help", userId: "U0STAFF01" });
  expect(res.status).toBe(200);
  await t.fake.waitFor("response_url", () => true, 30_000, before);
}

/** A raw socket to the bot, and what it received until the server closed it. */
function rawSocket(port: number): { socket: Socket; opened: Promise<void>; closed: Promise<string> } {
  const socket = connect(port, "127.0.0.1");
  const chunks: Buffer[] = [];
  socket.on("data", (c: Buffer) => chunks.push(c));
  socket.on("error", () => {});
  const opened = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const closed = new Promise<string>((resolve) =>
    socket.once("close", () => resolve(Buffer.concat(chunks).toString())),
  );
  return { socket, opened, closed };
}

/** A signed form-encoded POST with a body of `size` bytes, sent with Content-Length or chunked. */
function postBig(size: number, framing: "content-length" | "chunked"): Promise<{ status: number; sent: number }> {
  const ts = now();
  const body = `command=%2Fgrafeio&text=${"a".repeat(size - 24)}`;
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(
      `${t.baseUrl}/slack/events`,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(ts),
          "x-slack-signature": sign(SIGNING_SECRET, ts, body),
          ...(framing === "content-length" ? { "content-length": String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, sent }));
      },
    );
    req.on("error", reject);
    // In 16 KB pieces, each after the last is flushed, as a client would stream it.
    const bytes = Buffer.from(body);
    const next = () => {
      if (sent >= bytes.length) {
        req.end();
        return;
      }
      const piece = bytes.subarray(sent, sent + 16 * 1024);
      sent += piece.length;
      if (!req.destroyed) req.write(piece, () => setImmediate(next));
    };
    next();
  });
}

describe("the body limit", () => {
  it("is well below Bolt's 4 MB and above the largest view submission Slack sends", () => {
    expect(SLACK_BODY_LIMIT_BYTES).toBe(256 * 1024);
  });

  it("refuses a declared body over the limit with 413 before reading it; nothing runs and the bot still answers", async () => {
    const before = t.fake.calls.length;
    const { socket, opened, closed } = rawSocket(t.port);
    await opened;
    // Headers only: the answer comes without a byte of the body.
    socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\ncontent-type: application/x-www-form-urlencoded\r\nx-slack-request-timestamp: ${now()}\r\nx-slack-signature: v0=00\r\ncontent-length: ${3_900_000}\r\n\r\n`,
    );
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(await t.bot.inFlight.drain(2000)).toBe(true);
    expect(callsSince(before)).toEqual([]);
    await stillAnswers();
  });

  it("refuses a chunked body with 413 as soon as it passes the limit, even correctly signed", async () => {
    const before = t.fake.calls.length;
    const res = await postBig(2 * 1024 * 1024, "chunked").catch((error: NodeJS.ErrnoException) => ({
      status: error.code === "ECONNRESET" || error.code === "EPIPE" ? 413 : 0,
      sent: 0,
    }));
    expect(res.status).toBe(413);
    // The answer came while most of the body was still to be sent: the rest was never read.
    expect(res.sent).toBeLessThan(1024 * 1024);
    expect(callsSince(before)).toEqual([]);
    await stillAnswers();
  });

  it("takes a signed body just under the limit", async () => {
    const res = await postBig(SLACK_BODY_LIMIT_BYTES - 1024, "content-length");
    expect(res.status).toBe(200);
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  });
});

describe("slow clients", () => {
  it("closes a socket whose headers never end", async () => {
    const { socket, opened, closed } = rawSocket(t.port);
    await opened;
    socket.write("POST /slack/events HTTP/1.1\r\nHost: x\r\n");
    // Node's default waits 60 s (the test's own time-out would end first).
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    await stillAnswers();
  });

  it("closes a socket that connects and sends nothing", async () => {
    const { opened, closed } = rawSocket(t.port);
    await opened;
    expect(await closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("closes a request whose body stalls; nothing runs", async () => {
    const before = t.fake.calls.length;
    const { socket, opened, closed } = rawSocket(t.port);
    await opened;
    socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\ncontent-type: application/x-www-form-urlencoded\r\nx-slack-request-timestamp: ${now()}\r\nx-slack-signature: v0=00\r\ncontent-length: 2000\r\n\r\ncommand=%2Fgrafeio`,
    );
    expect(await closed).toMatch(/^HTTP\/1\.1 408 /);
    expect(callsSince(before)).toEqual([]);
  });
});

describe("request timestamps", () => {
  const body = () =>
    "command=%2Fgrafeio&text=help&user_id=U0STAFF01&channel_id=C0001&team_id=T0001&trigger_id=1.2.3&response_url=" +
    encodeURIComponent(t.fake.responseUrl());

  it.each([
    ["6 minutes ahead", 6 * 60],
    ["24 hours ahead", 24 * 3600],
    ["10 years ahead", 10 * 365 * 24 * 3600],
    ["6 minutes behind", -6 * 60],
  ])("refuses a correctly signed request %s with 401; nothing runs", async (_name, offset) => {
    const before = t.fake.calls.length;
    const res = await t.slack.send(body(), "application/x-www-form-urlencoded", { timestamp: now() + offset });
    expect(res.status).toBe(401);
    expect(await t.bot.inFlight.drain(2000)).toBe(true);
    expect(callsSince(before)).toEqual([]);
  });

  it.each([
    ["4 minutes behind", -4 * 60],
    ["4 minutes ahead", 4 * 60],
  ])("accepts a request %s", async (_name, offset) => {
    const before = t.fake.calls.length;
    const res = await t.slack.send(body(), "application/x-www-form-urlencoded", { timestamp: now() + offset });
    expect(res.status).toBe(200);
    await t.fake.waitFor("response_url", () => true, 30_000, before);
  });
});

describe("the calendar feed's token", () => {
  function send(method: string, path: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(`${t.baseUrl}${path}`, { method, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(method === "POST" || method === "PUT" ? "x=1" : undefined);
    });
  }

  it("is in no log line, whatever the method or path; a bad percent-encoding is a 404, never a 500", async () => {
    const cases: [string, string][] = [
      ["POST", `/calendar/${FEED_TOKEN}.ics`],
      ["PUT", `/calendar/${FEED_TOKEN}.ics`],
      ["DELETE", `/calendar/${FEED_TOKEN}.ics`],
      ["GET", `/calendar/${FEED_TOKEN}.ics/more`],
      ["POST", `/calendar/${FEED_TOKEN}.ics/more`],
      ["GET", `/calendar/${FEED_TOKEN}/x.ics`],
      ["GET", `/calendar/${FEED_TOKEN}%E0%A4%A.ics`],
      ["POST", `/calendar/${FEED_TOKEN}%E0%A4%A.ics`],
      ["GET", `/calendar/%ZZ${FEED_TOKEN}.ics`],
      ["GET", `/${FEED_TOKEN}.ics`],
    ];
    for (const [method, path] of cases) {
      const status = await send(method, path);
      expect([400, 404], `${method} ${path}`).toContain(status);
    }
    expect(await send("HEAD", `/calendar/${FEED_TOKEN}.ics`)).toBe(200);
    expect(await send("GET", `/calendar/${FEED_TOKEN}.ics`)).toBe(200);
    expect(t.logs.filter((l) => l.includes(FEED_TOKEN))).toEqual([]);
  });
});

describe("the connection cap", () => {
  let capped: TestBot;
  beforeAll(async () => {
    capped = await startTestBot({ http: { maxConnections: 3 } });
  });
  afterAll(() => capped?.stop());

  function health(): Promise<number> {
    return new Promise((resolve) => {
      const req = request(`${capped.baseUrl}/healthz`, { agent: false, headers: { connection: "close" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", () => resolve(0));
      req.end();
    });
  }

  it("closes connections above the cap at once, and answers again when they go", async () => {
    const held = [rawSocket(capped.port), rawSocket(capped.port), rawSocket(capped.port)];
    await Promise.all(held.map((h) => h.opened));
    // Each held one has begun a request, so the server has taken all three before the next comes.
    for (const h of held) h.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const extra = rawSocket(capped.port);
    await extra.opened;
    extra.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(await extra.closed).toBe("");
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));
    // The server counts a connection gone when its close is handled: ask until one is answered.
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) status = await health();
    expect(status).toBe(200);
  });
});

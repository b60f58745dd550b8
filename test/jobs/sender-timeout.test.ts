// A call to Slack that is never answered fails after the sender's time-out instead of holding its
// channel, and the job posting one recipient after another (the digest) goes on to the next.
import { Writable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../src/app/logger.js";
import { systemClock } from "../../src/lib/clock.js";
import { createOutboundStore } from "../../src/slack/outbound-store.js";
import { createSlackSender, SendError } from "../../src/slack/sender.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { BOT_TOKEN, FakeSlack, type Json } from "../support/fake-slack.js";

let fake: FakeSlack;
let apiUrl: string;
let t: TestDatabase;
const logger = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, d) => d() }) });

beforeAll(async () => {
  fake = new FakeSlack();
  apiUrl = await fake.start();
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.dispose();
  await fake?.stop();
});

it("a post Slack never answers fails after the time-out; the posts after it are sent", async () => {
  const HUNG = "C0HUNG001";
  let ts = 0;
  // Slack takes the post to HUNG and never answers; the others it answers at once.
  fake.override("chat.postMessage", (args: Json) =>
    args.channel === HUNG
      ? new Promise<Json>(() => {})
      : { ok: true, channel: args.channel, ts: `1700000000.${String(++ts).padStart(6, "0")}`, message: {} },
  );
  const sender = createSlackSender({
    botToken: BOT_TOKEN,
    apiUrl,
    store: createOutboundStore({ prisma: t.db.prisma }),
    clock: systemClock,
    logger,
    overrides: { requestTimeoutMs: 300, maxAttempts: 2, perChannelIntervalMs: 5, sleep: async () => {} },
  });
  try {
    const outcomes: string[] = [];
    // As the digest does: one recipient after another, a failure recorded and the next one sent.
    for (const channel of [HUNG, "C0MGR0001", "C0MGR0002"]) {
      await sender
        .post({ key: `digest:${channel}`, channel, text: "Καλημέρα" })
        .then(() => outcomes.push(`${channel} sent`))
        .catch((error: unknown) => outcomes.push(`${channel} ${error instanceof SendError ? "failed" : "threw"}`));
    }
    expect(outcomes).toEqual(["C0HUNG001 failed", "C0MGR0001 sent", "C0MGR0002 sent"]);
    const hung = await t.db.prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: `digest:${HUNG}` } });
    expect(hung.status).toBe("failed");
  } finally {
    fake.override("chat.postMessage", undefined);
    await sender.stop();
  }
});

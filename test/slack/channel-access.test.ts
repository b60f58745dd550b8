// The bot makes sure it can post where it is configured to: it joins a public channel it is not in
// and sends again; of a channel it cannot join (private, archived) the admins are told once, in the
// office's language, and not again on the next message nor after a restart, until the channel has
// worked. At start, the configured channels are checked the same way (and, by the bot as its own
// process, in channel-access.process.test.ts).
import { Writable } from "node:stream";
import { WebClient } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/app/logger.js";
import { systemClock } from "../../src/lib/clock.js";
import { ChannelAccess, type ChannelUse } from "../../src/slack/channel-access.js";
import { createChannelProblemStore } from "../../src/slack/channel-problems-store.js";
import { createOutboundStore } from "../../src/slack/outbound-store.js";
import { SendError, Sender } from "../../src/slack/sender.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { BOT_TOKEN, FakeSlack } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const ADMINS_CHANNEL = "CADMINS01";
const ADMIN_A = "U0ADMINA1";
const ADMIN_B = "U0ADMINB1";

let fake: FakeSlack;
let apiUrl: string;
let t: TestDatabase;
const logger = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, d) => d() }) });

beforeAll(async () => {
  fake = new FakeSlack();
  apiUrl = await fake.start();
  fake.rateLimit = { windowMs: 0, retryAfterSeconds: 1 };
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.dispose();
  await fake?.stop();
});
beforeEach(() => {
  fake.calls.length = 0;
});

/** One process's sender and channel access, over the shared database: a "restart" is a new one. */
function botProcess(options: { adminChannelId?: string; uses?: ChannelUse[]; locale?: "el" | "en" } = {}) {
  const client = new WebClient(BOT_TOKEN, { slackApiUrl: apiUrl, retryConfig: { retries: 0 } });
  const store = createChannelProblemStore({ prisma: t.db.prisma });
  let sender: Sender | undefined;
  const access = new ChannelAccess({
    client,
    store,
    logger,
    locale: options.locale ?? "el",
    adminChannelId: options.adminChannelId,
    admins: async () => [ADMIN_A, ADMIN_B],
    uses: async () => options.uses ?? [],
    post: (m) => (sender as Sender).post(m),
  });
  sender = new Sender({
    client,
    store: createOutboundStore({ prisma: t.db.prisma }),
    clock: systemClock,
    logger,
    perChannelIntervalMs: 5,
    retryAfterUnitMs: 5,
    access,
  });
  return { sender, access, store };
}

const postsTo = (channel: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === channel);
const noticesAbout = (channel: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.response.ok && String(c.args.text).includes(`<#${channel}>`));

async function failureOf(promise: Promise<unknown>): Promise<SendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SendError) return error;
    throw error;
  }
  throw new Error("the post did not fail");
}

describe("posting in a channel the bot is not in", () => {
  it("joins a public channel by itself and delivers the message; nobody is bothered", async () => {
    fake.channelsWithoutBot.add("CPUBLIC01");
    const { sender } = botProcess({ adminChannelId: ADMINS_CHANNEL });
    const sent = await sender.post({ key: "public-1", channel: "CPUBLIC01", text: "Καλημέρα" });
    expect(sent.posted).toBe(true);
    expect(fake.callsTo("conversations.join").map((c) => c.args.channel)).toEqual(["CPUBLIC01"]);
    // First refused with not_in_channel, then delivered after the join.
    expect(fake.callsTo("chat.postMessage").map((c) => (c.response.ok ? "ok" : c.response.error))).toEqual([
      "not_in_channel",
      "ok",
    ]);
    expect(postsTo(ADMINS_CHANNEL)).toHaveLength(0);
    // The next message goes straight out.
    await sender.post({ key: "public-2", channel: "CPUBLIC01", text: "Ξανά" });
    expect(fake.callsTo("conversations.join")).toHaveLength(1);
    await sender.stop();
  });

  it("fails a private channel's message with the reason, tells the admins once, not on the next message, not after a restart", async () => {
    fake.channelsWithoutBot.add("GPRIVATE1");
    fake.privateChannels.add("GPRIVATE1");
    const uses: ChannelUse[] = [{ channel: "GPRIVATE1", use: "job", name: "name-day-reminders" }];
    const first = botProcess({ adminChannelId: ADMINS_CHANNEL, uses });
    const error = await failureOf(first.sender.post({ key: "private-1", channel: "GPRIVATE1", text: "1" }));
    expect(error.message).toContain("channel_not_found");
    const row = await t.db.prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: "private-1" } });
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain("channel_not_found");

    const notices = postsTo(ADMINS_CHANNEL);
    expect(notices).toHaveLength(1);
    const text = String(notices[0]?.args.text);
    // Which channel, what for, why, and what to do, in the office's language (Greek).
    expect(text).toContain("<#GPRIVATE1>");
    expect(text).toContain("name-day-reminders");
    expect(text).toContain("ιδιωτικό");
    expect(text).toContain("/invite @Grafeio");

    // Several more messages, some at once: no more notices.
    const more = await Promise.allSettled(
      [2, 3, 4].map((i) => first.sender.post({ key: `private-${i}`, channel: "GPRIVATE1", text: String(i) })),
    );
    expect(more.every((r) => r.status === "rejected")).toBe(true);
    expect(postsTo(ADMINS_CHANNEL)).toHaveLength(1);
    await first.sender.stop();

    // A restart: nothing in memory, the database remembers that the admins know.
    const second = botProcess({ adminChannelId: ADMINS_CHANNEL, uses });
    await failureOf(second.sender.post({ key: "private-5", channel: "GPRIVATE1", text: "5" }));
    expect(postsTo(ADMINS_CHANNEL)).toHaveLength(1);

    // Invited: it works, and the record goes; losing it again is told again.
    fake.channelsWithoutBot.delete("GPRIVATE1");
    await second.sender.post({ key: "private-6", channel: "GPRIVATE1", text: "6" });
    expect(await second.store.list()).toEqual([]);
    fake.channelsWithoutBot.add("GPRIVATE1");
    await failureOf(second.sender.post({ key: "private-7", channel: "GPRIVATE1", text: "7" }));
    expect(noticesAbout("GPRIVATE1")).toHaveLength(2);
    await second.sender.stop();
    fake.channelsWithoutBot.delete("GPRIVATE1");
  });

  it("tells each admin by DM when there is no admins' channel, or when the admins' channel is the one refused", async () => {
    fake.archivedChannels.add("CARCHIVE1");
    const noChannel = botProcess({ locale: "en" });
    const error = await failureOf(noChannel.sender.post({ key: "archived-1", channel: "CARCHIVE1", text: "x" }));
    expect(error.message).toContain("is_archived");
    const dms = noticesAbout("CARCHIVE1");
    expect(dms.map((c) => c.args.channel).sort()).toEqual(["D0ADMINA1", "D0ADMINB1"]);
    expect(String(dms[0]?.args.text)).toContain("archived");
    await noChannel.sender.stop();

    fake.channelsWithoutBot.add("GADMINS02");
    fake.privateChannels.add("GADMINS02");
    const own = botProcess({ adminChannelId: "GADMINS02" });
    await failureOf(own.sender.post({ key: "admins-own-1", channel: "GADMINS02", text: "job failed" }));
    expect(
      noticesAbout("GADMINS02")
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(["D0ADMINA1", "D0ADMINB1"]);
    await own.sender.stop();
  });

  it("does not take other failures for a channel problem", async () => {
    const { sender } = botProcess({ adminChannelId: ADMINS_CHANNEL });
    try {
      // Wrong for this message, or the app's own permission to post (chat:write), not the channel.
      for (const error of ["msg_too_long", "missing_scope"]) {
        fake.override("chat.postMessage", () => ({ ok: false, error }));
        await failureOf(sender.post({ key: `other-failure-${error}`, channel: "CPLAIN001", text: "x" }));
      }
    } finally {
      fake.override("chat.postMessage", undefined);
    }
    expect(fake.callsTo("conversations.join")).toHaveLength(0);
    expect(noticesAbout("CPLAIN001")).toHaveLength(0);
    await sender.stop();
  });
});

describe("the check of the configured channels at start", () => {
  let bot: TestBot;
  afterEach(async () => {
    await bot?.stop();
  });

  it("joins the public ones it is not in, tells the admins once of a private one, and not again at the next start", async () => {
    bot = await startTestBot({
      env: {
        PR_CHANNEL_ID: "CPRCHAN01",
        INTL_CHANNEL_ID: "GINTLCH01",
        ADMIN_CHANNEL_ID: "CADMINS03",
        DEFAULT_LOCALE: "en",
      },
    });
    bot.fake.channelsWithoutBot.add("CPRCHAN01");
    bot.fake.channelsWithoutBot.add("GINTLCH01");
    bot.fake.privateChannels.add("GINTLCH01");
    // An admin's channel for a job, and a department's.
    await bot.bot.services.jobRuns.ensureSetting("morning-digest", new Date());
    await bot.bot.services.jobRuns.updateSetting(
      "morning-digest",
      { channelId: "CMANAGER1", updatedBy: "U0ADMINA1" },
      new Date(),
    );
    bot.fake.channelsWithoutBot.add("CMANAGER1");

    const checked = await bot.bot.channels.checkConfigured();
    expect(Object.fromEntries(checked.map((c) => [c.channel, c.outcome]))).toEqual({
      CPRCHAN01: "joined",
      GINTLCH01: "refused",
      CADMINS03: "member",
      CMANAGER1: "joined",
    });
    expect(
      bot.fake
        .callsTo("conversations.join")
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(["CMANAGER1", "CPRCHAN01"]);
    const notices = bot.fake.callsTo("chat.postMessage").filter((c) => c.response.ok);
    expect(notices.map((c) => c.args.channel)).toEqual(["CADMINS03"]);
    expect(String(notices[0]?.args.text)).toContain("<#GINTLCH01>");
    expect(String(notices[0]?.args.text)).toContain("INTL_CHANNEL_ID");
    expect(String(notices[0]?.args.text)).toContain("Invite it");

    // The next start finds the same: the admins already know.
    await bot.bot.channels.checkConfigured();
    expect(bot.fake.callsTo("chat.postMessage").filter((c) => c.response.ok)).toHaveLength(1);
  });
});

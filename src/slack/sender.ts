// Every message the bot posts on its own (jobs, reminders, digests) goes out here: one Bottleneck
// limiter per channel (Slack allows about one message per second in a channel), each call also
// passing a workspace-wide limiter, 429s honoured by pausing the channel for Retry-After, other errors
// retried a few times, and each message once only under its idempotency key, even across a crash
// between sending and recording (the channel's recent history is checked for the key first).
import type { Block, KnownBlock } from "@slack/types";
import { ErrorCode, type Logger as SlackLogger, WebClient } from "@slack/web-api";
import type Bottleneck from "bottleneck";
import { z } from "zod";
import type { Logger } from "../app/logger.js";
import type { Clock } from "../lib/clock.js";
import type { ChannelAccessHooks } from "./channel-access.js";
import type { OutboundStore } from "./outbound-store.js";
import { type Limiters, type RateLimitMode, type RateLimitStatus, RateLimits } from "./rate-limits.js";

export type { RateLimitMode, RateLimitStatus };

export interface OutgoingMessage {
  /** Once-only key, e.g. `digest@2026-11-23T06:00:00.000Z:U123`. */
  key: string;
  /** A channel id, or a user id for a DM. */
  channel: string;
  text: string;
  blocks?: (KnownBlock | Block)[];
  threadTs?: string;
  /**
   * Asked right before each try goes to Slack: false when the scheduled run posting it no longer
   * holds its occurrence (its lease ran out unrenewed, or another process took it over), and the
   * message is left to whoever runs the occurrence now (src/scheduling/scheduler.ts).
   */
  stillOurs?: () => boolean;
}

export interface SentMessage {
  channel: string;
  ts: string;
  /** False when the key had been sent before and nothing was posted now. */
  posted: boolean;
}

export interface SenderOptions {
  client: WebClient;
  store: OutboundStore;
  clock: Clock;
  logger: Logger;
  /** Spacing of messages in one channel (Slack: about 1 s). */
  perChannelIntervalMs?: number;
  /** Messages in flight across the workspace at once. */
  workspaceConcurrency?: number;
  /** Attempts for errors other than 429 before the message is recorded as failed. */
  maxAttempts?: number;
  /** How long one "second" of Retry-After lasts (tests shorten it). */
  retryAfterUnitMs?: number;
  /**
   * Share the limiters' state with other bot processes through Redis. Redis being away never stops
   * a post: the sender then uses local, slower limits until it is back (see rate-limits.ts).
   */
  redisUrl?: string;
  /** Delay before connecting to Redis again after it failed (tests shorten it). */
  redisRetryMs?: number;
  /** A Redis command or connection taking longer than this counts as Redis being away. */
  redisTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Joins a public channel on not_in_channel, tells the admins of one it cannot post in (channel-access.ts). */
  access?: ChannelAccessHooks;
  /**
   * How long one call to Slack may take before it fails (createSlackSender builds its client with
   * it; tests shorten it). Without one, a post Slack never answers held its channel, and a job
   * posting one recipient after another (the digest), forever.
   */
  requestTimeoutMs?: number;
  /** Told of each message's outcome and of each 429 (the metrics). */
  observer?: SenderObserver;
}

/** Told of each message's outcome and of each 429 (the metrics; src/app/metrics.ts). */
export interface SenderObserver {
  sent(): void;
  /** Its key had been sent before: nothing was posted now. */
  alreadySent(): void;
  failed(): void;
  rateLimited(): void;
}

/** Slack answers in well under a second; a call still unanswered after this is taken as failed. */
export const SLACK_REQUEST_TIMEOUT_MS = 15_000;

export class SendError extends Error {
  constructor(
    message: string,
    /**
     * Why the bot cannot post in the channel at all (a Slack error code: channel_not_found,
     * is_archived, or why it could not join), for the admins (channel-access.ts).
     */
    readonly channelProblem?: string,
  ) {
    super(message);
  }
}

/** Not sent: the run posting it lost its occurrence (`stillOurs`). Left pending, never marked failed. */
export class NotOursError extends SendError {
  constructor() {
    super("not sent: the scheduled run lost its occurrence to another process");
  }
}

/** How far back a lost answer is looked for: 50 pages of 200 messages. */
const MAX_HISTORY_PAGES = 50;
/** The files of a DM's messages, as conversations.history gives them (only their names are read). */
const postedFiles = z.array(z.object({ files: z.array(z.object({ name: z.string().optional() })).optional() }));

// Errors that another try will not fix.
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_blocks",
  "msg_too_long",
  "no_text",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "missing_scope",
  "restricted_action",
  "invalid_arguments",
  "user_not_found",
  "cannot_dm_bot",
]);

// Errors that say the bot cannot post in this channel at all, whatever the message.
const CHANNEL_PROBLEMS = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

const METADATA_EVENT = "grafeio_message";

/**
 * How much closer than one interval two messages of a channel may reach Slack when a send was
 * answered slowly: Slack lets short bursts through (the fake Slack allows 10 %).
 */
const PACE_TOLERANCE = 0.05;

/** When a message's last try went to Slack and when Slack answered it. */
interface Pace {
  sentAt: number;
  answeredAt: number;
}

export class Sender {
  private readonly limits: RateLimits;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly dmChannels = new Map<string, string>();
  /** When each channel's next message is due (this process's sends only). */
  private readonly due = new Map<string, number>();
  /** 429 answers received, for the logs and the benchmark. */
  rateLimited = 0;
  /** Messages given to post() and not yet sent or failed. */
  private inProgress = 0;

  constructor(private readonly o: SenderOptions) {
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.limits = new RateLimits({
      logger: o.logger,
      intervalMs: o.perChannelIntervalMs ?? 1000,
      workspaceConcurrency: o.workspaceConcurrency ?? 10,
      redisUrl: o.redisUrl,
      redisRetryMs: o.redisRetryMs,
      redisTimeoutMs: o.redisTimeoutMs,
    });
  }

  /** Whether the rate limits are shared through Redis right now, or kept in this process. */
  rateLimits(): RateLimitMode {
    return this.limits.get().limits;
  }

  /** The same with Redis's state and, while the limits are local because of it, the reason. */
  rateLimitStatus(): RateLimitStatus {
    return this.limits.get();
  }

  /** Messages given to the sender and not yet sent or failed: waiting for their channel, or being sent. */
  get queueDepth(): number {
    return this.inProgress;
  }

  async post(message: OutgoingMessage): Promise<SentMessage> {
    this.inProgress++;
    try {
      const sent = await this.postOnce(message);
      if (sent.posted) this.o.observer?.sent();
      else this.o.observer?.alreadySent();
      return sent;
    } catch (error) {
      this.o.observer?.failed();
      throw error;
    } finally {
      this.inProgress--;
    }
  }

  private async postOnce(message: OutgoingMessage): Promise<SentMessage> {
    const { store, clock, logger } = this.o;
    const row = await store.begin(message.key, message.channel, message.threadTs);
    if (row.status === "sent" && row.ts && row.postedChannel)
      return { channel: row.postedChannel, ts: row.ts, posted: false };
    const channel = await this.resolveChannel(message.channel);
    if (row.attempts > 0) {
      // A try was made before without its result being recorded: it may have reached Slack.
      const found = await this.findPosted(channel, message.key, row.createdAt, message.threadTs);
      if (found) {
        await store.markSent(row.id, found, channel, clock.now());
        logger.info({ key: message.key }, "message was already in the channel; not sent again");
        return { channel, ts: found, posted: false };
      }
    }
    try {
      // Intent is recorded outside the channel's slot, so that the slot spaces the calls to Slack
      // and nothing else.
      await store.recordAttempt(row.id, channel);
      const ts = await this.sendInChannelSlot(channel, message);
      await store.markSent(row.id, ts, channel, clock.now());
      await this.o.access?.delivered(channel).catch((e: unknown) => logger.warn({ err: e }, "channel access"));
      return { channel, ts, posted: true };
    } catch (error) {
      // Whoever runs the occurrence now sends it (after looking in the channel: attempts > 0).
      if (error instanceof NotOursError) throw error;
      const text = error instanceof Error ? error.message : String(error);
      await store.markFailed(row.id, text);
      // Outside the channel's slot: telling the admins posts elsewhere and must not hold this channel.
      if (error instanceof SendError && error.channelProblem)
        await this.o.access
          ?.refused(channel, error.channelProblem)
          .catch((e: unknown) => logger.warn({ err: e }, "channel access"));
      throw error instanceof SendError ? error : new SendError(text);
    }
  }

  /**
   * Each channel has one slot (cluster-wide with Redis): one message in flight at a time, and the
   * next one sent an interval after this one was sent (Slack's rule: about one message a second),
   * so that a round trip does not add to every message of a long fan-out. A send that starts a
   * little late (the event loop was busy) counts from when it was due, so that lateness does not
   * add up either. Only a slow answer holds the slot longer: a request arrives between its send and
   * its answer, so with the next send at least (interval − tolerance) after the answer, messages
   * reach Slack at least that far apart, whatever the network and the event loop do. The caller
   * has its answer as soon as Slack gives it.
   */
  private sendInChannelSlot(channel: string, message: OutgoingMessage): Promise<string> {
    const pace: Pace = { sentAt: 0, answeredAt: 0 };
    let due: number | undefined;
    return this.inSlot(
      (l) => l.group.key(channel),
      () => {
        due = this.due.get(channel);
        this.due.delete(channel);
        return this.sendWithRetries(channel, message, pace);
      },
      (l) => {
        const late = due === undefined ? Number.POSITIVE_INFINITY : pace.sentAt - due;
        const from = due !== undefined && late >= 0 && late <= l.intervalMs * PACE_TOLERANCE ? due : pace.sentAt;
        const next = Math.max(from + l.intervalMs, pace.answeredAt + l.intervalMs * (1 - PACE_TOLERANCE));
        this.setDue(channel, next);
        return new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      },
    );
  }

  private setDue(channel: string, at: number): void {
    // Channels whose queue ran out leave their entry; forget those long past.
    if (this.due.size > 1000) {
      const now = Date.now();
      for (const [c, t] of this.due) if (t < now - 60_000) this.due.delete(c);
    }
    this.due.set(channel, at);
  }

  /**
   * Runs `task` in a slot of the limiter `pick` chooses: the shared limiters while Redis answers,
   * the local ones otherwise. A task still waiting in the shared limiters when they fail (Redis
   * stopped, frozen, restarted) is run on the local ones instead; a task that has started is never
   * run again, so that a message is neither lost nor sent twice. `hold` keeps the slot after the
   * task, without keeping the caller waiting.
   */
  private async inSlot<T>(
    pick: (l: Limiters) => Bottleneck,
    task: () => Promise<T>,
    hold?: (l: Limiters) => Promise<void>,
  ): Promise<T> {
    for (;;) {
      const limiters = await this.limits.current();
      let run: Promise<T> | undefined;
      let abandoned = false;
      let started!: () => void;
      const start = new Promise<void>((resolve) => {
        started = resolve;
      });
      const slot = pick(limiters).schedule(async () => {
        if (abandoned) return;
        run = task();
        started();
        await run.catch(() => {});
        if (hold) await hold(limiters);
      });
      const outcome = await Promise.race([
        start.then(() => "started" as const),
        // Handled here, also when it fails after the task ran (Redis gone while freeing the slot).
        slot.then(
          () => "finished" as const,
          (error: unknown) => ({ error }),
        ),
        limiters.lost.then(() => "lost" as const),
      ]);
      if (run) return run;
      abandoned = true;
      if (outcome === "finished") throw new SendError("the rate limiter finished without sending");
      if (typeof outcome === "object") {
        if (limiters.mode === "local") throw outcome.error;
        this.limits.failed(limiters, outcome.error);
      }
      // The shared limiters failed or were lost before the task started: again, on the local ones.
    }
  }

  /** `pace` gets the times each try went to Slack and was answered. */
  private async sendWithRetries(channel: string, message: OutgoingMessage, pace: Pace): Promise<string> {
    const maxAttempts = this.o.maxAttempts ?? 4;
    let failures = 0;
    let limited = 0;
    let joinTried = false;
    // Set when a try went out and no answer came back (a 500, a dropped connection, a time-out):
    // Slack may have posted it. Before any other try the channel is searched for the key.
    let unsureSince: number | undefined;
    for (;;) {
      if (unsureSince !== undefined) {
        let found: string | undefined;
        try {
          found = await this.findPosted(channel, message.key, new Date(unsureSince), message.threadTs);
        } catch (error) {
          // Not known yet whether it was posted: never send again blind; wait and look again.
          failures++;
          if (failures >= maxAttempts)
            throw new SendError(`gave up after ${failures} attempts: could not check the channel (${String(error)})`);
          await this.sleep(Math.min(30_000, 500 * 2 ** failures));
          continue;
        }
        if (found) {
          this.o.logger.info({ key: message.key }, "Slack had posted the message; its answer was lost, not sent again");
          return found;
        }
      }
      try {
        // The workspace limiter covers the call itself, not the channel's pause after it.
        const res = await this.inSlot(
          (l) => l.workspace,
          () => {
            // A rejection, not a throw: a throw here would read as the shared limiter failing.
            if (message.stillOurs && !message.stillOurs()) return Promise.reject(new NotOursError());
            pace.sentAt = Date.now();
            return this.o.client.chat
              .postMessage({
                channel,
                text: message.text,
                ...(message.blocks ? { blocks: message.blocks } : {}),
                ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
                metadata: { event_type: METADATA_EVENT, event_payload: { key: message.key } },
                unfurl_links: false,
                unfurl_media: false,
              })
              .finally(() => {
                pace.answeredAt = Date.now();
              });
          },
        );
        if (!res.ts) throw new SendError("Slack did not return a message ts");
        return res.ts;
      } catch (error) {
        if (error instanceof NotOursError) throw error;
        const e = error as { code?: string; retryAfter?: number; data?: { error?: string } };
        if (e.code === ErrorCode.RateLimitedError) {
          this.rateLimited++;
          this.o.observer?.rateLimited();
          limited++;
          if (limited > 20) throw new SendError("rate limited too many times");
          // Holding this channel's only slot while waiting pauses the whole channel.
          await this.sleep(Math.max(1, e.retryAfter ?? 1) * (this.o.retryAfterUnitMs ?? 1000));
          continue;
        }
        const code = e.data?.error;
        // Not a member of a public channel: join it once, and send again.
        if (code === "not_in_channel" && this.o.access && !joinTried) {
          joinTried = true;
          const joined = await this.o.access.join(channel);
          if (joined === true) continue;
          throw new SendError(`Slack refused the message: ${code}; could not join: ${joined}`, joined);
        }
        if (code && PERMANENT.has(code))
          throw new SendError(`Slack refused the message: ${code}`, CHANNEL_PROBLEMS.has(code) ? code : undefined);
        // No answer from Slack (only an HTTP error or none at all): it may have posted it.
        if (!code) unsureSince ??= pace.sentAt;
        failures++;
        if (failures >= maxAttempts)
          throw new SendError(`gave up after ${failures} attempts: ${code ?? (error as Error).message}`);
        // Slack answered, so the channel's interval applies before the next try, then the backoff.
        await new Promise((r) => setTimeout(r, this.o.perChannelIntervalMs ?? 1000));
        await this.sleep(Math.min(30_000, 500 * 2 ** failures));
      }
    }
  }

  /** DMs are posted to the IM channel, so that its history can be checked after a crash. */
  private async resolveChannel(channel: string): Promise<string> {
    if (!/^[UW]/.test(channel)) return channel;
    const known = this.dmChannels.get(channel);
    if (known) return known;
    const res = await this.o.client.conversations.open({ users: channel });
    const id = res.channel?.id;
    if (!id) throw new SendError(`could not open a DM with ${channel}`);
    this.dmChannels.set(channel, id);
    return id;
  }

  /**
   * The message with this key posted since `since` (a minute of clock skew allowed), if any: every
   * page of the channel's (or thread's) history back to then, however many messages came after it.
   */
  private async findPosted(channel: string, key: string, since: Date, threadTs?: string): Promise<string | undefined> {
    const oldest = String(Math.floor(since.getTime() / 1000) - 60);
    let cursor: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const args = { channel, oldest, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
      const res = threadTs
        ? await this.o.client.conversations.replies({ ...args, ts: threadTs })
        : await this.o.client.conversations.history(args);
      const match = (res.messages ?? []).find(
        (m) =>
          (m as { metadata?: { event_type?: string; event_payload?: { key?: string } } }).metadata?.event_payload
            ?.key === key,
      );
      if (match?.ts) return match.ts;
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    throw new SendError(
      `more than ${MAX_HISTORY_PAGES * 200} messages since the attempt: cannot tell if it was posted`,
    );
  }

  /**
   * Files uploaded into a person's DM with a comment (a job's report: the jobs' own senders only
   * post messages). Slack's uploads take no idempotency key: the caller records what it sent.
   */
  async sendFilesPrivately(
    userId: string,
    comment: string,
    files: { file: Buffer; filename: string }[],
  ): Promise<void> {
    const channel = await this.resolveChannel(userId);
    await this.o.client.files.uploadV2({
      channel_id: channel,
      initial_comment: comment,
      file_uploads: files.map((f) => ({ file: f.file, filename: f.filename, title: f.filename })),
    });
  }

  /**
   * Whether a file of this name was posted into the person's DM since `since` (an upload whose
   * record did not follow it, a crash between the two: it reached Slack, or not). Read from the DM's
   * history, as findPosted reads a message's key.
   */
  async filePostedPrivately(userId: string, filename: string, since: Date): Promise<boolean> {
    const channel = await this.resolveChannel(userId);
    const oldest = String(Math.floor(since.getTime() / 1000) - 60);
    let cursor: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const res = await this.o.client.conversations.history({
        channel,
        oldest,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      const messages = postedFiles.safeParse(res.messages ?? []);
      if (!messages.success) throw new SendError("conversations.history answered in an unexpected shape");
      if (messages.data.some((m) => m.files?.some((f) => f.name === filename))) return true;
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return false;
    }
    throw new SendError(`more than ${MAX_HISTORY_PAGES * 200} messages since the upload: cannot tell if it was posted`);
  }

  async stop(): Promise<void> {
    await this.limits.stop();
  }
}

/**
 * The sender as Grafeio runs it against Slack: its client hands 429s back instead of retrying them,
 * because the sender paces itself and honours Retry-After.
 */
export function createSlackSender(options: {
  botToken: string;
  apiUrl?: string;
  redisUrl?: string;
  store: OutboundStore;
  clock: Clock;
  logger: Logger;
  /** Bolt's logger interface for the Web API client. */
  clientLogger?: SlackLogger;
  access?: ChannelAccessHooks;
  observer?: SenderObserver;
  overrides?: Partial<SenderOptions>;
}): Sender {
  return new Sender({
    client: new WebClient(options.botToken, {
      slackApiUrl: options.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: options.overrides?.requestTimeoutMs ?? SLACK_REQUEST_TIMEOUT_MS,
      ...(options.clientLogger ? { logger: options.clientLogger } : {}),
    }),
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    redisUrl: options.redisUrl,
    access: options.access,
    observer: options.observer,
    ...options.overrides,
  });
}

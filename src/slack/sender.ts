// Every message the bot posts on its own (jobs, reminders, digests) goes out here: one Bottleneck
// limiter per channel (Slack allows about one message per second in a channel), each call also
// passing a workspace-wide limiter, 429s honoured by pausing the channel for Retry-After, other errors
// retried a few times, and each message once only under its idempotency key, even across a crash
// between sending and recording (the channel's recent history is checked for the key first).
import type { Block, KnownBlock } from "@slack/types";
import { ErrorCode, type Logger as SlackLogger, WebClient } from "@slack/web-api";
import type Bottleneck from "bottleneck";
import type { Logger } from "../app/logger.js";
import type { Clock } from "../lib/clock.js";
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
  /**
   * How long one call to Slack may take before it fails (createSlackSender builds its client with
   * it; tests shorten it). Without one, a post Slack never answers held its channel, and a job
   * posting one recipient after another (the digest), forever.
   */
  requestTimeoutMs?: number;
}

/** Slack answers in well under a second; a call still unanswered after this is taken as failed. */
export const SLACK_REQUEST_TIMEOUT_MS = 15_000;

export class SendError extends Error {}

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

  async post(message: OutgoingMessage): Promise<SentMessage> {
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
      return { channel, ts, posted: true };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      await store.markFailed(row.id, text);
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
    for (;;) {
      try {
        // The workspace limiter covers the call itself, not the channel's pause after it.
        const res = await this.inSlot(
          (l) => l.workspace,
          () => {
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
        const e = error as { code?: string; retryAfter?: number; data?: { error?: string } };
        if (e.code === ErrorCode.RateLimitedError) {
          this.rateLimited++;
          limited++;
          if (limited > 20) throw new SendError("rate limited too many times");
          // Holding this channel's only slot while waiting pauses the whole channel.
          await this.sleep(Math.max(1, e.retryAfter ?? 1) * (this.o.retryAfterUnitMs ?? 1000));
          continue;
        }
        const code = e.data?.error;
        if (code && PERMANENT.has(code)) throw new SendError(`Slack refused the message: ${code}`);
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

  private async findPosted(channel: string, key: string, since: Date, threadTs?: string): Promise<string | undefined> {
    const oldest = String(Math.floor(since.getTime() / 1000) - 60);
    const res = threadTs
      ? await this.o.client.conversations.replies({
          channel,
          ts: threadTs,
          oldest,
          include_all_metadata: true,
          limit: 200,
        })
      : await this.o.client.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200 });
    const match = (res.messages ?? []).find(
      (m) =>
        (m as { metadata?: { event_type?: string; event_payload?: { key?: string } } }).metadata?.event_payload?.key ===
        key,
    );
    return match?.ts;
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
    ...options.overrides,
  });
}

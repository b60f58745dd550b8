// Where the sender's rate limits live: in this process, or in Redis, shared with the other bot
// processes. Redis only shares the limits; it must never be able to stop a post. So:
// - while Redis is not (yet) answering, the limits are local, and conservative (other processes
//   may be posting to the same channels without being counted);
// - the shared limiters are Bottleneck over ioredis, built afresh for each connection ("epoch"):
//   a Bottleneck limiter that was created while Redis was away stays broken for good ("Reached the
//   max retries per request limit" forever), so nothing of an epoch is reused once it has failed;
// - any trouble with Redis (the connection closed, a command timed out on a frozen server, a
//   script failed) ends the epoch: what waited in its limiters, and had not started, is run on the
//   local ones instead, and a new connection is tried after a delay;
// - the switch to local limits is logged once at warn, the return to shared ones once at info.

import { createRequire } from "node:module";
import Bottleneck from "bottleneck";
import type { Redis as RedisClient } from "ioredis";
import type { Logger } from "../app/logger.js";

export type RateLimitMode = "shared" | "local";

export interface RateLimitStatus {
  /** Shared with the other bot processes through Redis, or kept in this process alone. */
  limits: RateLimitMode;
  /** Redis: not configured, connecting (at start), up, or down (then the limits are local). */
  redis: "off" | "connecting" | "up" | "down";
  /** Why the limits are local although Redis is configured: its last error (no URL in it). */
  reason?: string;
  /** Since when this holds. */
  since: Date;
}

/** A pair of limiters: one slot per channel, and the calls in flight across the workspace. */
export interface Limiters {
  readonly mode: RateLimitMode;
  readonly group: Bottleneck.Group;
  readonly workspace: Bottleneck;
  /** Spacing of messages in one channel with these limiters. */
  readonly intervalMs: number;
  /** Settles when these limiters can no longer be trusted (never, for the local ones). */
  readonly lost: Promise<void>;
}

export interface RateLimitOptions {
  logger: Logger;
  intervalMs: number;
  workspaceConcurrency: number;
  redisUrl?: string;
  /** Delay before connecting to Redis again after it failed. */
  redisRetryMs?: number;
  /** A Redis command (or a connection) taking longer than this counts as Redis being away. */
  redisTimeoutMs?: number;
  /**
   * With Redis configured but away, the local limits are this many times slower than the shared
   * ones, as the other processes keep posting without being counted.
   */
  fallbackSlowdown?: number;
}

const CHANNEL_GROUP_ID = "grafeio-channel";
const WORKSPACE_ID = "grafeio-workspace-chat";
// Forget an idle channel's limiter after 10 minutes.
const GROUP_TIMEOUT_MS = 10 * 60_000;

function localLimiters(intervalMs: number, workspaceConcurrency: number): Limiters {
  return {
    mode: "local",
    group: new Bottleneck.Group({ id: CHANNEL_GROUP_ID, maxConcurrent: 1, timeout: GROUP_TIMEOUT_MS }),
    workspace: new Bottleneck({ id: WORKSPACE_ID, maxConcurrent: workspaceConcurrency }),
    intervalMs,
    lost: new Promise<void>(() => {}),
  };
}

/** A message for the logs and the status, without the URL (it may carry a password). */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/rediss?:\/\/\S+/g, "redis://…").slice(0, 300);
}

class Epoch implements Limiters {
  readonly mode = "shared" as const;
  readonly connection: Bottleneck.IORedisConnection;
  readonly group: Bottleneck.Group;
  readonly workspace: Bottleneck;
  readonly lost: Promise<void>;
  ready = false;
  ended = false;
  private readonly clients: RedisClient[];
  private markLost!: () => void;

  constructor(
    url: string,
    timeoutMs: number,
    readonly intervalMs: number,
    workspaceConcurrency: number,
    onError: (epoch: Epoch, error: unknown) => void,
  ) {
    this.lost = new Promise<void>((resolve) => {
      this.markLost = resolve;
    });
    // ioredis is loaded only when Redis is configured (about 11 MB the bot holds for nothing
    // otherwise: bench:memory).
    const { Redis } = createRequire(import.meta.url)("ioredis") as { Redis: typeof RedisClient };
    const client = new Redis(url, {
      // ioredis's defaults would queue every command while Redis is away and fail it only after 20
      // reconnections, and wait for ever on a frozen server. Here a command fails at once or after
      // the time-out, and RateLimits reconnects with a new epoch.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      autoResubscribe: false,
      connectTimeout: timeoutMs,
      commandTimeout: timeoutMs,
    });
    // Bottleneck's subscriber is client.duplicate(), with the same options.
    this.connection = new Bottleneck.IORedisConnection({ client });
    const subscriber = (this.connection as unknown as { subscriber: RedisClient }).subscriber;
    this.clients = [client, subscriber];
    const clustering = { datastore: "ioredis" as const, connection: this.connection, clearDatastore: false };
    this.workspace = new Bottleneck({ id: WORKSPACE_ID, maxConcurrent: workspaceConcurrency, ...clustering });
    this.group = new Bottleneck.Group({
      id: CHANNEL_GROUP_ID,
      maxConcurrent: 1,
      timeout: GROUP_TIMEOUT_MS,
      ...clustering,
    });
    const fail = (error: unknown) => onError(this, error);
    this.workspace.on("error", fail);
    this.group.on("created", (limiter: Bottleneck) => limiter.on("error", fail));
    for (const c of this.clients) {
      c.on("error", fail);
      c.on("close", () => fail(new Error("the connection to Redis closed")));
    }
  }

  /** Ends this epoch: what waits in it goes elsewhere, its connections are closed. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.ready = false;
    this.markLost();
    // The connection first: it is then marked terminated, so nothing Bottleneck does while dropping
    // its limiters talks to Redis (a failed unsubscribe there would be an unhandled rejection).
    // The group's clean-up timer is not stopped by Bottleneck's disconnect().
    for (const c of this.clients) c.removeAllListeners("close");
    void this.connection.disconnect(false);
    clearInterval((this.group as unknown as { interval?: NodeJS.Timeout }).interval);
  }
}

export class RateLimits {
  private readonly local: Limiters;
  private epoch?: Epoch;
  private status: RateLimitStatus;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  /** Settles once the first connection to Redis succeeded or failed. */
  private readonly firstSettled: Promise<void>;
  private settleFirst!: () => void;
  /** Whether the fall-back has been announced for the current outage. */
  private warned = false;

  constructor(private readonly o: RateLimitOptions) {
    const slowdown = o.redisUrl ? (o.fallbackSlowdown ?? 2) : 1;
    this.local = localLimiters(o.intervalMs * slowdown, Math.max(1, Math.ceil(o.workspaceConcurrency / slowdown)));
    this.firstSettled = new Promise<void>((resolve) => {
      this.settleFirst = resolve;
    });
    if (o.redisUrl) {
      this.status = { limits: "local", redis: "connecting", since: new Date() };
      this.connect();
    } else {
      this.status = { limits: "local", redis: "off", since: new Date() };
      this.settleFirst();
    }
  }

  get(): RateLimitStatus {
    return { ...this.status };
  }

  /**
   * The limiters to use now. At start, waits (a little) for the first connection to Redis, so that
   * the first posts of a healthy cluster are counted with everyone else's.
   */
  async current(): Promise<Limiters> {
    if (this.status.redis === "connecting") {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.firstSettled,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, this.o.redisTimeoutMs ?? 2000);
        }),
      ]);
      clearTimeout(timer);
    }
    return this.epoch?.ready ? this.epoch : this.local;
  }

  /** Something went wrong with these limiters (the shared ones): stop trusting them. */
  failed(limiters: Limiters, error: unknown): void {
    if (limiters instanceof Epoch) this.onEpochError(limiters, error);
  }

  private connect(): void {
    if (this.stopped || !this.o.redisUrl) return;
    const timeoutMs = this.o.redisTimeoutMs ?? 2000;
    const epoch = new Epoch(this.o.redisUrl, timeoutMs, this.o.intervalMs, this.o.workspaceConcurrency, (e, error) =>
      this.onEpochError(e, error),
    );
    this.epoch = epoch;
    // A connection that opens but never gets ready (a frozen server) counts as failed too.
    const timer = setTimeout(() => {
      if (!epoch.ready) this.onEpochError(epoch, new Error(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs * 2);
    timer.unref();
    epoch.workspace.ready().then(
      () => {
        clearTimeout(timer);
        if (epoch.ended || this.stopped) return;
        epoch.ready = true;
        const was = this.status;
        this.status = { limits: "shared", redis: "up", since: new Date() };
        if (this.warned) {
          this.o.logger.info(
            { downSince: was.since.toISOString() },
            "Redis is back: Slack rate limits are shared with the other bot processes again",
          );
        }
        this.warned = false;
        this.settleFirst();
      },
      (error: unknown) => {
        clearTimeout(timer);
        this.onEpochError(epoch, error);
      },
    );
  }

  private onEpochError(epoch: Epoch, error: unknown): void {
    if (epoch.ended) return;
    epoch.end();
    if (this.epoch === epoch) this.epoch = undefined;
    if (this.stopped) return;
    const reason = reasonOf(error);
    if (this.status.redis !== "down") this.status = { limits: "local", redis: "down", reason, since: new Date() };
    else this.status = { ...this.status, reason };
    if (!this.warned) {
      this.warned = true;
      this.o.logger.warn(
        { reason },
        "Redis is unreachable: Slack rate limits are kept in this process (conservatively) until it is back; messages keep going out",
      );
    } else {
      this.o.logger.debug({ reason }, "Redis still unreachable");
    }
    this.settleFirst();
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), this.o.redisRetryMs ?? 5000);
    this.retryTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.epoch?.end();
    this.epoch = undefined;
    clearInterval((this.local.group as unknown as { interval?: NodeJS.Timeout }).interval);
  }
}

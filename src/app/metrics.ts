// The bot's metrics, served at GET /metrics in Prometheus' text format (prom-client). Every metric
// is defined here, in a registry of the bot's own (not prom-client's global one: tests build several
// bots in one process). The kit modules stay free of prom-client: the listener kit, the receiver,
// the scheduler and the sender each take a small observer, which this module implements, and the
// states (the Slack connection, the rate limits, the sender's queue) are read when scraped.
// Labels are bounded sets (kinds, job names, outcomes, error codes), never ids or free text.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AttemptResult } from "../scheduling/scheduler.js";
import type { SlackState } from "../slack/connection.js";
import type { ListenerKind, ListenerObserver } from "../slack/listener.js";
import type { RequestKind, RequestObserver } from "../slack/receiver.js";
import type { RateLimitStatus, SenderObserver } from "../slack/sender.js";

const SLACK_STATES: readonly SlackState[] = ["authenticating", "connecting", "open", "reconnecting", "stopped"];
const REDIS_STATES: readonly RateLimitStatus["redis"][] = ["off", "connecting", "up", "down"];

/** What the metrics read at each scrape. */
export interface MetricSources {
  slackState(): SlackState;
  rateLimits(): RateLimitStatus;
  senderQueueDepth(): number;
}

export class Metrics {
  readonly registry = new Registry();
  private sources?: MetricSources;

  private readonly requests = new Counter({
    name: "grafeio_slack_requests_total",
    help: "Requests from Slack handed to the bot, by kind.",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });

  private readonly ackSeconds = new Histogram({
    name: "grafeio_slack_ack_seconds",
    help: "Time from a request's hand-off to the bot until its acknowledgement was sent (Slack allows 3 s), by kind.",
    labelNames: ["kind"] as const,
    // Most acknowledgements take milliseconds; a form's answer waits for its work, and 3 s is Slack's limit.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [this.registry],
  });

  private readonly listenerErrors = new Counter({
    name: "grafeio_listener_errors_total",
    help: "Listeners whose work failed (the user was told something went wrong), by kind.",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });

  private readonly jobRuns = new Counter({
    name: "grafeio_job_runs_total",
    help: "Job occurrences run, by job and outcome (succeeded, retrying, failed, not_claimed).",
    labelNames: ["job", "outcome", "trigger"] as const,
    registers: [this.registry],
  });

  private readonly jobSeconds = new Histogram({
    name: "grafeio_job_run_seconds",
    help: "How long each job occurrence's run took, by job.",
    labelNames: ["job"] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [this.registry],
  });

  private readonly sends = new Counter({
    name: "grafeio_sender_messages_total",
    help: "Messages the sender handled, by outcome (sent, already_sent: its key had been sent before, failed).",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });

  private readonly rateLimited = new Counter({
    name: "grafeio_sender_rate_limited_total",
    help: "429 answers from Slack to the sender (each honoured by pausing the channel for Retry-After).",
    registers: [this.registry],
  });

  private readonly dbErrors = new Counter({
    name: "grafeio_database_errors_total",
    help: "Database operations that failed, by Prisma error code (P2002: a duplicate, often a retry caught), or ping when the readiness check got no answer.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const sources = () => this.sources;
    new Gauge({
      name: "grafeio_sender_queue_depth",
      help: "Messages given to the sender and not yet sent or failed (waiting for their channel, or being sent).",
      registers: [this.registry],
      collect() {
        const s = sources();
        if (s) this.set(s.senderQueueDepth());
      },
    });
    new Gauge({
      name: "grafeio_slack_connection_state",
      help: "Where the bot stands with Slack: 1 for the current state, 0 for the others (HTTP mode is open once authenticated).",
      labelNames: ["state"] as const,
      registers: [this.registry],
      collect() {
        const s = sources();
        if (!s) return;
        const current = s.slackState();
        for (const state of SLACK_STATES) this.set({ state }, state === current ? 1 : 0);
      },
    });
    new Gauge({
      name: "grafeio_rate_limits_shared",
      help: "1 while the Slack rate limits are shared with other processes through Redis, 0 while kept in this process (no REDIS_URL, or Redis away).",
      registers: [this.registry],
      collect() {
        const s = sources();
        if (s) this.set(s.rateLimits().limits === "shared" ? 1 : 0);
      },
    });
    new Gauge({
      name: "grafeio_redis_state",
      help: "The sender's Redis: 1 for the current state (off without REDIS_URL, connecting, up, down), 0 for the others.",
      labelNames: ["state"] as const,
      registers: [this.registry],
      collect() {
        const s = sources();
        if (!s) return;
        const current = s.rateLimits().redis;
        for (const state of REDIS_STATES) this.set({ state }, state === current ? 1 : 0);
      },
    });
    // Node's own: CPU, memory, event-loop lag, handles, GC, with prom-client's names (process_*, nodejs_*).
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Where the scrape-time states are read (the bot, once its parts exist). */
  readFrom(sources: MetricSources): void {
    this.sources = sources;
  }

  /** The receiver's observer: each request and its acknowledgement. */
  readonly requestObserver: RequestObserver = {
    received: (kind: RequestKind) => this.requests.inc({ kind }),
    acknowledged: (kind: RequestKind, seconds: number) => this.ackSeconds.observe({ kind }, seconds),
  };

  /** The listener kit's observer: a listener's work failed. */
  readonly listenerObserver: ListenerObserver = {
    failed: (kind: ListenerKind) => this.listenerErrors.inc({ kind }),
  };

  /** The sender's observer. */
  readonly senderObserver: SenderObserver = {
    sent: () => this.sends.inc({ outcome: "sent" }),
    alreadySent: () => this.sends.inc({ outcome: "already_sent" }),
    failed: () => this.sends.inc({ outcome: "failed" }),
    rateLimited: () => this.rateLimited.inc(),
  };

  /** The scheduler's: one occurrence's attempt and its result. */
  jobAttempt = (job: string, result: AttemptResult, manual: boolean, seconds?: number): void => {
    this.jobRuns.inc({ job, outcome: result, trigger: manual ? "manual" : "schedule" });
    if (seconds !== undefined) this.jobSeconds.observe({ job }, seconds);
  };

  /** A database operation failed (its Prisma code, or "ping"). */
  databaseError = (code: string): void => {
    this.dbErrors.inc({ code });
  };

  /** The text Prometheus scrapes, and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

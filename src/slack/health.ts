// What a supervisor asks the bot: GET /healthz (is the process alive?), GET /readyz (can it do
// its work now?) and GET /metrics (Prometheus' scrape, src/app/metrics.ts). Liveness never looks at anything outside the process, so that a database or a
// Slack outage does not get a healthy process killed and restarted in a loop; readiness is the
// list of checks each part of the bot adds (the database, the Socket Mode connection, …).
import type { IncomingMessage, ServerResponse } from "node:http";

/** A readiness check: true when ready, otherwise the reason, in words an operator can act on. */
export type ReadinessCheck = () => Promise<true | string>;

export interface ReadinessReport {
  ready: boolean;
  /** Each check by name: "ok" or its reason. */
  checks: Record<string, string>;
}

/** A check that has not answered in this time counts as not ready (a hung database must not hang /readyz). */
const CHECK_TIMEOUT_MS = 2000;

/** A state /readyz reports without it deciding readiness (the bot works either way). */
export type ReadinessNote = () => string;

export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly notes = new Map<string, ReadinessNote>();

  constructor(private readonly timeoutMs = CHECK_TIMEOUT_MS) {}

  /** Adds a check under a name of its own (the key in /readyz's answer). */
  add(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  /**
   * Adds a state to report beside the checks that does not make the bot unready: the Slack rate
   * limits, shared through Redis or kept locally while Redis is away (delivery goes on either way).
   */
  note(name: string, note: ReadinessNote): void {
    if (this.checks.has(name) || this.notes.has(name))
      throw new Error(`readiness entry "${name}" is already registered`);
    this.notes.set(name, note);
  }

  /** Runs every check at once; a check that throws or does not answer in time is not ready. */
  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await this.run(check)] as const),
    );
    const checks = Object.fromEntries(entries.map(([name, result]) => [name, result === true ? "ok" : result]));
    for (const [name, note] of this.notes) checks[name] = note();
    return { ready: entries.every(([, result]) => result === true), checks };
  }

  private async run(check: ReadinessCheck): Promise<true | string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${this.timeoutMs} ms`), this.timeoutMs);
    });
    try {
      return await Promise.race([check().catch((error: unknown) => `failed: ${messageOf(error)}`), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What Bolt's receivers take as a custom route (and what the Socket Mode health server serves). */
export interface Route {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** The process answers: that is all liveness says. */
export function livenessRoute(): Route {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: (_req, res) => json(res, 200, { status: "alive" }),
  };
}

/** 200 when every check is ready, 503 otherwise; both with each check's answer. */
export function readinessRoute(readiness: Readiness): Route {
  return {
    path: "/readyz",
    method: ["GET"],
    handler: async (_req, res) => {
      const report = await readiness.report();
      json(res, report.ready ? 200 : 503, report);
    },
  };
}

/** The metrics in Prometheus' text format, as the metrics module renders them. */
export type MetricsScrape = () => Promise<{ contentType: string; body: string }>;

/** GET /metrics: what Prometheus scrapes. */
export function metricsRoute(scrape: MetricsScrape): Route {
  return {
    path: "/metrics",
    method: ["GET"],
    handler: async (_req, res) => {
      const { contentType, body } = await scrape();
      res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
      res.end(body);
    },
  };
}

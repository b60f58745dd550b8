// Structured logs (pino). Secrets are redacted wherever they might appear in a logged object.
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import pino, { type Logger } from "pino";
import type { AuditLog } from "../lib/audit.js";

export type { Logger };

const REDACT = [
  "token",
  "*.token",
  "*.*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "password",
  "*.password",
  "databaseUrl",
  "*.databaseUrl",
];

// Slack tokens and signing secrets that end up inside a message string (for example in an error
// thrown by a library) are masked too.
const SECRET_PATTERN = /\b(xox[abpr]-|xapp-)[A-Za-z0-9-]+/g;

export function maskSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, "$1***");
}

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { app: "grafeio" },
      // An operator reads and greps these: "2026-12-01T14:48:40.123Z", not epoch milliseconds.
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === "string" ? maskSecrets(a) : a)) as typeof args;
          method.apply(this, masked);
        },
      },
      serializers: {
        err: (err: unknown) => {
          const s = pino.stdSerializers.err(err as Error);
          return { ...s, message: maskSecrets(s.message ?? ""), stack: s.stack ? maskSecrets(s.stack) : undefined };
        },
      },
    },
    options.destination,
  );
}

/**
 * Routes Bolt's (and the Web API client's) logging into pino. Lines matching `demote` go to debug:
 * those another part of the bot already reports better (src/slack/connection.ts).
 */
export function boltLogger(base: Logger, options: { demote?: readonly RegExp[] } = {}): BoltLogger {
  let logger = base.child({ component: "bolt" });
  let level = LogLevel.INFO;
  const demote = options.demote ?? [];
  const write = (given: "debug" | "info" | "warn" | "error", msg: unknown[]) => {
    const method =
      given !== "debug" && typeof msg[0] === "string" && demote.some((re) => re.test(msg[0] as string))
        ? "debug"
        : given;
    // Bolt logs a great deal at debug level: do not build messages that would be dropped.
    if (!logger.isLevelEnabled(method)) return;
    const [first, ...rest] = msg;
    if (first instanceof Error) logger[method]({ err: first }, rest.map(String).join(" ") || first.message);
    else logger[method](msg.map((m) => (typeof m === "string" ? m : safeJson(m))).join(" "));
  };
  return {
    debug: (...msg) => write("debug", msg),
    info: (...msg) => write("info", msg),
    warn: (...msg) => write("warn", msg),
    error: (...msg) => write("error", msg),
    // Bolt sets its own default level on the logger it is given; the configured LOG_LEVEL wins.
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (name) => {
      logger = base.child({ component: name });
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * The audit trail (src/lib/audit.ts) in the logs: `{"audit":true,"event":"contact.erased",…}` at
 * info, written whatever LOG_LEVEL says (a quieter level must not silence it).
 */
export function auditLog(logger: Logger): AuditLog {
  const verbose = logger.levelVal < (pino.levels.values.info ?? 30);
  const log = logger.child({ audit: true }, { level: verbose ? logger.level : "info" });
  return {
    record(event, fields) {
      log.info({ ...fields, audit: true, event }, `audit: ${event}`);
    },
  };
}

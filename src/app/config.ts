// Configuration is read and validated once, at start. Nothing else reads process.env.
import { z } from "zod";

const slackUserIds = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  )
  .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, "Slack user ids such as U0123ABCD, separated by commas")));

const optionalNonEmpty = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** What each variable expects, in the words the operator sees when it is wrong. */
export const CONFIG_HELP: Record<string, string> = {
  SLACK_BOT_TOKEN:
    "the bot token (xoxb-…) from your Slack app's 'OAuth & Permissions' page after installing it to the workspace",
  SLACK_SIGNING_SECRET: "the signing secret from your Slack app's 'Basic Information' page (needed in HTTP mode)",
  SLACK_APP_TOKEN:
    "an app-level token (xapp-…) with the connections:write scope, from 'Basic Information → App-Level Tokens' (turns on Socket Mode)",
  SLACK_API_URL: "the base URL of the Slack Web API, ending in /api/ (default https://slack.com/api/)",
  PORT: "the HTTP port, a whole number from 0 to 65535 (default 3000)",
  DATABASE_URL: "a postgres:// or postgresql:// URL; leave it unset for the embedded database in DATA_DIR",
  DATA_DIR: "a folder for the embedded database (default ./data)",
  TZ_NAME: "an IANA time zone such as Europe/Athens (default)",
  LOG_LEVEL: "one of fatal, error, warn, info, debug, trace, silent (default info)",
  DEFAULT_LOCALE: "el or en (default el)",
  ADMIN_USER_IDS: "Slack user ids such as U0123ABCD, separated by commas",
  MANAGER_USER_IDS: "Slack user ids such as U0123ABCD, separated by commas",
  ADMIN_CHANNEL_ID: "a Slack channel id such as C0123ABCD, where failed jobs are reported",
  CALENDAR_FEED_TOKEN:
    "a long random string (at least 24 letters and digits): turns on the events' calendar feed at /calendar/<token>.ics",
  INTL_CHANNEL_ID:
    "a Slack channel id such as C0123ABCD: the International Relations office's channel, for translation requests",
  PR_CHANNEL_ID:
    "a Slack channel id such as C0123ABCD: the PR office's channel, for name days, cards and holiday notes",
  MUNICIPALITY_NAME: "the municipality's name as the period reports' cover shows it, at most 120 characters",
  REDIS_URL: "a redis:// URL, to share Slack rate limits between several bot processes",
  CATCH_UP_HOURS: "how many hours back missed scheduled jobs are run at start (default 48)",
  SHUTDOWN_TIMEOUT_MS: "milliseconds to wait for work in flight at shutdown (default 8000)",
  COMMAND_REPEAT_SECONDS:
    "seconds within which the same person's same slash command and text is ignored as a repeat, 0 to 60 (default 3; 0 turns it off)",
  FETCH_ALLOW_LOOPBACK:
    "true or false (default false): let news feeds and linked pages be fetched from 127.0.0.1, for tests' local servers only",
};

const schema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xox[bp]-\S+$/, "must start with xoxb-"),
  SLACK_SIGNING_SECRET: optionalNonEmpty(z.string().min(8)),
  SLACK_APP_TOKEN: optionalNonEmpty(z.string().regex(/^xapp-\S+$/, "must start with xapp-")),
  SLACK_API_URL: optionalNonEmpty(z.url({ protocol: /^https?$/ })),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: optionalNonEmpty(z.string().regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// URL")),
  DATA_DIR: optionalNonEmpty(z.string()).default("./data"),
  TZ_NAME: optionalNonEmpty(z.string().refine(isTimeZone, "unknown time zone")).default("Europe/Athens"),
  LOG_LEVEL: optionalNonEmpty(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])).default("info"),
  DEFAULT_LOCALE: optionalNonEmpty(z.enum(["el", "en"])).default("el"),
  ADMIN_USER_IDS: optionalNonEmpty(slackUserIds).default([]),
  MANAGER_USER_IDS: optionalNonEmpty(slackUserIds).default([]),
  ADMIN_CHANNEL_ID: optionalNonEmpty(z.string().regex(/^[CG][A-Z0-9]{2,}$/, "a channel id such as C0123ABCD")),
  CALENDAR_FEED_TOKEN: optionalNonEmpty(
    z.string().regex(/^[A-Za-z0-9_-]{24,200}$/, "at least 24 letters, digits, - or _"),
  ),
  INTL_CHANNEL_ID: optionalNonEmpty(z.string().regex(/^[CG][A-Z0-9]{2,}$/, "a channel id such as C0123ABCD")),
  PR_CHANNEL_ID: optionalNonEmpty(z.string().regex(/^[CG][A-Z0-9]{2,}$/, "a channel id such as C0123ABCD")),
  MUNICIPALITY_NAME: optionalNonEmpty(z.string().trim().min(1).max(120)),
  REDIS_URL: optionalNonEmpty(z.string().regex(/^rediss?:\/\/.+/, "must be a redis:// URL")),
  CATCH_UP_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 14)
    .default(48),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(8000),
  COMMAND_REPEAT_SECONDS: z.coerce.number().min(0).max(60).default(3),
  FETCH_ALLOW_LOOPBACK: optionalNonEmpty(z.enum(["true", "false"])).default("false"),
});

const MODE_CREDENTIALS = "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET";

export interface Config {
  slack: {
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    mode: "socket" | "http";
  };
  port: number;
  databaseUrl?: string;
  dataDir: string;
  timeZone: string;
  logLevel: string;
  defaultLocale: "el" | "en";
  adminUserIds: string[];
  managerUserIds: string[];
  adminChannelId?: string;
  /** The PR office's channel: where the calendar's reminders go unless a job has its own. */
  prChannelId?: string;
  /** The International Relations office's channel: translation requests' cards. */
  intlChannelId?: string;
  /** The municipality's name on the period reports' cover («Δήμος Αμαρουσίου»); unset: «Δήμος». */
  municipalityName?: string;
  /** Turns on the events' calendar feed (a secret in its URL). */
  calendarFeedToken?: string;
  redisUrl?: string;
  catchUpHours: number;
  shutdownTimeoutMs: number;
  /** Milliseconds within which an identical slash command counts as a repeat (0: off). */
  commandRepeatMs: number;
  /** Fetching from 127.0.0.1 allowed (tests' local feed servers); never in production. */
  fetchAllowLoopback: boolean;
}

/**
 * The exit code of a start stopped by something the operator must fix in the configuration; 1 is
 * anything else that stopped the start (a supervisor starts it again).
 */
export const EXIT_CONFIG = 2;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(problems.map((p) => `${p.variable}: ${p.message}`).join("; "));
  }
}

/** Validates the environment. Never echoes a value back: a wrong value may still be a secret. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const result = schema.safeParse(env);
  const problems: { variable: string; message: string }[] = [];
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0] ?? "environment");
      if (seen.has(variable)) continue;
      seen.add(variable);
      const missing = env[variable] === undefined || env[variable] === "";
      const expected = CONFIG_HELP[variable] ?? issue.message;
      problems.push({
        variable,
        message: missing ? `is not set; expected ${expected}` : `is invalid (${issue.message}); expected ${expected}`,
      });
    }
  }
  // Checked apart from the schema so that it is reported together with any other problem.
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push({
      variable: MODE_CREDENTIALS,
      message:
        "is not set; expected an app-level token (xapp-…) for Socket Mode, as manifest.yml sets up, " +
        "or the signing secret for HTTP mode (both on the app's 'Basic Information' page)",
    });
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const e = result.data;
  let apiUrl = e.SLACK_API_URL;
  if (apiUrl && !apiUrl.endsWith("/")) apiUrl += "/";
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl,
      mode: e.SLACK_APP_TOKEN ? "socket" : "http",
    },
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    timeZone: e.TZ_NAME,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    adminUserIds: e.ADMIN_USER_IDS,
    managerUserIds: e.MANAGER_USER_IDS,
    adminChannelId: e.ADMIN_CHANNEL_ID,
    prChannelId: e.PR_CHANNEL_ID,
    municipalityName: e.MUNICIPALITY_NAME,
    intlChannelId: e.INTL_CHANNEL_ID,
    calendarFeedToken: e.CALENDAR_FEED_TOKEN,
    redisUrl: e.REDIS_URL,
    catchUpHours: e.CATCH_UP_HOURS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    commandRepeatMs: e.COMMAND_REPEAT_SECONDS * 1000,
    fetchAllowLoopback: e.FETCH_ALLOW_LOOPBACK === "true",
  };
}

/** What `npm start` prints when the configuration is wrong: one line a variable, then where to look. */
export function formatConfigError(error: ConfigError): string {
  const lines = error.problems.map((p) => `Configuration error: ${p.variable} ${p.message}.`);
  lines.push(
    "Create the Slack app from manifest.yml (https://api.slack.com/apps → Create New App → From a manifest), " +
      "install it, then put the values in .env (see .env.example and README.md).",
  );
  return lines.join("\n");
}

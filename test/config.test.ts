import { describe, expect, it } from "vitest";
import { ConfigError, formatConfigError, loadConfig } from "../src/app/config.js";

const base = { SLACK_BOT_TOKEN: "xoxb-1234-test", SLACK_SIGNING_SECRET: "abcdef0123456789" };

function problems(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("has sensible defaults: HTTP mode on 3000, embedded database, Athens, Greek", () => {
    const c = loadConfig(base);
    expect(c.slack.mode).toBe("http");
    expect(c).toMatchObject({
      port: 3000,
      dataDir: "./data",
      timeZone: "Europe/Athens",
      defaultLocale: "el",
      adminUserIds: [],
    });
    expect(c.databaseUrl).toBeUndefined();
  });

  it("turns on Socket Mode with an app token, where no signing secret is needed", () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1234-test", SLACK_APP_TOKEN: "xapp-1-A1-1234" });
    expect(c.slack.mode).toBe("socket");
  });

  it("reads admin ids, the database URL and a Slack API URL", () => {
    const c = loadConfig({
      ...base,
      ADMIN_USER_IDS: " U0123ABCD, U0456EFGH ,",
      DATABASE_URL: "postgres://u:p@127.0.0.1:5432/grafeio",
      SLACK_API_URL: "http://127.0.0.1:9999/api",
    });
    expect(c.adminUserIds).toEqual(["U0123ABCD", "U0456EFGH"]);
    expect(c.databaseUrl).toBe("postgres://u:p@127.0.0.1:5432/grafeio");
    expect(c.slack.apiUrl).toBe("http://127.0.0.1:9999/api/");
  });

  it.each([
    [{}, "SLACK_BOT_TOKEN", /is not set/],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET", /Socket Mode.*HTTP mode/],
    [{ ...base, SLACK_BOT_TOKEN: "not-a-token" }, "SLACK_BOT_TOKEN", /xoxb-/],
    [{ ...base, PORT: "http" }, "PORT", /whole number/],
    [{ ...base, DATABASE_URL: "mysql://x" }, "DATABASE_URL", /postgres/],
    [{ ...base, TZ_NAME: "Mars/Olympus" }, "TZ_NAME", /time zone/],
    [{ ...base, DEFAULT_LOCALE: "fr" }, "DEFAULT_LOCALE", /el or en/],
    [{ ...base, ADMIN_USER_IDS: "bob" }, "ADMIN_USER_IDS", /U0123ABCD/],
    [{ ...base, LOG_LEVEL: "loud" }, "LOG_LEVEL", /info/],
  ])("names the variable and what it expects: %j → %s", (env, variable, message) => {
    const found = problems(env as Record<string, string>).find((p) => p.variable === variable);
    expect(found?.message).toMatch(message);
  });

  it("never repeats a wrong value back, since it may be a secret", () => {
    const secretish = "xoxp-but-wrong space";
    const all = problems({ SLACK_BOT_TOKEN: secretish, SLACK_SIGNING_SECRET: "short" });
    const text = formatConfigError(new ConfigError(all));
    expect(text).not.toContain(secretish);
    expect(text).not.toContain("short\n");
  });
});

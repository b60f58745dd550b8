// `npm start` as an operator first runs it: its own command (tsx), no settings at all.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("the configuration of the process", () => {
  it("npm start with no Slack credentials says what to set and where to get it, exit code 2, no stack trace", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "grafeio-noenv-"));
    const tsx = new URL("../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
    const result = spawnSync(process.execPath, ["--import", tsx, path.resolve("src/app/main.ts")], {
      cwd, // no .env there
      env: { PATH: process.env.PATH },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^Configuration error: SLACK_BOT_TOKEN is not set; expected the bot token \(xoxb-…\)/);
    expect(result.stderr).toContain("SLACK_SIGNING_SECRET");
    expect(result.stderr).toContain("manifest.yml");
    expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});

// `npm start` as an operator first runs it: its own command (tsx), no settings at all.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsx = new URL("../node_modules/tsx/dist/loader.mjs", import.meta.url).href;

describe("the configuration of the process", () => {
  it("in production, npm start with no Slack credentials says what to set and where to get it, exit code 2, no stack trace", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "grafeio-noenv-"));
    const result = spawnSync(process.execPath, ["--import", tsx, path.resolve("src/app/main.ts")], {
      cwd, // no .env there
      env: { PATH: process.env.PATH, NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^Configuration error: SLACK_BOT_TOKEN is not set; expected the bot token \(xoxb-…\)/);
    expect(result.stderr).toContain("SLACK_SIGNING_SECRET");
    expect(result.stderr).toContain("manifest.yml");
    expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    // Nothing was written: no local workspace in production.
    expect(existsSync(path.join(cwd, "data"))).toBe(false);
  });

  it("elsewhere, npm start with no Slack token opens the local workspace in its own folder, says its address and how to use a real Slack, and stops on SIGTERM", async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "grafeio-local-"));
    const child = spawn(process.execPath, ["--import", tsx, path.resolve("src/app/main.ts")], {
      cwd,
      env: { PATH: process.env.PATH, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address within 90 s:\n${out}`)), 90_000);
      child.stdout.on("data", () => {
        const found = /Local workspace: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      exited.then(() => reject(new Error(`exited before the address:\n${out}`)));
    });
    expect(out).toContain("SLACK_BOT_TOKEN");
    const page = await fetch(address);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Grafeio");
    // Its data is in ./data/local, never in a real install's ./data.
    expect(existsSync(path.join(cwd, "data", "local", "LOCAL_WORKSPACE"))).toBe(true);
    expect(existsSync(path.join(cwd, "data", "grafeio.lock"))).toBe(false);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

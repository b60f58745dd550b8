// The local workspace as `npm start` runs it without Slack settings, in process: the workspace's
// server (page, Web API emulator) on a free port, the real bot in HTTP mode against it on the test
// database, the people's roles given, and the operator panel on the bot's own scheduler. Plus a
// headless Chromium (Debian's, /usr/bin/chromium) to open the page with.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { loadConfig } from "../../src/app/config.js";
import { type Bot, createBot } from "../../src/app/create-bot.js";
import { systemClock } from "../../src/lib/clock.js";
import { readManifest } from "../../src/local-workspace/manifest.js";
import { createOperatorPanel } from "../../src/local-workspace/operator.js";
import { fillSampleOffice } from "../../src/local-workspace/sample-office.js";
import { startWorkspaceServer, type WorkspaceServer } from "../../src/local-workspace/server.js";
import { LOCAL_STAFF, localBotEnv } from "../../src/local-workspace/start.js";
import { LocalWorkspace } from "../../src/local-workspace/workspace.js";
import { createJobRuntime, type JobRuntime } from "../../src/scheduling/runtime.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { captureLogs } from "./test-bot.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Without Chromium the browser tests are skipped, except in CI (`.ci/run` installs it). */
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI === "true")
  throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium (apt-get install -y chromium)`);

export interface LocalWorkspaceUnderTest {
  workspace: LocalWorkspace;
  server: WorkspaceServer;
  bot: Bot;
  jobs: JobRuntime;
  database: TestDatabase;
  logs: string[];
  url: string;
  stop(): Promise<void>;
}

export async function startLocalWorkspace(): Promise<LocalWorkspaceUnderTest> {
  const botToken = "xoxb-test-local";
  const signingSecret = "local-workspace-test-secret-0123456789";
  const workspace = new LocalWorkspace({
    botToken,
    signingSecret,
    manifest: readManifest(new URL("../../manifest.yml", import.meta.url)),
  });
  let operator: ReturnType<typeof createOperatorPanel> | undefined;
  const server = await startWorkspaceServer({
    workspace,
    port: 0,
    operator: {
      jobs: () => operator?.jobs() ?? Promise.resolve([]),
      runNow: (name) => operator?.runNow(name) ?? Promise.resolve("not ready"),
      sample: () => operator?.sample?.() ?? Promise.resolve("not ready"),
    },
  });
  const database = await createTestDatabase();
  const config = loadConfig({
    ...localBotEnv(
      { PATH: process.env.PATH, LOG_LEVEL: "info" },
      { botToken, signingSecret, apiUrl: `${server.url}api/`, dataDir: "memory://" },
    ),
    COMMAND_REPEAT_SECONDS: "0",
  });
  const { logs, logger } = captureLogs(config.logLevel);
  const bot = createBot({
    config,
    logger,
    db: database.db,
    clock: systemClock,
    senderOptions: { perChannelIntervalMs: 5, retryAfterUnitMs: 5 },
    formDeadlineMs: 60_000,
  });
  await bot.services.roles.ensureRoleHolders(config.adminUserIds, "admin");
  await bot.services.roles.ensureRoleHolders(config.managerUserIds, "manager");
  await bot.services.roles.ensureRoleHolders(LOCAL_STAFF, "staff");
  const { port } = await bot.start();
  workspace.botEndpoint = `http://127.0.0.1:${port}/slack/events`;
  // The scheduler is not ticking: the operator panel's "run now" is the only way a job runs here.
  const jobs = createJobRuntime({
    config,
    jobs: bot.jobs,
    services: bot.services,
    clock: systemClock,
    logger,
    sender: bot.sender,
    scheduler: { soleProcess: true },
  });
  operator = createOperatorPanel({
    scheduler: jobs.scheduler,
    clock: systemClock,
    sample: () => fillSampleOffice(bot.services, systemClock, config.timeZone),
  });
  return {
    workspace,
    server,
    bot,
    jobs,
    database,
    logs,
    url: server.url,
    async stop() {
      await jobs.stop(2000);
      await bot.stop(5000);
      await server.close();
      await database.dispose();
    },
  };
}

export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /**
   * With GRAFEIO_SCREENSHOTS=1, saves a screenshot into docs/screenshots (the README's). Otherwise
   * none is taken (a PNG of the page is Chromium's work and nobody's to read), but the page is left
   * as a screenshot would leave it, so the journeys run the same either way.
   */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Whether the journeys write the README's screenshots (`GRAFEIO_SCREENSHOTS=1`). */
export const writeScreenshots = process.env.GRAFEIO_SCREENSHOTS === "1";

/** Starts headless Chromium (its own process): can run while the workspace starts. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens the page at `url` in `browser` (launchChromium's, or a new one). */
export async function openBrowser(url: string, launched?: Browser): Promise<TestBrowser> {
  const browser = launched ?? (await launchChromium());
  const context = await browser.newContext({
    viewport: { width: 1280, height: 820 },
    acceptDownloads: true,
    locale: "el-GR",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector("[data-testid=composer]");
  const folder = path.resolve("docs/screenshots");
  if (writeScreenshots) mkdirSync(folder, { recursive: true });
  return {
    browser,
    context,
    page,
    async screenshot(name) {
      // The passing notices («Filling the sample office…») are not part of the screen shown.
      await page.evaluate("for (const n of document.querySelectorAll('.notice')) n.remove()");
      if (writeScreenshots) await page.screenshot({ path: path.join(folder, `${name}.png`) });
    },
    async close() {
      await browser.close();
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join("; ")}`);
    },
  };
}

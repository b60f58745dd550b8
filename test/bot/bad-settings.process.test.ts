// Bad settings, clear words: the real process (`npm start`) with each setting an operator can get
// wrong says one sentence naming what and where, exits 2, prints no stack trace and no secret.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pgConfigFromUrl } from "../../src/db/adapter.js";
import { ChildBot } from "../support/child-bot.js";
import { createProcessDatabase, onServer, testDatabaseUrl, uniqueDatabaseName } from "../support/database.js";
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from "../support/fake-slack.js";
import { SIGNING_SECRET } from "../support/test-bot.js";

const PASSWORD = "pw-s3cret-never-shown";

let fake: FakeSlack;
let apiUrl: string;
let scratch: string;
let bot: ChildBot | undefined;

beforeAll(async () => {
  fake = new FakeSlack();
  apiUrl = await fake.start();
  scratch = mkdtempSync(path.join(os.tmpdir(), "grafeio-bad-settings-"));
  // An ordinary user must be able to walk into it (the process may run as one, below).
  chmodSync(scratch, 0o755);
});
afterAll(async () => {
  await fake.stop();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
});

/** HTTP mode against the fake Slack, with the setting under test. */
function start(env: Record<string, string>, as?: { uid: number; gid: number }): ChildBot {
  bot = new ChildBot(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl, ...env },
    as,
  );
  return bot;
}

/** What every refusal must be: exit 2, its one sentence on stderr, no stack trace, no secret. */
async function refusedWith(child: ChildBot, sentence: RegExp, exitCode = 2): Promise<string> {
  const code = await child.exited;
  expect(code, child.output).toBe(exitCode);
  const lines = child.errorOutput.trim().split("\n");
  expect(lines, child.output).toHaveLength(1);
  expect(lines[0]).toMatch(sentence);
  expect(child.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(child.output).not.toContain('"stack"');
  for (const secret of [PASSWORD, BOT_TOKEN, APP_TOKEN, SIGNING_SECRET]) expect(child.output).not.toContain(secret);
  return lines[0] ?? "";
}

const isRoot = process.getuid?.() === 0;
/** Root writes anywhere: the unwritable folder is tried as an ordinary user (nobody). */
const ordinaryUser = isRoot ? { uid: 65534, gid: 65534 } : undefined;

describe("the embedded database's folder", () => {
  it("a DATA_DIR that cannot be written: names the folder and the user", async () => {
    const dir = path.join(scratch, "read-only");
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const line = await refusedWith(
      start({ DATA_DIR: path.join(dir, "data") }, ordinaryUser),
      /^DATA_DIR .*read-only\/data cannot be written by the user .* \(permission denied\)/,
    );
    expect(line).toContain("write access");
  });

  it("a DATA_DIR whose path runs through a file", async () => {
    const file = path.join(scratch, "a-file");
    writeFileSync(file, "not a folder");
    await refusedWith(start({ DATA_DIR: path.join(file, "data") }), /^DATA_DIR .*a-file\/data cannot be a folder/);
  });

  // A small disk of its own: a 1 MB tmpfs, which needs root (and a system that lets it mount).
  const full = path.join(os.tmpdir(), `grafeio-full-${process.pid}`);
  let mounted = false;
  if (isRoot) {
    try {
      mkdirSync(full, { recursive: true });
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", full], { stdio: "ignore" });
      mounted = true;
    } catch {
      mounted = false;
    }
  }
  afterAll(() => {
    if (mounted) execFileSync("umount", [full], { stdio: "ignore" });
    rmSync(full, { recursive: true, force: true });
  });

  it.skipIf(!mounted)("a DATA_DIR on a full disk (PGlite's own file error, which had no message)", async () => {
    await refusedWith(start({ DATA_DIR: path.join(full, "data") }), /^The disk that holds DATA_DIR .*\/data is full/);
  });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the PostgreSQL server", () => {
  it("refuses the connection: names host, port and database, never the password; exit 1, to be retried", async () => {
    const port = await closedPort();
    await refusedWith(
      start({ DATABASE_URL: `postgres://grafeio:${PASSWORD}@127.0.0.1:${port}/grafeio` }),
      new RegExp(`^The PostgreSQL server at 127\\.0\\.0\\.1:${port}/grafeio \\(DATABASE_URL\\) refused the connection`),
      // A server that is down may come back: exit 1, which the service restarts, not 2.
      1,
    );
  });

  const server = testDatabaseUrl ? pgConfigFromUrl(testDatabaseUrl) : undefined;
  const urlFor = (user: string, database: string) =>
    `postgres://${user}:${PASSWORD}@${server?.host}:${server?.port}/${database}`;

  it.skipIf(!server)("has no such database", async () => {
    const name = uniqueDatabaseName("grafeio_missing");
    await refusedWith(
      start({ DATABASE_URL: urlFor(server?.user ?? "postgres", name) }),
      new RegExp(`^The database ${name} does not exist on the PostgreSQL server at .*:${server?.port}/${name}`),
    );
  });

  it.skipIf(!server)("the role may not create the search's extensions: says which, and who can", async () => {
    const url = testDatabaseUrl ?? "";
    const role = uniqueDatabaseName("grafeio_noext");
    const database = uniqueDatabaseName("grafeio_noext");
    // A role that may use its database's schema but not create extensions in it.
    await onServer(url, `CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}'`);
    await onServer(url, `CREATE DATABASE ${database}`);
    try {
      await onServer(url.replace(/\/[^/]*$/, `/${database}`), `GRANT CREATE, USAGE ON SCHEMA public TO ${role}`);
      await refusedWith(
        start({ DATABASE_URL: urlFor(role, database) }),
        new RegExp(
          `^The role ${role} may not create the extension unaccent in .*/${database}: .*CREATE EXTENSION unaccent`,
        ),
      );
    } finally {
      await onServer(url, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await onServer(url, `DROP ROLE IF EXISTS ${role}`);
    }
  });
});

describe("Slack's tokens in Socket Mode", () => {
  let data: Awaited<ReturnType<typeof createProcessDatabase>>;
  beforeAll(async () => {
    data = await createProcessDatabase();
  });
  afterAll(async () => {
    await data?.dispose();
  });
  const socketMode = (tokens: Record<string, string>) =>
    start({ SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: APP_TOKEN, ...data.env, ...tokens });

  it("a wrong bot token", async () => {
    await refusedWith(
      socketMode({ SLACK_BOT_TOKEN: "xoxb-wrong-test-fake" }),
      /^Configuration error: Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)/,
    );
  });

  it("a wrong app-level token", async () => {
    await refusedWith(
      socketMode({ SLACK_APP_TOKEN: "xapp-1-A0001-wrong-test-fake" }),
      /^Configuration error: Slack rejected SLACK_APP_TOKEN \(invalid_auth\)/,
    );
  });

  it("an app-level token of another app", async () => {
    const asked = fake.callsTo("apps.connections.open").length;
    await refusedWith(
      socketMode({ SLACK_APP_TOKEN: "xapp-1-A0999-other-app-test-fake" }),
      /^Configuration error: SLACK_APP_TOKEN belongs to another Slack app \(A0999\) than SLACK_BOT_TOKEN \(A0001\)/,
    );
    // Refused before any connection was asked for.
    expect(fake.callsTo("apps.connections.open")).toHaveLength(asked);
  });
});

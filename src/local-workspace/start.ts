// `npm start` with no Slack token, outside production: the local workspace. The bot's settings are
// made here (a bot token and a signing secret generated for this run, the Web API at the
// workspace's own address, its own data folder), and the bot itself starts as it always does.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readManifest } from "./manifest.js";
import { type OperatorPanel, startWorkspaceServer, type WorkspaceServer } from "./server.js";
import { CHANNELS, LocalWorkspace, PEOPLE } from "./workspace.js";

/** The marker that says a folder holds a local workspace's data, not a real install's. */
const MARKER = "LOCAL_WORKSPACE";

/** No bot token and not in production: a newcomer trying Grafeio, not a server missing a setting. */
export function wantsLocalWorkspace(env: NodeJS.ProcessEnv): boolean {
  return !env.SLACK_BOT_TOKEN?.trim() && env.NODE_ENV !== "production";
}

export class LocalWorkspaceError extends Error {}

export interface PreparedWorkspace {
  /** The environment the bot is configured from (loadConfig), as if Slack had given it. */
  env: NodeJS.ProcessEnv;
  workspace: LocalWorkspace;
  server: WorkspaceServer;
  dataDir: string;
  /** Once the bot listens: where the workspace delivers to it. */
  connect(botPort: number): void;
  /** What `npm start` prints: the address, and how to use a real Slack instead. */
  banner(): string;
}

export async function prepareLocalWorkspace(
  env: NodeJS.ProcessEnv,
  options: { manifest?: URL; operator?: () => OperatorPanel | undefined } = {},
): Promise<PreparedWorkspace> {
  const dataDir = path.resolve(env.LOCAL_DATA_DIR?.trim() || "./data/local");
  claimFolder(dataDir, env);
  const botToken = `xoxb-local-${randomBytes(12).toString("hex")}`;
  const signingSecret = randomBytes(24).toString("hex");
  const manifest = readManifest(options.manifest ?? new URL("../../manifest.yml", import.meta.url));
  const workspace = new LocalWorkspace({ botToken, signingSecret, manifest });
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LocalWorkspaceError("PORT must be a whole number from 0 to 65535 (default 3000).");
  let server: WorkspaceServer;
  try {
    server = await startWorkspaceServer({
      workspace,
      port,
      operator: {
        jobs: () => options.operator?.()?.jobs() ?? Promise.resolve([]),
        runNow: (name) => options.operator?.()?.runNow(name) ?? Promise.resolve("not ready"),
        sample: () => options.operator?.()?.sample?.() ?? Promise.resolve("not ready"),
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "EADDRINUSE")
      throw new LocalWorkspaceError(
        `Port ${port} is in use (another Grafeio, or another program): set PORT to a free one, e.g. PORT=3100 npm start.`,
      );
    throw error;
  }
  const botEnv = localBotEnv(env, { botToken, signingSecret, apiUrl: `${server.url}api/`, dataDir });
  return {
    env: botEnv,
    workspace,
    server,
    dataDir,
    connect(botPort) {
      workspace.botEndpoint = `http://127.0.0.1:${botPort}/slack/events`;
    },
    banner() {
      return [
        `Local workspace: ${server.url}`,
        `  Grafeio runs against a Slack of its own on this machine (no Slack account needed); its data is in ${shown(dataDir)}.`,
        "  To connect to a real Slack instead: create the app from manifest.yml, then set SLACK_BOT_TOKEN and",
        "  SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) in .env (see README.md).",
      ].join("\n");
    },
  };
}

/**
 * The bot's settings in the local workspace: the generated token and secret, the emulator's Web
 * API, its own folder; the people's roles and the office's channels are the workspace's.
 */
export function localBotEnv(
  env: NodeJS.ProcessEnv,
  o: { botToken: string; signingSecret: string; apiUrl: string; dataDir: string },
): NodeJS.ProcessEnv {
  const byKind = (kind: string) =>
    PEOPLE.filter((p) => p.kind === kind)
      .map((p) => p.id)
      .join(",");
  return {
    ...env,
    SLACK_BOT_TOKEN: o.botToken,
    SLACK_SIGNING_SECRET: o.signingSecret,
    SLACK_APP_TOKEN: "",
    SLACK_API_URL: o.apiUrl,
    // The bot's own receiver, on a port of its own; only the workspace knows its signing secret.
    PORT: "0",
    // Never a real install's database: its own embedded one, in its own folder.
    DATABASE_URL: "",
    DATA_DIR: o.dataDir,
    REDIS_URL: "",
    ADMIN_USER_IDS: byKind("admin"),
    MANAGER_USER_IDS: byKind("manager"),
    PR_CHANNEL_ID: CHANNELS[0]?.id,
    INTL_CHANNEL_ID: CHANNELS[1]?.id,
    ADMIN_CHANNEL_ID: "",
    LOG_LEVEL: env.LOG_LEVEL?.trim() || "warn",
  };
}

/** A folder as the operator named it: relative to here when it is under here. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? `./${relative}` : dir;
}

/** Staff of the local office: the bot's admins and managers come from the configuration. */
export const LOCAL_STAFF = PEOPLE.filter((p) => p.kind === "staff" || p.kind === "translator").map((p) => p.id);

/**
 * The folder must be new, or a local workspace's (it has the marker): a real install's folder
 * (DATA_DIR's, or one with data and no marker) is never opened by the local workspace.
 */
function claimFolder(dataDir: string, env: NodeJS.ProcessEnv) {
  const real = path.resolve(env.DATA_DIR?.trim() || "./data");
  if (real === dataDir)
    throw new LocalWorkspaceError(
      `The local workspace keeps its data apart from a real install's: LOCAL_DATA_DIR and DATA_DIR are both ${dataDir}.`,
    );
  const marker = path.join(dataDir, MARKER);
  if (existsSync(dataDir) && !existsSync(marker) && readdirSync(dataDir).length > 0)
    throw new LocalWorkspaceError(
      `${dataDir} holds data that is not a local workspace's (no ${MARKER} file in it): the local workspace will not open it. Set LOCAL_DATA_DIR to another folder.`,
    );
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(marker))
    writeFileSync(
      marker,
      "This folder is Grafeio's local workspace (npm start without Slack settings). Delete it to start afresh.\n",
    );
}

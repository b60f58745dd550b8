// Grafeio's entry point (`npm start`). Only what reading the configuration takes is loaded here, so
// that a missing or wrong setting is told in about 0.3 s rather than after the whole bot has loaded
// (1.6 s; npm run bench:config-error); src/app/run.ts, loaded once the configuration is whole, runs
// the rest. test/entry-point.test.ts keeps run.ts and the bot out of this file's imports.
import dotenv from "dotenv";
import type { OperatorPanel } from "../local-workspace/server.js";
import {
  LocalWorkspaceError,
  type PreparedWorkspace,
  prepareLocalWorkspace,
  wantsLocalWorkspace,
} from "../local-workspace/start.js";
import { ConfigError, EXIT_CONFIG, formatConfigError, loadConfig } from "./config.js";

/** Set once run.ts is loaded: it knows whether a stop has begun. */
let run: typeof import("./run.js") | undefined;

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  // No Slack token and not in production: the local workspace (src/local-workspace) is the Slack
  // this bot talks to. In production a missing token stays a configuration error (exit 2).
  let local: PreparedWorkspace | undefined;
  const panel: { current?: OperatorPanel } = {};
  if (wantsLocalWorkspace(process.env)) {
    try {
      local = await prepareLocalWorkspace(process.env, { operator: () => panel.current });
    } catch (error) {
      if (error instanceof LocalWorkspaceError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(EXIT_CONFIG);
      }
      throw error;
    }
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(local?.env ?? process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${formatConfigError(error)}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  run = await import("./run.js");
  await run.runGrafeio(config, local, panel);
}

main().catch(async (error: unknown) => {
  // Whatever failed after a stop began was the stop's doing; the stop exits.
  if (run?.isStopping()) return;
  const { maskSecrets } = await import("./logger.js");
  process.stderr.write(`Grafeio could not start: ${maskSecrets(String((error as Error)?.message ?? error))}\n`);
  process.exit(1);
});

// A process that takes a data folder's lock, for the lock's tests:
//   tsx test/support/lock-holder.ts <folder> [--database]
// It waits for a line on stdin ("go", so that several start together), tries, prints
// "held" or the refusal's sentence, and keeps what it holds until stdin ends. With --database it
// opens the embedded database itself, as the bot does.
import { createInterface } from "node:readline";
import { DataDirLockedError, lockDataDir } from "../../src/db/data-dir-lock.js";
import { openDatabase } from "../../src/db/database.js";

const [dir = "", mode] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin });
const next = () => new Promise<string | undefined>((resolve) => lines.once("line", resolve).once("close", resolve));
console.log("ready");
await next();
try {
  if (mode === "--database") await openDatabase({ dataDir: dir, purpose: "a test holder" });
  // A stale lock is taken over after a pause, so that racing processes all judge it stale first.
  else
    lockDataDir(dir, "a test holder", {
      onStale: () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300),
    });
  console.log("held");
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.log(`refused: ${error.message}`);
}
await new Promise((resolve) => lines.once("close", resolve));
process.exit(0);

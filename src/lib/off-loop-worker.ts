// The render worker (see off-loop.ts): imports the module a request names, calls its export with the
// request's arguments, and sends the file back (its bytes moved, not copied).
import { parentPort } from "node:worker_threads";
import type { RenderReply, RenderRequest } from "./off-loop.js";

const port = parentPort;
if (!port) throw new Error("off-loop-worker.ts runs as a worker thread (src/lib/off-loop.ts starts it)");

port.on("message", async ({ id, moduleUrl, name, args }: RenderRequest) => {
  try {
    const module = (await import(moduleUrl)) as Record<string, unknown>;
    const render = module[name];
    if (typeof render !== "function") throw new Error(`${moduleUrl} exports no function ${name}`);
    const file = (await render(...args)) as Uint8Array;
    // A copy of exactly its bytes (a small Buffer is a view of a shared pool), whose memory is moved.
    const bytes = new Uint8Array(file);
    port.postMessage({ id, file: bytes } satisfies RenderReply, [bytes.buffer]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, error: { message: e.message, stack: e.stack } } satisfies RenderReply);
  }
});

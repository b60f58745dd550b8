// Renders that take the CPU for long (the PDF register of a busy month, its XLSX) run in a worker
// thread, so that the bot's event loop stays free to acknowledge Slack within its 3 s meanwhile.
// The render is an exported function of its own module, named by the module's URL and the function's
// name; the worker imports that module and calls it with the arguments, which are copied to it
// (structured clone: plain data, Dates, bigints, Maps; no functions) and gets the file back.
//
// One worker for the process, started at the first render (about a second and a half from source,
// less from dist/) and stopped after a minute without one (it holds pdfkit, exceljs and the fonts).
// Renders share its one thread: the machines have two cores, and the other is the bot's. A render
// that throws rejects its own promise only; a worker that dies rejects what it had, and the next
// render starts a new one. While a render is waited on the worker keeps the process alive; idle, not.
import type { Worker } from "node:worker_threads";
import { startWorkerThread } from "./worker-thread.js";

/** A render the worker can run: the arguments and the file it returns are copied across. */
export type Render<A extends unknown[]> = (...args: A) => Buffer | Promise<Buffer>;

export interface RenderRequest {
  id: number;
  moduleUrl: string;
  name: string;
  args: unknown[];
}

export type RenderReply = { id: number; file: Uint8Array } | { id: number; error: { message: string; stack?: string } };

const IDLE_MS = 60_000;

/** off-loop-worker.js in the build, off-loop-worker.ts through tsx from source (worker-thread.ts). */
function newWorker(): Worker {
  return startWorkerThread(import.meta.url, "off-loop-worker", { name: "grafeio-render" });
}

interface Pending {
  resolve: (file: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
let idleTimer: NodeJS.Timeout | undefined;

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function start(): Worker {
  const w = newWorker();
  w.on("message", (reply: RenderReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ("file" in reply) p.resolve(Buffer.from(reply.file.buffer, reply.file.byteOffset, reply.file.byteLength));
    else p.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    settle(w);
  });
  w.on("error", (error) => {
    if (worker === w) worker = undefined;
    failAll(error);
  });
  w.on("exit", (code) => {
    if (worker === w) worker = undefined;
    if (pending.size > 0) failAll(new Error(`the render worker stopped (exit code ${code})`));
  });
  return w;
}

/** Nothing left to render: the worker no longer keeps the process alive, and stops when idle long. */
function settle(w: Worker) {
  if (pending.size > 0) return;
  w.unref();
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker === w && pending.size === 0) {
      worker = undefined;
      void w.terminate();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

function run(request: Omit<RenderRequest, "id">): Promise<Buffer> {
  clearTimeout(idleTimer);
  worker ??= start();
  const w = worker;
  // A render waited on keeps the process alive (a script that awaits it must not exit first).
  w.ref();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      w.postMessage({ id, ...request } satisfies RenderRequest);
    } catch (error) {
      // Arguments that cannot be copied (a function among them): refused here, before the worker.
      pending.delete(id);
      settle(w);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * `render`, run in the render worker: `offLoop(import.meta.url, registerPdf)` in the module that
 * exports `registerPdf`. The worker imports that module and calls its export of the same name.
 */
export function offLoop<A extends unknown[]>(moduleUrl: string, render: Render<A>): (...args: A) => Promise<Buffer> {
  const name = render.name;
  if (!name) throw new Error("offLoop needs a named, exported render function");
  return (...args: A) => run({ moduleUrl, name, args });
}

/** Stops the render worker now (the bot's shutdown, tests); renders still waiting are rejected. */
export async function stopRenderWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  clearTimeout(idleTimer);
  if (w) await w.terminate();
}

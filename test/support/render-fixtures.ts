// Renders for test/off-loop.test.ts: what the render worker is, and what it does with a failure.
import { threadId } from "node:worker_threads";
import { offLoop } from "../../src/lib/off-loop.js";

/** The thread it ran on, as a "file". */
export function threadOf(): Buffer {
  return Buffer.from(String(threadId));
}

export function failing(reason: string): Buffer {
  throw new Error(`cannot render: ${reason}`);
}

/** Hands a function back: a render whose arguments the worker cannot be given. */
export function withCallback(callback: () => string): Buffer {
  return Buffer.from(callback());
}

export const threadOfOffLoop = offLoop(import.meta.url, threadOf);
export const failingOffLoop = offLoop(import.meta.url, failing);
export const withCallbackOffLoop = offLoop(import.meta.url, withCallback);

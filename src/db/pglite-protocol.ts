// What the bot's thread and the embedded database's worker thread say to each other
// (pglite-thread.ts, pglite-worker.ts). Only data crosses: no functions (a query's parsers are
// applied on the caller's side), errors as plain objects rebuilt on the other side.

export interface WorkerStart {
  dataDir: string;
  /** A dump to start from (`dumpDataDir()`), transferred, not copied. */
  loadDataDir?: ArrayBuffer;
}

export type Request =
  | {
      id: number;
      op: "query";
      tx?: number;
      sql: string;
      params: unknown[];
      rowMode?: "array" | "object";
      raw: number[];
    }
  | { id: number; op: "exec"; tx?: number; sql: string }
  | { id: number; op: "begin" }
  | { id: number; op: "rollback"; tx: number }
  /** The caller's callback is over: commit (unless rolled back), or roll back after its error. */
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "dump"; compression: "none" | "gzip" | "auto" }
  | { id: number; op: "close" };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: PlainError };

export type Notice = { type: "ready" } | { type: "open-failed"; error: PlainError };

/** An error's own fields that are plain values (PGlite's DatabaseError: code, severity, detail…). */
export interface PlainError {
  name: string;
  message: string;
  stack?: string;
  /** It was PGlite's `messages.DatabaseError` (a PostgreSQL error), to be rebuilt as one. */
  database: boolean;
  fields: Record<string, string | number | boolean | null | undefined>;
  cause?: PlainError;
}

/** Also for what is thrown but is no Error: PGlite's file errors are Emscripten's `ErrnoError`
 *  objects (a name and an errno, no message), which open-errors.ts reads by those fields. */
export function toPlainError(error: unknown, isDatabaseError: (e: unknown) => boolean, depth = 0): PlainError {
  if (typeof error !== "object" || error === null) {
    return { name: "Error", message: String(error), database: false, fields: {} };
  }
  const e = error as { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown };
  const fields: PlainError["fields"] = {};
  for (const key of Object.getOwnPropertyNames(error)) {
    if (["name", "message", "stack", "cause"].includes(key)) continue;
    const value = (error as Record<string, unknown>)[key];
    if (value === null || ["string", "number", "boolean", "undefined"].includes(typeof value)) {
      fields[key] = value as string | number | boolean | null | undefined;
    }
  }
  const plain: PlainError = {
    name: typeof e.name === "string" ? e.name : "Error",
    message: typeof e.message === "string" ? e.message : "",
    stack: typeof e.stack === "string" ? e.stack : undefined,
    database: isDatabaseError(error),
    fields,
  };
  if (e.cause !== undefined && depth < 3) plain.cause = toPlainError(e.cause, isDatabaseError, depth + 1);
  return plain;
}

// The bot's embedded database, PGlite, in a worker thread of its own (pglite-worker.ts). PGlite is
// PostgreSQL compiled to WebAssembly: a statement runs synchronously, and on the bot's thread 50
// concurrent requests' statements held back their acknowledgements for seconds (ack p99 4.3 s,
// 78 of 10,000 over Slack's 3 s). Here the bot's thread only sends messages and waits.
// This side has what the Prisma adapter, the migrator, the reader, the backup and the tests use of
// PGlite: query (with parsers, applied here), exec, transaction with rollback, dumpDataDir, close.
import type { Worker } from "node:worker_threads";
import { messages, type ParserOptions, type Results } from "@electric-sql/pglite";
import { startWorkerThread } from "../lib/worker-thread.js";
import type { Notice, PlainError, Reply, Request, WorkerStart } from "./pglite-protocol.js";

/** What Grafeio uses of a PGlite: PGlite itself has it, and so has the worker's client below. */
export interface PgliteConnection extends PgliteQueryable {
  transaction<T>(fn: (tx: PgliteTransaction) => Promise<T>): Promise<T>;
  dumpDataDir(compression?: "none" | "gzip" | "auto"): Promise<Blob>;
  close(): Promise<void>;
  readonly closed: boolean;
}

export interface PgliteQueryOptions {
  rowMode?: "array" | "object";
  parsers?: ParserOptions;
}

export interface PgliteQueryable {
  query<T>(sql: string, params?: unknown[], options?: PgliteQueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Array<Results>>;
}

export interface PgliteTransaction extends PgliteQueryable {
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** The client's own name in errors: the operator reads it in the log. */
const WHO = "the embedded database (PGlite's worker thread)";

function rebuildError(plain: PlainError): Error {
  const error: Error = plain.database
    ? new messages.DatabaseError(plain.message, Number(plain.fields.length ?? 0), plain.name as messages.MessageName)
    : new Error(plain.message);
  for (const [key, value] of Object.entries(plain.fields)) {
    if (key === "length" && plain.database) continue;
    (error as unknown as Record<string, unknown>)[key] = value;
  }
  if (!plain.database) error.name = plain.name;
  if (plain.cause) error.cause = rebuildError(plain.cause);
  // The worker's stack says where in PGlite; this thread's, which the caller needs, is kept first.
  if (plain.stack) error.stack = `${error.stack}\n    in ${WHO}: ${plain.stack.split("\n").slice(1, 4).join(" ")}`;
  return error;
}

/** Applies the caller's parsers to the columns the worker sent back as text (nulls stay null). */
function parseColumns<T>(result: Results<T>, rowMode: "array" | "object" | undefined, parsers: ParserOptions) {
  result.fields.forEach((field, i) => {
    const parse = parsers[field.dataTypeID];
    if (!parse) return;
    for (const row of result.rows as unknown[]) {
      if (rowMode === "array") {
        const values = row as unknown[];
        if (values[i] != null) values[i] = parse(values[i] as string);
      } else {
        const values = row as Record<string, unknown>;
        if (values[field.name] != null) values[field.name] = parse(values[field.name] as string);
      }
    }
  });
  return result;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Call = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

export interface PgliteWorkerClient extends PgliteConnection {
  /** Resolves once PGlite is open in the worker (openPgliteWorker waits for it). */
  readonly waitReady: Promise<void>;
}

/**
 * Starts the worker and opens PGlite in it (`memory://`, or a folder already locked by this
 * process: data-dir-lock.ts). Rejects with PGlite's own error when it cannot be opened (a full
 * disk's ErrnoError keeps its errno for open-errors.ts). A worker that dies (a crash, out of memory)
 * fails every waiting and later call with one clear error, and `closed` turns true.
 */
export async function openPgliteWorker(
  dataDir: string,
  {
    loadDataDir,
    onWorker,
  }: {
    loadDataDir?: Blob /** The tests: to stop the thread as a crash would. */;
    onWorker?: (worker: Worker) => void;
  } = {},
): Promise<PgliteWorkerClient> {
  const dump = loadDataDir ? await loadDataDir.arrayBuffer() : undefined;
  const start: WorkerStart = { dataDir, loadDataDir: dump };
  // pglite-worker.js in the build, pglite-worker.ts through tsx from source.
  const worker = startWorkerThread(import.meta.url, "pglite-worker", {
    name: "grafeio-pglite",
    workerData: start,
    transferList: dump ? [dump] : [],
  });
  onWorker?.(worker);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: Error | undefined;
  let closing = false;
  let closed = false;

  // The thread keeps the process alive only while something waits on it (as PGlite in this thread
  // did not keep it alive at all): a process that forgets to close the database still ends. Until
  // PGlite is open, the opening waits on it.
  const settle = () => {
    if (pending.size === 0) worker.unref();
  };

  let ready!: () => void;
  let failed!: (error: Error) => void;
  const waitReady = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  // Reported once, by whoever waits; not an unhandled rejection meanwhile.
  waitReady.catch(() => undefined);

  const die = (error: Error) => {
    if (dead) return;
    dead = error;
    closed = true;
    failed(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on("message", (message: Reply | Notice) => {
    if ("type" in message) {
      if (message.type === "ready") {
        ready();
        settle();
      } else {
        die(rebuildError(message.error));
        void worker.terminate();
      }
      return;
    }
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    settle();
    if (message.ok) p.resolve(message.value);
    else p.reject(rebuildError(message.error));
  });
  worker.on("error", (error) => die(new Error(`${WHO} failed: ${error.message}`, { cause: error })));
  worker.on("exit", (code) =>
    die(new Error(closing ? `${WHO} is closed` : `${WHO} stopped unexpectedly (exit code ${code})`)),
  );
  worker.on("messageerror", (error) => die(new Error(`${WHO}: a message could not be read`, { cause: error })));

  /** Sends one request; posted at once (synchronously), so requests arrive in the order called. */
  const call = <T>(request: Call): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    const promise = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
    worker.ref();
    try {
      worker.postMessage({ ...request, id });
    } catch (error) {
      pending.delete(id);
      settle();
      return Promise.reject(error);
    }
    return promise;
  };

  const queryable = (tx: number | undefined, isClosed: () => boolean): PgliteQueryable => ({
    async query<T>(sql: string, params: unknown[] = [], options: PgliteQueryOptions = {}) {
      if (isClosed()) throw new Error("Transaction is closed");
      const parsers = options.parsers ?? {};
      const result = await call<Results<T>>({
        op: "query",
        tx,
        sql,
        params,
        rowMode: options.rowMode,
        raw: Object.keys(parsers).map(Number),
      });
      return parseColumns(result, options.rowMode, parsers);
    },
    async exec(sql: string) {
      if (isClosed()) throw new Error("Transaction is closed");
      return call<Results[]>({ op: "exec", tx, sql });
    },
  });

  const client: PgliteWorkerClient = {
    ...queryable(undefined, () => false),
    waitReady,
    get closed() {
      return closed;
    },
    async transaction<T>(fn: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
      const id = await call<number>({ op: "begin" });
      let txClosed = false;
      const tx: PgliteTransaction = {
        ...queryable(id, () => txClosed),
        get closed() {
          return txClosed;
        },
        // Posted before it returns: the adapter calls it without waiting and ends the callback
        // at once, and the worker takes this transaction's requests in order.
        rollback() {
          if (txClosed) return Promise.reject(new Error("Transaction is closed"));
          txClosed = true;
          const done = call<void>({ op: "rollback", tx: id });
          done.catch(() => undefined);
          return done;
        },
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        txClosed = true;
        await call({ op: "end", tx: id, commit: false }).catch(() => undefined);
        throw error;
      }
      txClosed = true;
      await call({ op: "end", tx: id, commit: true });
      return result;
    },
    async dumpDataDir(compression = "none") {
      return new Blob([await call<ArrayBuffer>({ op: "dump", compression })]);
    },
    async close() {
      if (closed) return;
      closing = true;
      try {
        await call({ op: "close" });
      } finally {
        closed = true;
        await worker.terminate();
      }
    },
  };
  try {
    await waitReady;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return client;
}

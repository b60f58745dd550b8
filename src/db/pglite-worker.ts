// The embedded database's worker thread: PGlite runs here, so that its statements (PostgreSQL in
// WebAssembly, synchronous while they run) never hold the bot's event loop, where Slack's requests
// are acknowledged. The bot's side is pglite-thread.ts; the messages are in pglite-protocol.ts.
import { parentPort, workerData } from "node:worker_threads";
import { messages, type PGlite, type Transaction } from "@electric-sql/pglite";
import { openPglite } from "./pglite-open.js";
import { type Notice, type Reply, type Request, toPlainError, type WorkerStart } from "./pglite-protocol.js";

if (!parentPort) throw new Error("pglite-worker.ts runs as a worker thread (see pglite-thread.ts)");
const port = parentPort;

const isDatabaseError = (e: unknown) => e instanceof messages.DatabaseError;
const keepText = (value: string) => value;

interface OpenTransaction {
  tx: Transaction;
  /** Ends PGlite's transaction callback: resolved commits (unless rolled back), rejected rolls back. */
  finish: { resolve: () => void; reject: (error: unknown) => void };
  /** What PGlite's transaction() returns, once committed or rolled back. */
  done: Promise<unknown>;
  /** This transaction's requests, one after the other, in the order they were sent. */
  queue: Promise<unknown>;
}

const { dataDir, loadDataDir } = workerData as WorkerStart;
/** PGlite, or undefined when it could not be opened (the bot's side is told, and ends this thread). */
async function open(): Promise<PGlite | undefined> {
  try {
    return await openPglite(dataDir, { loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined });
  } catch (error) {
    port.postMessage({ type: "open-failed", error: toPlainError(error, isDatabaseError) } satisfies Notice);
    return undefined;
  }
}
const opened = await open();
if (opened) serve(opened);

function serve(pglite: PGlite) {
  const transactions = new Map<number, OpenTransaction>();
  let nextTransaction = 1;

  /** Starts PGlite's transaction and holds its callback open until the bot's side ends it. */
  function begin(): Promise<number> {
    const id = nextTransaction++;
    return new Promise<number>((started, failed) => {
      const done = pglite
        .transaction(async (tx) => {
          const finished = new Promise<void>((resolve, reject) => {
            transactions.set(id, { tx, finish: { resolve, reject }, done, queue: Promise.resolve() });
          });
          started(id);
          await finished;
        })
        .finally(() => transactions.delete(id));
      // BEGIN itself failed: the callback never ran.
      done.catch(failed);
    });
  }

  function transaction(id: number): OpenTransaction {
    const open = transactions.get(id);
    if (!open) throw new Error(`no open transaction ${id} in the embedded database`);
    return open;
  }

  async function handle(request: Request): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> {
    switch (request.op) {
      case "query": {
        // The caller's parsers are functions, which cannot cross: their columns come back as the text
        // PostgreSQL sent, and the caller parses them.
        const parsers = Object.fromEntries(request.raw.map((oid) => [oid, keepText]));
        const on = request.tx === undefined ? pglite : transaction(request.tx).tx;
        const { rows, fields, affectedRows } = await on.query(request.sql, request.params, {
          rowMode: request.rowMode,
          parsers,
        });
        return { value: { rows, fields, affectedRows } };
      }
      case "exec": {
        const on = request.tx === undefined ? pglite : transaction(request.tx).tx;
        const results = await on.exec(request.sql);
        return { value: results.map(({ rows, fields, affectedRows }) => ({ rows, fields, affectedRows })) };
      }
      case "begin":
        return { value: await begin() };
      case "rollback":
        await transaction(request.tx).tx.rollback();
        return { value: undefined };
      case "end": {
        const open = transaction(request.tx);
        if (request.commit) open.finish.resolve();
        else open.finish.reject(new Error("rolled back after the caller's error"));
        try {
          await open.done;
        } catch (error) {
          // The caller has its own error already; a failed COMMIT is news to it.
          if (request.commit) throw error;
        }
        return { value: undefined };
      }
      case "dump": {
        const bytes = await (await pglite.dumpDataDir(request.compression)).arrayBuffer();
        return { value: bytes, transfer: [bytes] };
      }
      case "close":
        await pglite.close();
        return { value: undefined };
    }
  }

  port.on("message", (request: Request) => {
    const run = () =>
      handle(request).then(
        ({ value, transfer }) => port.postMessage({ id: request.id, ok: true, value } satisfies Reply, transfer ?? []),
        (error: unknown) =>
          port.postMessage({ id: request.id, ok: false, error: toPlainError(error, isDatabaseError) } satisfies Reply),
      );
    const txId = "tx" in request ? request.tx : undefined;
    const open = txId === undefined ? undefined : transactions.get(txId);
    if (open) open.queue = open.queue.then(run);
    else void run();
  });

  port.postMessage({ type: "ready" } satisfies Notice);
}

// One process per embedded database. PGlite is PostgreSQL as a library: one connection, inside the
// process that opened the folder, with no server to keep a second process out. Two processes on one
// folder each believe they own it: the second's writes are lost to the first, and its recovery of
// the WAL under the first's feet can leave that one spinning, answering nothing. So the folder is
// locked by a file in it, taken before PGlite touches anything there, and a second opener is
// refused at once with the holder's name.
//
// Taking the lock is one atomic step: the holder's record is written to a file of its own, then
// hard-linked to the lock's name, which fails when the name exists (O_EXCL's guarantee, with the
// record complete the moment the name appears). A lock left by a dead process on this host is taken
// over, never by check-then-write: the right to remove that one stale lock is itself a file created
// the same exclusive way (named after the stale lock), so one process only removes it, and only
// while it is still that stale one; then the lock is taken again like a new one.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export const LOCK_FILE = "grafeio.lock";

/** What the lock file says about the process that holds the folder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When it took the lock (ISO). */
  since: string;
  /** What it is, in words for the operator: "the Grafeio bot (npm start)". */
  purpose: string;
  /** Tells this holding apart from an earlier one with the same pid. */
  nonce: string;
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock (only if it is still this holder's). */
  release(): void;
}

/** The folder is held by another process: `message` is the one sentence to show the operator. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
    message: string,
  ) {
    super(message);
    this.name = "DataDirLockedError";
  }
}

const DEFAULT_ADVICE =
  "stop that process first, or set DATABASE_URL to a PostgreSQL server, which several processes can share";

/** The locks this process holds, by file: a second open in the same process is refused too. */
const held = new Map<string, string>();

/**
 * Locks `dataDir` for this process, or throws DataDirLockedError naming the holder. `purpose` is
 * what this process is ("a job run (npm run job)"); `advice` ends the refusal's sentence.
 */
export function lockDataDir(
  dataDir: string,
  purpose: string,
  {
    advice,
    onStale,
  }: {
    advice?: string;
    /** Called when a lock was judged stale, before taking it over (tests widen that window). */
    onStale?: () => void;
  } = {},
): DataDirLock {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    purpose,
    nonce: randomBytes(12).toString("hex"),
  };
  // Each turn either takes the lock, refuses, or saw the file change under it (another process
  // released it or is taking it over at that instant) and looks again. The lock is read first, so
  // that a refused process leaves no trace at all in the folder; the exclusive creation decides.
  for (let turn = 0; turn < 100; turn++) {
    if (turn > 0) pause(10);
    const current = readLock(file);
    if (current === "missing") {
      if (createExclusively(file, `${JSON.stringify(mine)}\n`)) return holding(file, mine);
      continue;
    }
    if (current === "unreadable") {
      throw new DataDirLockedError(
        dir,
        undefined,
        `The embedded database in ${dir} is locked by ${file}, which cannot be read; if no Grafeio process uses this folder, delete that file and try again.`,
      );
    }
    if (holderState(file, current) !== "dead") throw refusal(dir, current, advice ?? DEFAULT_ADVICE);
    onStale?.();
    removeStale(file, current, mine);
  }
  throw new DataDirLockedError(
    dir,
    undefined,
    `The embedded database in ${dir} is being locked and unlocked by other processes right now; try again in a moment.`,
  );
}

/** The live process holding `dataDir`, if any (a stale or missing lock gives undefined). */
export function liveLockHolder(dataDir: string): LockHolder | undefined {
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  const current = readLock(file);
  if (current === "missing" || current === "unreadable") return undefined;
  return holderState(file, current) === "dead" ? undefined : current;
}

function refusal(dir: string, holder: LockHolder, advice: string): DataDirLockedError {
  const where = holder.host === hostname() ? "" : ` on host ${holder.host}`;
  const since = Number.isNaN(Date.parse(holder.since))
    ? "an unknown time"
    : `${new Date(holder.since).toISOString().slice(0, 19).replace("T", " ")} UTC`;
  return new DataDirLockedError(
    dir,
    holder,
    `The embedded database in ${dir} is already open in ${holder.purpose} (pid ${holder.pid}${where}, since ${since}); ${advice}.`,
  );
}

function holding(file: string, mine: LockHolder): DataDirLock {
  held.set(file, mine.nonce);
  // A process that exits without closing the database (process.exit after a failed start) leaves
  // no lock behind; one that is killed does, and the next opener finds its pid dead.
  const onExit = () => removeIfMine(file, mine.nonce);
  process.on("exit", onExit);
  return {
    file,
    holder: mine,
    release() {
      if (held.get(file) !== mine.nonce) return;
      held.delete(file);
      process.off("exit", onExit);
      removeIfMine(file, mine.nonce);
    },
  };
}

function removeIfMine(file: string, nonce: string) {
  const current = readLock(file);
  if (typeof current === "object" && current.nonce === nonce) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}

/** Creates `file` with `content` only if no such name exists; false if it does. */
function createExclusively(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeDurably(temp, content, "wx");
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if (code(error) === "EEXIST") return false;
    // A file system without hard links: O_EXCL on the name itself (the record is written a moment
    // after the name appears; a reader in that moment sees an empty file and refuses).
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes(code(error) ?? "")) throw error;
    try {
      writeDurably(file, content, "wx");
      return true;
    } catch (inner) {
      if (code(inner) === "EEXIST") return false;
      throw inner;
    }
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
}

function writeDurably(file: string, content: string, flag: "wx") {
  const fd = openSync(file, flag, 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the stale lock `stale`, if this process wins the right to: a file named after that lock,
 * created exclusively. Whoever creates it removes the lock only if it is still the stale one (no
 * one else may remove that one, and no one can put another in its place while it is there).
 */
function removeStale(file: string, stale: LockHolder, mine: LockHolder) {
  const right = `${file}.takeover-${stale.nonce}`;
  if (!createExclusively(right, `${JSON.stringify({ ...mine, purpose: "taking over a stale lock" })}\n`)) {
    // Another process is taking it over at this instant, or died doing so: then its right is
    // stale too, and is removed (moved aside, and put back should it not be the dead one's).
    const other = readLock(right);
    if (typeof other === "object" && holderState(right, other) === "dead") moveAsideIfStill(right, other.nonce);
    return;
  }
  try {
    const current = readLock(file);
    if (typeof current === "object" && current.nonce === stale.nonce) unlinkSync(file);
  } finally {
    unlinkSync(right);
  }
}

/** Renames `file` aside and deletes it if it is still the one with `nonce`, else puts it back. */
function moveAsideIfStill(file: string, nonce: string) {
  const aside = `${file}.stale.${process.pid}.${randomBytes(6).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if (code(error) === "ENOENT") return;
    throw error;
  }
  const moved = readLock(aside);
  if (!(typeof moved === "object" && moved.nonce === nonce)) {
    try {
      linkSync(aside, file);
    } catch {
      // Another process has the name now.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Already gone.
  }
}

/** A short synchronous wait: taking the lock is synchronous, before anything else runs. */
function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readLock(file: string): LockHolder | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return code(error) === "ENOENT" ? "missing" : "unreadable";
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof value.pid === "number" &&
      typeof value.host === "string" &&
      typeof value.since === "string" &&
      typeof value.purpose === "string" &&
      typeof value.nonce === "string"
    ) {
      return value as LockHolder;
    }
  } catch {
    // Falls through.
  }
  return "unreadable";
}

/**
 * Whether the holder still runs. Only a process on this host can be checked; one elsewhere (a
 * folder on a shared disk) counts as alive. A live pid is also checked to be the process that took
 * the lock, not a later one given the same number (a container's bot is pid 1 every time).
 */
function holderState(file: string, holder: LockHolder): "alive" | "dead" | "elsewhere" {
  if (holder.host !== hostname()) return "elsewhere";
  if (holder.pid === process.pid) return held.get(file) === holder.nonce ? "alive" : "dead";
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (code(error) === "ESRCH") return "dead";
  }
  const started = processStartTime(holder.pid);
  const locked = Date.parse(holder.since);
  // A process starts before it takes a lock; the margin covers /proc's one-second boot time.
  if (started !== undefined && !Number.isNaN(locked) && started > locked + 2000) return "dead";
  return "alive";
}

/** When a process started (ms since the epoch), from Linux's /proc; undefined elsewhere. */
function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name, in parentheses, may hold spaces: the fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]); // field 22, starttime, in clock ticks since boot
    const bootLine = /^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"));
    if (!bootLine || !Number.isFinite(ticks)) return undefined;
    // USER_HZ, the unit of /proc's times, is 100 on Linux for x86 and ARM.
    return Number(bootLine[1]) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

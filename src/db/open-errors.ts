// What the operator is told when the database cannot be opened for a reason only they can fix: a
// DATA_DIR that cannot be written or is on a full disk, a PostgreSQL server that refuses the
// connection or the login, a database that does not exist, an extension the role may not create.
// One sentence naming what and where (never the password), instead of the driver's message or a
// stack trace; main.ts exits with code 2 for these.
import os from "node:os";
import path from "node:path";

export interface DatabaseWhere {
  databaseUrl?: string;
  dataDir: string;
}

/**
 * PGlite runs PostgreSQL in WebAssembly: its file errors come as `ErrnoError` with WASI's numbers
 * and an empty message, hence «Could not open the database: undefined» before. The ones that
 * matter here, by their POSIX names.
 */
const WASI_ERRNO: Record<number, string> = {
  2: "EACCES",
  19: "EDQUOT",
  51: "ENOSPC",
  54: "ENOTDIR",
  63: "EPERM",
  69: "EROFS",
};

interface ErrorLike {
  name?: string;
  code?: string;
  errno?: number;
  message?: string;
  cause?: unknown;
}

/** The error and its causes, outermost first (a migration's error wraps the server's). */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e = error as ErrorLike | undefined;
  for (let i = 0; e && typeof e === "object" && i < 5; i++) {
    out.push(e);
    // Several addresses tried at once (IPv4 and IPv6): the first says enough.
    const errors = (e as { errors?: unknown[] }).errors;
    e = (e.cause ?? (Array.isArray(errors) ? errors[0] : undefined)) as ErrorLike | undefined;
  }
  return out;
}

function fileErrorCode(e: ErrorLike): string | undefined {
  if (typeof e.code === "string" && /^E[A-Z]+$/.test(e.code)) return e.code;
  if (e.name === "ErrnoError" && typeof e.errno === "number") return WASI_ERRNO[e.errno];
  return undefined;
}

function whoRuns(): string {
  try {
    const u = os.userInfo();
    return `the user ${u.username} (uid ${u.uid}) that runs Grafeio`;
  } catch {
    return "the user that runs Grafeio";
  }
}

/** The sentence for an embedded database's folder, or undefined. */
function dataDirProblem(code: string | undefined, dataDir: string): string | undefined {
  const dir = path.resolve(dataDir);
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `DATA_DIR ${dir} cannot be written by ${whoRuns()} (permission denied): give that user write access to the folder, or set DATA_DIR to one it can write.`;
    case "EROFS":
      return `DATA_DIR ${dir} is on a read-only file system: set DATA_DIR to a folder on a writable disk.`;
    case "ENOTDIR":
      return `DATA_DIR ${dir} cannot be a folder: a part of that path is a file. Set DATA_DIR to a folder.`;
    case "ENOSPC":
    case "EDQUOT":
      return `The disk that holds DATA_DIR ${dir} is full${code === "EDQUOT" ? " (the user's quota)" : ""}: free some space there, or move DATA_DIR to a disk with room, then start again.`;
    default:
      return undefined;
  }
}

/** Where a PostgreSQL database is: host:port/database, never the credentials. */
function server(url: string): { where: string; host: string; user: string; database: string } {
  try {
    const u = new URL(url);
    const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(the user's default)";
    return {
      where: `${u.hostname}:${u.port || 5432}/${database}`,
      host: u.hostname,
      user: decodeURIComponent(u.username) || "(the default user)",
      database,
    };
  } catch {
    return { where: "(unreadable DATABASE_URL)", host: "?", user: "?", database: "?" };
  }
}

function postgresProblem(errors: ErrorLike[], url: string): string | undefined {
  const s = server(url);
  for (const e of errors) {
    const message = e.message ?? "";
    const extension = /extension "([^"]+)"/.exec(message)?.[1] ?? /\/([a-z_]+)\.control"/.exec(message)?.[1];
    switch (e.code) {
      case "ECONNREFUSED":
        return `The PostgreSQL server at ${s.where} (DATABASE_URL) refused the connection: start it, or correct the host and port in DATABASE_URL.`;
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return `The host ${s.host} of DATABASE_URL is not known: correct the host name in DATABASE_URL.`;
      case "ETIMEDOUT":
      case "EHOSTUNREACH":
      case "ENETUNREACH":
        return `The PostgreSQL server at ${s.where} (DATABASE_URL) cannot be reached (${e.code}): check the host, the port and the firewall.`;
      case "28P01":
      case "28000":
        return `The PostgreSQL server at ${s.where} refused the login of the role ${s.user} (${message}): correct the user and password in DATABASE_URL, or the server's pg_hba.conf.`;
      case "3D000":
        return `The database ${s.database} does not exist on the PostgreSQL server at ${s.where}: create it (CREATE DATABASE ${s.database} OWNER ${s.user}), or correct DATABASE_URL.`;
      case "42501":
        if (extension)
          return `The role ${s.user} may not create the extension ${extension} in ${s.where}: have the database's owner or a superuser run CREATE EXTENSION ${extension}; there once (or grant ${s.user} CREATE on the database), then start again.`;
        return `The role ${s.user} lacks a right it needs in ${s.where} (${message}): make it the database's owner, or grant it CREATE on the database and its schema.`;
      case "58P01":
      case "0A000":
        if (extension)
          return `The PostgreSQL server at ${s.where} does not have the extension ${extension} installed: install the server's contrib package (postgresql-contrib on Debian and Ubuntu), then start again.`;
        break;
      default:
        break;
    }
  }
  return undefined;
}

/**
 * Whether the database may come back by itself (a server that is down or not reachable yet, as
 * at boot): the bot then exits 1, which a supervisor retries, instead of 2, which it must not.
 */
export function isPassingDatabaseProblem(error: unknown): boolean {
  return chain(error).some((e) =>
    ["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"].includes(e.code ?? ""),
  );
}

/** One sentence for what the operator must fix, or undefined when the error is something else. */
export function explainDatabaseError(error: unknown, where: DatabaseWhere): string | undefined {
  const errors = chain(error);
  if (where.databaseUrl) return postgresProblem(errors, where.databaseUrl);
  for (const e of errors) {
    const problem = dataDirProblem(fileErrorCode(e), where.dataDir);
    if (problem) return problem;
  }
  return undefined;
}

// The local workspace's one port (127.0.0.1 only): the page and its small API for the browser,
// live updates as Server-Sent Events, the files the bot uploaded, and Slack's Web API for the bot
// (the emulator's paths: /api/, /response/, /upload/, /files-pri/).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { SlackApiEmulator } from "../slack-emulator/web-api.js";
import type { Json } from "./delivery.js";
import type { LocalWorkspace } from "./workspace.js";

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/client.js": { file: "client.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
};

/** What the operator panel needs of the running bot (its scheduler, through the same claim). */
export interface OperatorPanel {
  jobs(): Promise<{ name: string; schedule: string; description?: string; next: string | null; last: string | null }[]>;
  runNow(name: string): Promise<string>;
  /** Fills the database with a sample office, through the areas' services. */
  sample?(): Promise<string>;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A picked file up to 10 MB (in base64, 4 characters for 3 bytes); the page's other requests up to 1 MB. */
const MAX_PICKED_FILE_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4;
const MAX_BODY = 1_000_000;

const userId = z.string().regex(/^U[A-Z0-9]{2,}$/);
const json = z.record(z.string(), z.unknown());
const bodies = {
  write: z.object({
    user: userId,
    channel: z.string().max(40),
    text: z.string().max(4000),
    threadTs: z.string().optional(),
  }),
  act: z.object({
    user: userId,
    channel: z.string().max(40).optional(),
    ts: z.string().max(40).optional(),
    viewId: z.string().max(40).optional(),
    action: json,
    state: json.optional(),
  }),
  options: z.object({ user: userId, viewId: z.string().max(40).optional(), action: json, value: z.string().max(200) }),
  submit: z.object({ user: userId, viewId: z.string().max(40), state: json }),
  close: z.object({ user: userId, viewId: z.string().max(40) }),
  shortcut: z.object({
    user: userId,
    channel: z.string().max(40),
    ts: z.string().max(40),
    callbackId: z.string().max(255),
  }),
  home: z.object({ user: userId }),
  // A file picked in a form's file input, its bytes in base64 (Slack takes a CSV of a few MB).
  file: z.object({
    user: userId,
    name: z.string().min(1).max(255),
    data: z
      .string()
      .max(MAX_PICKED_FILE_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  }),
  person: z.object({
    user: userId,
    name: z.string().min(1).max(80),
    locale: z.enum(["el-GR", "en-US"]),
    tz: z.string().max(64),
  }),
  run: z.object({ job: z.string().max(100) }),
};

export interface WorkspaceServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startWorkspaceServer(o: {
  workspace: LocalWorkspace;
  port: number;
  operator?: OperatorPanel;
}): Promise<WorkspaceServer> {
  const { workspace } = o;
  const pageDir = new URL("./page/", import.meta.url);
  const streams = new Set<ServerResponse>();
  workspace.onChange(() => {
    for (const res of streams) res.write(`data: ${workspace.stateVersion}\n\n`);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (SlackApiEmulator.handles(url.pathname)) return workspace.api.handle(req, res);
    const page = PAGE_FILES[url.pathname];
    if (page && req.method === "GET") {
      res.writeHead(200, { "content-type": page.type, "cache-control": "no-store" });
      res.end(readFileSync(new URL(page.file, pageDir)));
      return;
    }
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    if (url.pathname === "/ui/events" && req.method === "GET") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      res.write(`data: ${workspace.stateVersion}\n\n`);
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return;
    }
    if (url.pathname === "/ui/state" && req.method === "GET") {
      const user = userId.safeParse(url.searchParams.get("user"));
      if (!user.success || !workspace.people.has(user.data)) return send(res, 400, { error: "unknown person" });
      return send(res, 200, workspace.snapshot(user.data));
    }
    const file = /^\/files\/(F[A-Z0-9]+)\/[^/]*$/.exec(url.pathname);
    if (file && req.method === "GET") {
      const found = workspace.file(file[1] ?? "");
      if (!found) return send(res, 404, { error: "no such file" });
      res.writeHead(200, {
        "content-type": found.mimetype,
        "content-length": String(found.bytes.byteLength),
        "content-disposition": `${url.searchParams.has("inline") ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(found.name)}`,
      });
      res.end(found.bytes);
      return;
    }
    if (req.method !== "POST") return send(res, 404, { error: "not found" });
    // Only this page may act: a JSON body (another site's page cannot send one without a CORS
    // preflight, which is never granted) addressed to this machine by name (no DNS rebinding).
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    if (!String(req.headers["content-type"] ?? "").startsWith("application/json") || !LOCAL_HOSTS.has(host))
      return send(res, 403, { error: "only the local workspace's page may do this" });
    const raw = await readBody(req, url.pathname === "/ui/file" ? MAX_PICKED_FILE_BASE64 + 1000 : MAX_BODY);
    if (raw === undefined) return send(res, 413, { error: "too large" });
    let body: unknown;
    try {
      body = JSON.parse(raw || "{}");
    } catch {
      return send(res, 400, { error: "not JSON" });
    }
    const parse = <T extends z.ZodTypeAny>(schema: T): z.infer<T> | undefined => {
      const r = schema.safeParse(body);
      if (!r.success) send(res, 400, { error: r.error.issues[0]?.message ?? "bad request" });
      return r.success ? r.data : undefined;
    };
    switch (url.pathname) {
      case "/ui/write": {
        const b = parse(bodies.write);
        if (!b) return;
        const problem = await workspace.write(b.user, b.channel, b.text, b.threadTs);
        return send(res, 200, { ok: !problem, problem });
      }
      case "/ui/act": {
        const b = parse(bodies.act);
        if (!b) return;
        const where = b.viewId ? { viewId: b.viewId } : { channel: b.channel ?? "", ts: b.ts ?? "" };
        await workspace.act(b.user, where, b.action, b.state ?? {});
        return send(res, 200, { ok: true });
      }
      case "/ui/options": {
        const b = parse(bodies.options);
        if (!b) return;
        return send(res, 200, { options: await workspace.options(b.user, b.viewId, b.action, b.value) });
      }
      case "/ui/submit": {
        const b = parse(bodies.submit);
        if (!b) return;
        await workspace.submit(b.user, b.viewId, b.state);
        return send(res, 200, { ok: true });
      }
      case "/ui/close": {
        const b = parse(bodies.close);
        if (!b) return;
        await workspace.close(b.user, b.viewId);
        return send(res, 200, { ok: true });
      }
      case "/ui/shortcut": {
        const b = parse(bodies.shortcut);
        if (!b) return;
        await workspace.shortcut(b.user, b.channel, b.ts, b.callbackId);
        return send(res, 200, { ok: true });
      }
      case "/ui/home": {
        const b = parse(bodies.home);
        if (!b) return;
        await workspace.openHome(b.user);
        return send(res, 200, { ok: true });
      }
      case "/ui/file": {
        const b = parse(bodies.file);
        if (!b) return;
        if (!workspace.people.has(b.user)) return send(res, 400, { error: "unknown person" });
        return send(res, 200, { file: workspace.pickFile(b.user, b.name, Buffer.from(b.data, "base64")) });
      }
      case "/ui/person": {
        const b = parse(bodies.person);
        if (!b) return;
        const person = workspace.people.get(b.user);
        if (!person) return send(res, 400, { error: "unknown person" });
        workspace.setPerson({ ...person, name: b.name, locale: b.locale, tz: b.tz });
        return send(res, 200, { ok: true });
      }
      case "/ui/jobs":
        return send(res, 200, { jobs: o.operator ? await o.operator.jobs() : [] });
      case "/ui/run": {
        const b = parse(bodies.run);
        if (!b) return;
        if (!o.operator) return send(res, 404, { error: "no operator panel" });
        return send(res, 200, { result: await o.operator.runNow(b.job) });
      }
      case "/ui/sample":
        if (!o.operator?.sample) return send(res, 404, { error: "no sample office" });
        return send(res, 200, { result: await o.operator.sample() });
      default:
        return send(res, 404, { error: "not found" });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String((error as Error)?.message ?? error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  workspace.api.serveAt(url);
  return {
    server,
    port,
    url: `${url}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: Json) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** The page's requests are small (a picked file aside); anything over `limit` bytes is refused. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

// Slack's Web API, emulated on 127.0.0.1: records every call, answers like Slack, and rejects what
// Slack rejects (Block Kit limits, expired or reused trigger ids, unknown tokens). The bot reaches
// it through Bolt's clientOptions.slackApiUrl; response_url posts land here too. The tests use it
// as their fake Slack (test/support/fake-slack.ts), and the local workspace (src/local-workspace)
// as the Slack its bot talks to: one implementation, so what the tests prove holds for both.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkMessage, checkView } from "./block-kit-limits.js";

export type Json = Record<string, unknown>;

export interface RecordedCall {
  method: string;
  args: Json;
  /** What the fake answered. */
  response: Json;
  at: number;
  /** For a response_url post: the id in its path (responseUrl() hands out `/response/<id>`). */
  target?: string;
}

export interface FakeUser {
  id: string;
  locale?: string;
  name?: string;
  /** The person's full name (users.info's real_name), when given. */
  realName?: string;
  /** IANA time zone (users.info's tz); Europe/Athens unless given. */
  tz?: string;
}

type Override = (args: Json) => Json | Promise<Json>;

/** Slack refuses a trigger_id after about 3 seconds, and accepts each only once. */
const TRIGGER_LIFETIME_MS = 3000;

export const BOT_TOKEN = "xoxb-test-0000-fake";
export const BOT_USER_ID = "UBOT0001";
/** The app-level token (Socket Mode): Slack takes it for apps.connections.open and nothing else. */
export const APP_TOKEN = "xapp-1-A0001-test-fake";

export class SlackApiEmulator {
  /** The bot token it accepts; the app-level token (Socket Mode) likewise. */
  readonly botToken: string;
  readonly appToken: string;
  constructor(options: { botToken?: string; appToken?: string } = {}) {
    this.botToken = options.botToken ?? BOT_TOKEN;
    this.appToken = options.appToken ?? APP_TOKEN;
  }

  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, FakeUser>();
  /**
   * Channels the bot is not a member of (by default it is in every channel). Like Slack: a post
   * there answers not_in_channel in a public channel and channel_not_found in a private one (the
   * bot cannot see it), an ephemeral post channel_not_found; conversations.join takes the bot into
   * a public one, never a private one.
   */
  readonly channelsWithoutBot = new Set<string>();
  /** Private channels (the others are public). */
  readonly privateChannels = new Set<string>();
  /** Channels' names, for conversations.info (by default the id in lower case). */
  readonly channelNames = new Map<string, string>();
  /** Archived channels: nothing can be posted or joined there. */
  readonly archivedChannels = new Set<string>();
  /**
   * Slack's per-channel limit for chat.postMessage: about one message per `windowMs`. Beyond it the
   * fake answers HTTP 429 with Retry-After, as Slack does. 0 turns it off.
   */
  rateLimit = { windowMs: 1000, retryAfterSeconds: 1 };
  /** 429 answers given. */
  rateLimited = 0;
  /**
   * Faults after the work is done, as when Slack posted the message but its answer never reached
   * the bot: the next `times` successful calls of `method` answer HTTP 500 instead, or have their
   * connection dropped before any answer.
   */
  lostAnswers: { method: string; kind: "http500" | "drop"; times: number } | undefined;
  /** Messages accepted by chat.postMessage, per channel, oldest first. */
  readonly messages = new Map<string, Json[]>();
  private readonly lastPost = new Map<string, number>();
  private readonly overrides = new Map<string, Override>();
  private readonly gates = new Map<string, (args: Json) => Promise<void>>();
  private readonly usedTriggers = new Set<string>();
  private readonly views = new Map<string, Json>();
  /** The Home tab each user was last given (views.publish), by user id. */
  readonly homeViews = new Map<string, Json>();
  private readonly listeners = new Set<() => void>();
  /** Files uploaded through files.uploadV2, by file id. */
  readonly uploads = new Map<string, Buffer>();
  /** Files users put in the workspace, served at url_private_download to the bot's token only. */
  private readonly hosted = new Map<string, HostedFile>();
  /** Bytes the files host wrote out, per file id (to see where a download stopped). */
  readonly servedBytes = new Map<string, number>();
  /**
   * The Socket Mode server apps.connections.open hands out (test/support/fake-socket-mode.ts): a
   * fresh URL, with a one-time ticket, per call. Unset: the call fails as if Socket Mode were off.
   */
  socketMode?: { issueUrl(): string };
  private server?: Server;
  private tsCounter = 0;
  baseUrl = "";

  /** Listens on a port of its own (any free one on 127.0.0.1); returns the Web API's base URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return this.serveAt(`http://127.0.0.1:${port}`);
  }

  /**
   * For a server of someone else's (the local workspace's) that hands this one its requests under
   * /api/, /response/, /upload/ and /files-pri/ (see `handles`): the address it is reached at.
   */
  serveAt(baseUrl: string): string {
    this.baseUrl = baseUrl;
    return `${this.baseUrl}/api/`;
  }

  /** True for the paths this emulator answers (the Web API, response URLs, uploads, the files host). */
  static handles(pathname: string): boolean {
    return /^\/(api|response|upload|files-pri)\//.test(pathname);
  }

  /** Hears every call recorded, as it is (the local workspace shows what the bot did). */
  observe(listener: (call: RecordedCall) => void): () => void {
    const check = () => {
      const call = this.calls[this.calls.length - 1];
      if (call) listener(call);
    };
    this.listeners.add(check);
    return () => this.listeners.delete(check);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  /** A response_url for a command or action; posts to it are recorded as method "response_url". */
  responseUrl(): string {
    return `${this.baseUrl}/response/${randomUUID()}`;
  }

  /** A fresh trigger id, valid for 3 s, like the ones Slack puts in interactive payloads. */
  triggerId(): string {
    return `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomUUID().slice(0, 8)}`;
  }

  /**
   * A file as a user's upload: what a file_input puts in a view submission's state; files.info
   * answers with its URLs (or `options.url`, a URL elsewhere). `bytes` may be a size instead: that
   * many bytes made up as they are sent, with or without a Content-Length (`declareLength`).
   * `redirectTo`: the files host answers 302 to that URL instead of the file.
   */
  hostFile(
    name: string,
    bytes: Uint8Array | { size: number; declareLength: boolean },
    options: { url?: string; redirectTo?: string; reportSize?: boolean; user?: string } = {},
  ): Json {
    const id = `F${randomUUID().slice(0, 8).toUpperCase()}`;
    const content = bytes instanceof Uint8Array ? Buffer.from(bytes) : bytes;
    this.hosted.set(id, { content, redirectTo: options.redirectTo });
    const size = Buffer.isBuffer(content) ? content.byteLength : content.size;
    const info: Json = {
      id,
      name,
      title: name,
      // Slack's file type: the extension, plain text being "text".
      filetype: filetypeOf(name),
      mimetype: mimetypeOf(name),
      ...(options.user ? { user: options.user } : {}),
      ...(options.reportSize === false ? {} : { size }),
      url_private: options.url ?? `${this.baseUrl}/files-pri/${id}/${encodeURIComponent(name)}`,
      url_private_download: options.url ?? `${this.baseUrl}/files-pri/${id}/download/${encodeURIComponent(name)}`,
    };
    this.fileInfo.set(id, info);
    return info;
  }

  private readonly fileInfo = new Map<string, Json>();

  /** The contents of an uploaded file, by its name (the newest upload of that name). */
  uploadedFile(filename: string): Buffer | undefined {
    const get = this.callsTo("files.getUploadURLExternal")
      .filter((c) => c.args.filename === filename)
      .pop();
    const id = get?.response.file_id;
    return typeof id === "string" ? this.uploads.get(id) : undefined;
  }

  /** Replaces the answer of one method (for failures, delays). Return `{ ok: false, error }` to fail. */
  override(method: string, handler: Override | undefined): void {
    if (handler) this.overrides.set(method, handler);
    else this.overrides.delete(method);
  }

  /**
   * Holds each call of one method until `gate` resolves, then answers it as usual (a slow Slack, or
   * a call in flight when the bot is killed: Slack still does what the request asked).
   */
  hold(method: string, gate: ((args: Json) => Promise<void>) | undefined): void {
    if (gate) this.gates.set(method, gate);
    else this.gates.delete(method);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Waits until a call matching `predicate` has been recorded (no fixed sleeps). `after` skips the
   * calls recorded before that index (`fake.calls.length` taken before the action).
   */
  waitFor(
    method: string,
    predicate: (c: RecordedCall) => boolean = () => true,
    timeoutMs = 30_000,
    after = 0,
  ): Promise<RecordedCall> {
    const find = () => this.calls.find((c, i) => i >= after && c.method === method && predicate(c));
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(
          new Error(`no ${method} call within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(", ")}`),
        );
      }, timeoutMs);
      const check = () => {
        const c = find();
        if (c) {
          clearTimeout(timer);
          this.listeners.delete(check);
          resolve(c);
        }
      };
      this.listeners.add(check);
    });
  }

  private record(method: string, args: Json, response: Json, target?: string) {
    this.calls.push({ method, args, response, at: Date.now(), ...(target ? { target } : {}) });
    for (const l of [...this.listeners]) l();
  }

  /** Answers one request (its own server's, or the local workspace's: see `handles`). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
    });
    const raw = body.toString("utf8");
    const url = new URL(req.url ?? "/", this.baseUrl);
    if (url.pathname.startsWith("/files-pri/")) {
      const file = this.hosted.get(url.pathname.split("/")[2] ?? "");
      const authorised = req.headers.authorization === `Bearer ${this.botToken}`;
      this.record("file_download", { path: url.pathname, authorised }, { ok: Boolean(file && authorised) });
      // Like Slack: without the token, a login page (HTML, status 200), not the file.
      if (!authorised) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end("<!DOCTYPE html><html><body>Sign in</body></html>");
        return;
      }
      if (!file) return this.send(res, 404, { ok: false, error: "file_not_found" });
      if (file.redirectTo) {
        res.writeHead(302, { location: file.redirectTo });
        res.end();
        return;
      }
      const id = url.pathname.split("/")[2] ?? "";
      const { content } = file;
      if (Buffer.isBuffer(content)) {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        this.servedBytes.set(id, content.byteLength);
        res.end(content);
        return;
      }
      // Made up as it is sent, in 64 KiB chunks, as fast as the reader takes them; what was
      // written is counted, so a test sees where the reader stopped.
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        ...(content.declareLength ? { "content-length": String(content.size) } : {}),
      });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let sent = 0;
      this.servedBytes.set(id, 0);
      const more = () => {
        while (sent < content.size) {
          const piece = chunk.subarray(0, Math.min(chunk.length, content.size - sent));
          sent += piece.length;
          this.servedBytes.set(id, sent);
          if (!res.write(piece)) return void res.once("drain", more);
        }
        res.end();
      };
      res.on("close", () => res.removeListener("drain", more));
      more();
      return;
    }
    if (url.pathname.startsWith("/response/")) {
      const args = raw ? (JSON.parse(raw) as Json) : {};
      const problem = checkMessage(args);
      const response = problem ? { ok: false, error: problem[0], detail: problem[1] } : { ok: true };
      this.record("response_url", args, response, url.pathname.slice("/response/".length));
      if (problem) return this.send(res, 400, response);
      return this.send(res, 200, response);
    }
    if (url.pathname.startsWith("/upload/")) {
      this.uploads.set(url.pathname.slice(8), fileOf(body, String(req.headers["content-type"] ?? "")));
      this.record("file_upload", { id: url.pathname.slice(8), bytes: body.length }, { ok: true });
      return this.send(res, 200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const args = parseArgs(raw, req.headers["content-type"] ?? "");
    await this.gates.get(method)?.(args);
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || (args.token as string | undefined);
    let response: Json;
    if (method === "chat.postMessage" && token === this.botToken && this.overLimit(args)) {
      this.rateLimited++;
      response = { ok: false, error: "ratelimited" };
      this.record(method, args, response);
      res.writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(this.rateLimit.retryAfterSeconds),
      });
      res.end(JSON.stringify(response));
      return;
    }
    // Like Slack: the app-level token opens Socket Mode connections and does nothing else; the
    // bot token cannot open them.
    if (token === this.appToken || method === "apps.connections.open") {
      const override = this.overrides.get(method);
      if (token !== this.appToken) {
        response = {
          ok: false,
          error: token === this.botToken ? "not_allowed_token_type" : token ? "invalid_auth" : "not_authed",
        };
      } else if (method !== "apps.connections.open") response = { ok: false, error: "not_allowed_token_type" };
      else if (override) response = await override(args);
      else if (this.socketMode) response = { ok: true, url: this.socketMode.issueUrl() };
      else response = { ok: false, error: "socket_mode_not_enabled" };
      this.record(method, args, response);
      return this.send(res, 200, response);
    }
    if (token !== this.botToken) response = { ok: false, error: token ? "invalid_auth" : "not_authed" };
    else {
      const override = this.overrides.get(method);
      response = override ? await override(args) : this.answer(method, args);
    }
    this.record(method, args, response);
    const lost = this.lostAnswers;
    if (lost && lost.method === method && lost.times > 0 && response.ok === true) {
      lost.times--;
      if (lost.kind === "drop") {
        req.socket.destroy();
        return;
      }
      return this.send(res, 500, { ok: false, error: "internal_error" });
    }
    this.send(res, 200, response);
  }

  /** Why the bot cannot post in a channel (DMs are always open to it). */
  private membershipProblem(channel: string): string | undefined {
    if (!/^[CG]/.test(channel)) return undefined;
    if (this.archivedChannels.has(channel)) return "is_archived";
    if (!this.channelsWithoutBot.has(channel)) return undefined;
    return this.privateChannels.has(channel) ? "channel_not_found" : "not_in_channel";
  }

  private dmChannel(channel: string): string {
    return /^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel;
  }

  /** A small tolerance (10 %) stands for the short bursts Slack lets through. */
  private overLimit(args: Json): boolean {
    if (this.rateLimit.windowMs <= 0 || !args.channel) return false;
    const channel = this.dmChannel(String(args.channel));
    const now = Date.now();
    const last = this.lastPost.get(channel);
    if (last !== undefined && now - last < this.rateLimit.windowMs * 0.9) return true;
    this.lastPost.set(channel, now);
    return false;
  }

  private send(res: ServerResponse, status: number, body: Json) {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  }

  /** Messages people (not the bot) write in a channel: they carry no metadata of the bot's. */
  addMessagesByOthers(channel: string, texts: string[]): void {
    const added = texts.map((text) => ({ ts: this.nextTs(), text, user: "U0SOMEONE" }));
    this.messages.set(channel, [...(this.messages.get(channel) ?? []), ...added]);
  }

  private nextTs(): string {
    this.tsCounter++;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private checkTrigger(triggerId: unknown): string | undefined {
    if (typeof triggerId !== "string" || triggerId === "") return "invalid_trigger_id";
    const issued = Number(triggerId.split(".")[0]);
    if (!Number.isFinite(issued)) return "invalid_trigger_id";
    if (this.usedTriggers.has(triggerId)) return "invalid_trigger_id";
    if (Date.now() - issued > TRIGGER_LIFETIME_MS) return "expired_trigger_id";
    this.usedTriggers.add(triggerId);
    return undefined;
  }

  private answer(method: string, args: Json): Json {
    const fail = (error: string, detail?: string) => ({
      ok: false,
      error,
      ...(detail ? { response_metadata: { messages: [detail] } } : {}),
    });
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://grafeio-test.slack.com/",
          team: "Test",
          user: "grafeio",
          team_id: "T0001",
          user_id: BOT_USER_ID,
          bot_id: "B0001",
          // The app the bot token belongs to, as Slack names it (the app-level token's app too).
          app_id: "A0001",
        };
      case "users.info": {
        const id = String(args.user ?? "");
        const user = this.users.get(id);
        if (!user && !/^[UW]/.test(id)) return fail("user_not_found");
        return {
          ok: true,
          user: {
            id,
            name: user?.name ?? id.toLowerCase(),
            ...(user?.realName ? { real_name: user.realName, profile: { real_name: user.realName } } : {}),
            locale: args.include_locale ? (user?.locale ?? "el-GR") : undefined,
            tz: user?.tz ?? "Europe/Athens",
          },
        };
      }
      case "views.open":
      case "views.push": {
        const trigger = this.checkTrigger(args.trigger_id);
        if (trigger) return fail(trigger);
        const problem = checkView(args.view);
        if (problem) return fail(...problem);
        const id = `V${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
        const view = { ...(args.view as Json), id, hash: randomUUID() };
        this.views.set(id, view);
        return { ok: true, view };
      }
      case "views.update": {
        const id = String(args.view_id ?? "");
        if (!this.views.has(id)) return fail("not_found");
        // Slack refuses an update whose hash is no longer the view's (it changed since).
        if (args.hash !== undefined && args.hash !== this.views.get(id)?.hash) return fail("hash_conflict");
        const problem = checkView(args.view);
        if (problem) return fail(...problem);
        const view = { ...(args.view as Json), id, hash: randomUUID() };
        this.views.set(id, view);
        return { ok: true, view };
      }
      case "views.publish": {
        // A Home tab: for one user, of type home, 100 blocks at most, no title, submit or close.
        const user = String(args.user_id ?? "");
        if (!/^[UW]/.test(user)) return fail("user_not_found");
        const view = args.view as Json | undefined;
        if (view?.type !== "home") return fail("invalid_arguments", "a published view must be of type home");
        for (const key of ["title", "submit", "close"])
          if (key in view) return fail("invalid_arguments", `a home view has no ${key}`);
        const problem = checkView(view);
        if (problem) return fail(...problem);
        const published = {
          ...view,
          id: `V${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
          hash: randomUUID(),
        };
        this.homeViews.set(user, published);
        return { ok: true, view: published };
      }
      case "chat.postMessage": {
        if (!args.channel) return fail("channel_not_found");
        const refused = this.membershipProblem(String(args.channel));
        if (refused) return fail(refused);
        const problem = checkMessage(args);
        if (problem) return fail(...problem);
        const channel = this.dmChannel(String(args.channel));
        const message = {
          ts: this.nextTs(),
          text: args.text,
          blocks: args.blocks,
          metadata: args.metadata,
          thread_ts: args.thread_ts,
        };
        this.messages.set(channel, [...(this.messages.get(channel) ?? []), message]);
        return { ok: true, channel, ts: message.ts, message };
      }
      case "chat.postEphemeral": {
        if (!args.channel || !args.user) return fail("channel_not_found");
        if (this.channelsWithoutBot.has(String(args.channel))) return fail("channel_not_found");
        const problem = checkMessage(args);
        if (problem) return fail(...problem);
        return { ok: true, message_ts: this.nextTs() };
      }
      case "chat.update": {
        if (!args.channel || !args.ts) return fail("message_not_found");
        const problem = checkMessage(args);
        if (problem) return fail(...problem);
        const stored = (this.messages.get(this.dmChannel(String(args.channel))) ?? []).find((m) => m.ts === args.ts);
        if (stored) Object.assign(stored, { text: args.text ?? stored.text, blocks: args.blocks ?? stored.blocks });
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case "chat.delete": {
        if (!args.channel || !args.ts) return fail("message_not_found");
        const channel = this.dmChannel(String(args.channel));
        const all = this.messages.get(channel) ?? [];
        if (!all.some((m) => m.ts === args.ts)) return fail("message_not_found");
        this.messages.set(
          channel,
          all.filter((m) => m.ts !== args.ts),
        );
        return { ok: true, channel, ts: args.ts };
      }
      case "conversations.open":
        return {
          ok: true,
          channel: {
            id: `D${String(args.users ?? "X")
              .split(",")[0]
              ?.slice(1)}`,
          },
        };
      case "conversations.info": {
        const id = String(args.channel ?? "");
        const member = !this.channelsWithoutBot.has(id);
        if (!id || (this.privateChannels.has(id) && !member)) return fail("channel_not_found");
        return {
          ok: true,
          channel: {
            id,
            name: this.channelNames.get(id) ?? id.toLowerCase(),
            is_channel: true,
            is_private: this.privateChannels.has(id),
            is_archived: this.archivedChannels.has(id),
            is_member: member,
          },
        };
      }
      case "conversations.join": {
        const id = String(args.channel ?? "");
        if (!/^[CG]/.test(id)) return fail("channel_not_found");
        if (this.privateChannels.has(id)) return fail("method_not_supported_for_channel_type");
        if (this.archivedChannels.has(id)) return fail("is_archived");
        this.channelsWithoutBot.delete(id);
        return { ok: true, channel: { id, name: id.toLowerCase(), is_member: true } };
      }
      case "conversations.history":
      case "conversations.replies": {
        const oldest = Number(args.oldest ?? 0);
        const all = this.messages.get(String(args.channel)) ?? [];
        const inThread =
          method === "conversations.replies"
            ? all.filter((m) => m.thread_ts === args.ts || m.ts === args.ts)
            : all.filter((m) => !m.thread_ts);
        const found = inThread
          .filter((m) => Number(m.ts) > oldest)
          .map((m) => (args.include_all_metadata ? m : { ...m, metadata: undefined }))
          .reverse();
        // Pages, newest first, as Slack gives them: `limit` (100 unless said, at most 999) a page,
        // the next page's cursor in response_metadata.
        const limit = Math.min(999, Number(args.limit ?? 100) || 100);
        const offset = Number(String(args.cursor ?? "").replace(/^page:/, "")) || 0;
        const page = found.slice(offset, offset + limit);
        const more = offset + limit < found.length;
        return {
          ok: true,
          messages: page,
          has_more: more,
          response_metadata: { next_cursor: more ? `page:${offset + limit}` : "" },
        };
      }
      case "conversations.members":
        return { ok: true, members: [], response_metadata: { next_cursor: "" } };
      case "files.info": {
        const info = this.fileInfo.get(String(args.file ?? ""));
        return info ? { ok: true, file: info } : fail("file_not_found");
      }
      case "files.getUploadURLExternal": {
        const id = `F${randomUUID().slice(0, 8).toUpperCase()}`;
        if (!args.filename || !args.length) return fail("invalid_arguments");
        return { ok: true, upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const files = (JSON.parse(String(args.files ?? "[]")) as Json[]).map((f) => {
          const get = this.callsTo("files.getUploadURLExternal").find((c) => c.response.file_id === f.id);
          return { id: f.id, title: f.title, name: get?.args.filename };
        });
        // Shared into a channel, the files arrive there as one message, with the comment (as Slack does).
        if (args.channel_id) {
          const channel = this.dmChannel(String(args.channel_id));
          const message = { ts: this.nextTs(), text: args.initial_comment ?? "", files, thread_ts: args.thread_ts };
          this.messages.set(channel, [...(this.messages.get(channel) ?? []), message]);
        }
        return { ok: true, files: files.map(({ id, title }) => ({ id, title })) };
      }
      default:
        return fail("unknown_method");
    }
  }
}

interface HostedFile {
  content: Buffer | { size: number; declareLength: boolean };
  redirectTo?: string;
}

/** The Web API client sends form fields, with objects (blocks, views) as JSON strings. */
function parseArgs(raw: string, contentType: string): Json {
  if (contentType.includes("application/json")) return raw ? (JSON.parse(raw) as Json) : {};
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(value) && key !== "text" && key !== "files") {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    args[key] = value === "true" ? true : value === "false" ? false : value;
  }
  return args;
}

/** An upload's file: the body itself, or the file part of a multipart/form-data body. */
function fileOf(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!contentType.startsWith("multipart/form-data") || !boundary) return body;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf(marker);
  const headersEnd = body.indexOf("\r\n\r\n", start);
  const end = body.indexOf(Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`), headersEnd);
  return start < 0 || headersEnd < 0 || end < 0 ? body : body.subarray(headersEnd + 4, end);
}

function filetypeOf(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  return ext === "txt" ? "text" : ext || "binary";
}

function mimetypeOf(name: string): string {
  const type = filetypeOf(name);
  return type === "csv" ? "text/csv" : type === "text" ? "text/plain" : "application/octet-stream";
}

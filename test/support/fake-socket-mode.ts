// A fake Socket Mode server on 127.0.0.1 (the `ws` package), as Slack runs it: the fake Web API's
// apps.connections.open hands out its URL with a one-time ticket; a connection gets `hello`, then
// envelopes (slash commands, interactions, events) that the bot must acknowledge with their
// envelope_id, and `disconnect` when Slack wants a new connection. It can
// refuse connections (an upgrade answered 503, as while Slack's edge is unwell) and go away
// altogether (every connection dropped, nothing listening) and come back on the same port.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { FakeSlack, Json } from "./fake-slack.js";
import {
  type BlockActionInput,
  blockActionPayload,
  type CommandInput,
  commandPayload,
  type OverflowActionInput,
  overflowActionPayload,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from "./slack-driver.js";

/**
 * Only catches a bot that never acknowledges. Slack itself gives 3 s; the tests show that the
 * acknowledgement comes before the work (a held-up Web API call) rather than time it.
 */
const ACK_HANG_MS = 90_000;

export interface Ack {
  envelope_id: string;
  /** What the bot put in the acknowledgement (a view submission's errors, a command's reply). */
  payload?: Json;
}

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export class FakeSocketConnection {
  /** Every message the bot sent on this connection, parsed. */
  readonly received: Json[] = [];
  private readonly pending = new Map<string, (ack: Ack) => void>();
  readonly closed: Promise<void>;

  constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => socket.once("close", () => resolve()));
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as Json;
      this.received.push(message);
      const id = String(message.envelope_id ?? "");
      this.pending.get(id)?.(message as unknown as Ack);
      this.pending.delete(id);
    });
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Sends one envelope and waits for its acknowledgement (its envelope_id, and any payload). */
  envelope(type: EnvelopeType, payload: Json, options: { acceptsResponsePayload?: boolean } = {}): Promise<Ack> {
    const envelopeId = randomUUID();
    const acked = new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`envelope ${envelopeId} (${type}) never acknowledged`));
      }, ACK_HANG_MS);
      this.pending.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    this.socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: options.acceptsResponsePayload ?? type !== "events_api",
        ...(type === "events_api" ? { retry_attempt: 0, retry_reason: "" } : {}),
      }),
    );
    return acked;
  }

  /** Slack's notice that this connection will close and the app should open another. */
  disconnect(reason: "warning" | "refresh_requested" | "link_disabled" = "refresh_requested"): void {
    this.socket.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "fake-applink-1" } }));
  }
}

export class FakeSocketMode {
  readonly connections: FakeSocketConnection[] = [];
  /** Upgrades refused with 503 while false. */
  accepting = true;
  /** Connection attempts seen (accepted or not). */
  attempts = 0;
  port = 0;
  private server?: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly listeners = new Set<() => void>();

  /** Listens (on a new port the first time, on the same one when it comes back). */
  async start(): Promise<void> {
    const server = createServer((_req, res) => {
      res.writeHead(404);
      res.end();
    });
    server.on("upgrade", (req, socket, head) => this.upgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Connects the fake Web API's apps.connections.open to this server. */
  attach(fake: FakeSlack): this {
    fake.socketMode = this;
    return this;
  }

  /** What apps.connections.open answers: this server's URL with a ticket good for one connection. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `ws://127.0.0.1:${this.port}/link/?ticket=${ticket}&app_id=A0001`;
  }

  /** Every connection dropped at once and nothing listening, as when Slack's server goes away. */
  async goAway(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const c of this.connections) c.socket.terminate();
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  }

  /** Back on the same port. */
  comeBack(): Promise<void> {
    return this.start();
  }

  async stop(): Promise<void> {
    await this.goAway();
    this.wss.close();
  }

  /** The connection that is open now, if any. */
  get current(): FakeSocketConnection | undefined {
    return [...this.connections].reverse().find((c) => c.open);
  }

  /** Waits until connection number `index` (0 the first) is open and has had its `hello`. */
  connection(index: number, timeoutMs = 20_000): Promise<FakeSocketConnection> {
    const found = () => this.connections[index];
    const c = found();
    if (c) return Promise.resolve(c);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no Socket Mode connection #${index} within ${timeoutMs} ms (${this.attempts} attempts)`));
      }, timeoutMs);
      const check = () => {
        const c = found();
        if (!c) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(c);
      };
      this.listeners.add(check);
    });
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    this.attempts++;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const ticket = url.searchParams.get("ticket") ?? "";
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    };
    if (!this.accepting) return refuse("503 Service Unavailable");
    // Like Slack: a ticket opens one connection, and only one issued by apps.connections.open.
    if (url.pathname !== "/link/" || !this.tickets.delete(ticket)) return refuse("401 Unauthorized");
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new FakeSocketConnection(ws);
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake-applink-1", build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: "A0001" },
        }),
      );
      this.connections.push(connection);
      for (const l of [...this.listeners]) l();
    });
  }
}

/** Sends Slack-shaped requests to the bot over the open Socket Mode connection. */
export class SocketModeDriver {
  constructor(
    private readonly server: FakeSocketMode,
    private readonly fake: FakeSlack,
  ) {}

  private get connection(): FakeSocketConnection {
    const c = this.server.current;
    if (!c) throw new Error("no open Socket Mode connection");
    return c;
  }

  command(input: CommandInput): Promise<Ack> {
    return this.connection.envelope("slash_commands", commandPayload(this.fake, input));
  }

  viewSubmission(input: ViewSubmissionInput): Promise<Ack> {
    return this.connection.envelope("interactive", viewSubmissionPayload(this.fake, input));
  }

  blockAction(input: BlockActionInput): Promise<Ack> {
    return this.connection.envelope("interactive", blockActionPayload(this.fake, input), {
      acceptsResponsePayload: false,
    });
  }

  overflowAction(input: OverflowActionInput): Promise<Ack> {
    return this.connection.envelope("interactive", overflowActionPayload(this.fake, input), {
      acceptsResponsePayload: false,
    });
  }
}

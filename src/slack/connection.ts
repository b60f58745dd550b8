// Where the bot stands with Slack, in words: authenticating the bot token, opening the Socket Mode
// connection, open, or reconnecting, with the last reason it is still waiting. The start logs
// come from here (one line per failed attempt naming the step, the URL tried and why, instead of
// the Web API client's bare "http request failed"), and so does /readyz's answer for Slack.
import diagnostics from "node:diagnostics_channel";
import type { Logger } from "../app/logger.js";

export type SlackState = "authenticating" | "connecting" | "open" | "reconnecting" | "stopped";

const WAITING: Record<SlackState, string> = {
  authenticating: "waiting for Slack authentication",
  connecting: "waiting for the Socket Mode connection",
  open: "Slack",
  reconnecting: "Socket Mode connection lost; reconnecting",
  stopped: "stopped",
};

/**
 * What the Web API and Socket Mode clients log about a failed attempt, bare (no URL, no step) and
 * once per retry: SlackConnection says it with both, so these lines go to debug.
 */
export const REPORTED_BY_CONNECTION: readonly RegExp[] = [/^http request failed/, /^WebSocket error/];

/** What the Socket Mode client (@slack/socket-mode) emits that the connection's state follows. */
export interface SocketModeEvents {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** A URL as it may be logged: no query (a Socket Mode URL carries its connection ticket there). */
export function loggableUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(unreadable URL)";
  }
}

/** The reason under a failed fetch or connection: undici hides it in `cause` ("fetch failed"). */
export function reasonOf(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: unknown; errors?: unknown[] } | undefined;
  if (e?.cause) return reasonOf(e.cause);
  // Several addresses tried at once (IPv4 and IPv6): the first says enough.
  if (Array.isArray(e?.errors) && e.errors.length > 0) return reasonOf(e.errors[0]);
  const message = e?.message ?? String(error);
  return e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

export class SlackConnection {
  private current: SlackState;
  private problem?: string;
  private everOpen = false;
  private socketUrl?: string;
  /** host:port of the Socket Mode URL, to pick its handshake out of undici's diagnostics. */
  private socketHost?: string;
  /** Why the last WebSocket handshake failed, as undici's diagnostics tell it. */
  private handshakeProblem?: string;
  private unsubscribe?: () => void;
  private attempts = 0;
  private disconnectReason?: string;

  constructor(
    private readonly logger: Logger,
    private readonly mode: "socket" | "http",
    /** The Web API's base URL (SLACK_API_URL), for the logs. */
    private readonly apiUrl = "https://slack.com/api/",
  ) {
    this.current = "authenticating";
  }

  /** The start's first call to Slack. */
  authenticating(): void {
    this.current = "authenticating";
    this.logger.info({ step: "slack-auth", url: `${this.apiUrl}auth.test` }, `${WAITING.authenticating} (auth.test)`);
  }

  get state(): SlackState {
    return this.current;
  }

  /** For /readyz: open, or why not. */
  readiness(): true | string {
    if (this.current === "open") return true;
    return this.problem ? `${WAITING[this.current]}: ${this.problem}` : WAITING[this.current];
  }

  /** The bot token was accepted: next, the Socket Mode connection (HTTP mode has nothing to open). */
  authenticated(team: { team?: string; user?: string }): void {
    this.logger.info({ step: "slack-auth", team: team.team, user: team.user }, "Slack authentication done");
    this.problem = undefined;
    this.attempts = 0;
    this.current = this.mode === "socket" ? "connecting" : "open";
    if (this.mode === "socket") {
      this.logger.info(
        { step: "socket-mode", url: `${this.apiUrl}apps.connections.open` },
        `${WAITING.connecting} (apps.connections.open, then the WebSocket it names)`,
      );
    }
  }

  /** Stopping: nothing that follows is a problem to report. */
  stopped(): void {
    this.current = "stopped";
    this.problem = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /**
   * The fetch each Slack Web API client of the bot uses: a request that never reached Slack is
   * logged once per attempt with the step it holds up, the URL and the reason.
   */
  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    try {
      return await globalThis.fetch(input, init);
    } catch (error) {
      const url = loggableUrl(input instanceof Request ? input.url : String(input));
      this.unreachable(url, reasonOf(error), (init?.signal ?? undefined)?.aborted === true);
      throw error;
    }
  };

  private unreachable(url: string, reason: string, aborted: boolean) {
    if (this.current === "stopped" || aborted) return;
    this.attempts++;
    this.problem = `could not reach ${url} (${reason})`;
    const step = this.step();
    const text =
      this.current === "open"
        ? `could not reach Slack at ${url} (${reason})`
        : `${WAITING[this.current]}: ${this.problem}`;
    this.logger.warn({ step, url, reason, attempt: this.attempts }, `${text}; trying again`);
  }

  private step(): string {
    if (this.current === "authenticating") return "slack-auth";
    return this.current === "open" ? "slack" : "socket-mode";
  }

  /** Follows the Socket Mode client's lifecycle. */
  watch(client: SocketModeEvents): void {
    this.watchHandshakes();
    client.on("authenticated", (response) => {
      const url = (response as { url?: string } | undefined)?.url;
      this.socketUrl = url ? loggableUrl(url) : undefined;
      this.socketHost = url ? hostOf(url) : undefined;
      this.handshakeProblem = undefined;
      this.logger.debug({ step: "socket-mode", url: this.socketUrl }, "opening the Socket Mode connection");
    });
    client.on("connected", () => {
      if (this.current === "stopped") return;
      const again = this.everOpen;
      this.everOpen = true;
      this.current = "open";
      this.problem = undefined;
      this.attempts = 0;
      this.disconnectReason = undefined;
      this.logger.info(
        { step: "socket-mode", url: this.socketUrl },
        again ? "Socket Mode connection open again" : "Socket Mode connection open",
      );
    });
    // Slack announces that it will close this connection; the client opens a new one.
    client.on("ws_message", (data) => {
      const text = typeof data === "string" ? data : Buffer.isBuffer(data) ? data.toString("utf8") : "";
      if (!text.includes('"disconnect"')) return;
      try {
        const message = JSON.parse(text) as { type?: string; reason?: string };
        if (message.type === "disconnect")
          this.disconnectReason = `Slack asked for a new connection (${message.reason})`;
      } catch {
        // not JSON: the client itself ignores it
      }
    });
    client.on("error", (error) => {
      if (this.current === "stopped") return;
      this.attempts++;
      // undici's WebSocket error says nothing ("" as its message); the diagnostics said why.
      const reason =
        this.handshakeProblem ?? (reasonOf((error as { original?: unknown }).original ?? error) || "no reason given");
      this.handshakeProblem = undefined;
      this.problem = `could not connect to ${this.socketUrl ?? "the Socket Mode URL"} (${reason})`;
      if (this.current === "open") return; // the close that follows says it
      this.logger.warn(
        { step: "socket-mode", url: this.socketUrl, reason, attempt: this.attempts },
        `${WAITING[this.current]}: ${this.problem}; trying again`,
      );
    });
    client.on("close", () => {
      if (this.current !== "open") return;
      this.current = "reconnecting";
      this.problem = this.disconnectReason ?? "the connection closed";
      this.logger.warn({ step: "socket-mode", url: this.socketUrl }, `${WAITING.reconnecting} (${this.problem})`);
    });
    client.on("disconnecting", () => this.stopped());
  }

  /**
   * The WebSocket's own error event carries no reason, so the refused connection (ECONNREFUSED…)
   * or the HTTP status that answered the upgrade is read from undici's diagnostics channels,
   * which every undici in the process publishes to.
   */
  private watchHandshakes() {
    const onConnectError = (message: unknown) => {
      const m = message as { connectParams?: { hostname?: string; port?: string | number; protocol?: string } };
      const p = m.connectParams;
      if (!this.socketHost || !p?.hostname) return;
      const port = p.port ? String(p.port) : p.protocol === "https:" ? "443" : "80";
      if (`${p.hostname}:${port}` === this.socketHost) {
        this.handshakeProblem = reasonOf((message as { error?: unknown }).error);
      }
    };
    const onHeaders = (message: unknown) => {
      const m = message as { request?: { origin?: unknown }; response?: { statusCode?: number; statusText?: string } };
      const status = m.response?.statusCode;
      if (!this.socketHost || status === undefined || status === 101) return;
      if (hostOf(String(m.request?.origin ?? "")) === this.socketHost) {
        this.handshakeProblem = `the server answered HTTP ${status}${m.response?.statusText ? ` ${m.response.statusText}` : ""}`;
      }
    };
    diagnostics.subscribe("undici:client:connectError", onConnectError);
    diagnostics.subscribe("undici:request:headers", onHeaders);
    this.unsubscribe = () => {
      diagnostics.unsubscribe("undici:client:connectError", onConnectError);
      diagnostics.unsubscribe("undici:request:headers", onHeaders);
    };
  }
}

/** host:port with the scheme's default port spelt out (ws and http 80, wss and https 443). */
function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    const port = u.port || (u.protocol === "wss:" || u.protocol === "https:" ? "443" : "80");
    return `${u.hostname}:${port}`;
  } catch {
    return undefined;
  }
}

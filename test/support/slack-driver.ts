// Sends correctly signed requests into the bot's HTTP receiver, as Slack does: slash commands,
// shortcuts, block actions, view submissions and events, with retry headers when asked.
import { createHmac } from "node:crypto";
import { request } from "node:http";
import type { FakeSlack, Json } from "./fake-slack.js";

export interface SendOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature; `null` leaves the header out. */
  signature?: string | null;
  retryNum?: number;
  retryReason?: string;
}

export interface DriverResponse {
  status: number;
  text: string;
  json(): Json;
}

export const TEAM_ID = "T0001";

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export class SlackDriver {
  constructor(
    private readonly endpoint: string,
    private readonly signingSecret: string,
    private readonly fake: FakeSlack,
  ) {}

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<DriverResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
    };
    const signature = options.signature === undefined ? sign(this.signingSecret, timestamp, body) : options.signature;
    if (signature !== null) headers["x-slack-signature"] = signature;
    if (options.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(options.retryNum);
      headers["x-slack-retry-reason"] = options.retryReason ?? "http_timeout";
    }
    const res = await post(this.endpoint, headers, body);
    const text = res.text;
    return { status: res.status, text, json: () => (text ? (JSON.parse(text) as Json) : {}) };
  }

  command(input: CommandInput, options?: SendOptions): Promise<DriverResponse> {
    const body = new URLSearchParams(commandPayload(this.fake, input)).toString();
    return this.send(body, "application/x-www-form-urlencoded", options);
  }

  interactive(payload: Json, options?: SendOptions): Promise<DriverResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, "application/x-www-form-urlencoded", options);
  }

  messageShortcut(
    input: { callbackId: string; userId: string; channelId: string; message: Json },
    options?: SendOptions,
  ) {
    return this.interactive(
      {
        type: "message_action",
        callback_id: input.callbackId,
        trigger_id: this.fake.triggerId(),
        response_url: this.fake.responseUrl(),
        team: { id: TEAM_ID, domain: "grafeio-test" },
        user: { id: input.userId, name: input.userId.toLowerCase(), team_id: TEAM_ID },
        channel: { id: input.channelId, name: "press-office" },
        message_ts: (input.message.ts as string | undefined) ?? "1700000000.000100",
        message: { type: "message", ts: "1700000000.000100", ...input.message },
        token: "legacy-verification-token",
        action_ts: String(Date.now() / 1000),
      },
      options,
    );
  }

  /** Submits a view as Slack would after the user filled it in (see viewSubmissionPayload). */
  viewSubmission(input: ViewSubmissionInput, options?: SendOptions): Promise<DriverResponse> {
    return this.interactive(viewSubmissionPayload(this.fake, input), options);
  }

  blockAction(input: BlockActionInput, options?: SendOptions) {
    return this.interactive(blockActionPayload(this.fake, input), options);
  }

  /** A choice from an overflow menu (⋮) on a message. */
  overflowAction(input: OverflowActionInput, options?: SendOptions) {
    return this.interactive(overflowActionPayload(this.fake, input), options);
  }

  event(event: Json, options?: SendOptions & { eventId?: string }): Promise<DriverResponse> {
    const body = JSON.stringify({
      token: "legacy-verification-token",
      team_id: TEAM_ID,
      api_app_id: "A0001",
      type: "event_callback",
      event_id: options?.eventId ?? `Ev${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
    return this.send(body, "application/json", options);
  }
}

/**
 * One POST on a connection of its own, as Slack's deliveries arrive. A connection kept alive
 * between requests (fetch's default) can be closed by the server's keep-alive timer just as the
 * next request goes out on it, which fails that request ("fetch failed") when the machine is busy.
 */
function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)), connection: "close" },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

// What Slack puts in each kind of request, the same over HTTP (signed, form-encoded) and over a
// Socket Mode envelope (as JSON): the drivers of both build their payloads here.

export interface CommandInput {
  command: string;
  text?: string;
  userId: string;
  channelId?: string;
  triggerId?: string;
}

export function commandPayload(fake: FakeSlack, input: CommandInput): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    team_domain: "grafeio-test",
    channel_id: input.channelId ?? "C0001",
    channel_name: "press-office",
    user_id: input.userId,
    user_name: input.userId.toLowerCase(),
    command: input.command,
    text: input.text ?? "",
    api_app_id: "A0001",
    response_url: fake.responseUrl(),
    trigger_id: input.triggerId ?? fake.triggerId(),
  };
}

/** What every interactive payload carries: who, from where, and a fresh trigger id. */
function interactionFrom(fake: FakeSlack, userId: string): Json {
  return {
    team: { id: TEAM_ID, domain: "grafeio-test" },
    user: { id: userId, name: userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: "A0001",
    token: "legacy-verification-token",
    trigger_id: fake.triggerId(),
  };
}

export interface ViewSubmissionInput {
  view: Json;
  userId: string;
  values: Record<string, Record<string, Json>>;
}

/**
 * A view as Slack submits it after the user filled it in. `values` maps block_id to the state
 * Slack reports for that block's element, e.g. `{ title: { value: { type: "plain_text_input", value: "…" } } }`.
 */
export function viewSubmissionPayload(fake: FakeSlack, input: ViewSubmissionInput): Json {
  return {
    type: "view_submission",
    ...interactionFrom(fake, input.userId),
    view: {
      ...input.view,
      team_id: TEAM_ID,
      state: { values: input.values },
      hash: String(input.view.hash ?? "hash"),
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

export interface BlockActionInput {
  userId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  channelId?: string;
  view?: Json;
  /** The channel message the button is on (ts, blocks), as Slack sends it. */
  message?: Json;
}

export function blockActionPayload(fake: FakeSlack, input: BlockActionInput): Json {
  return {
    type: "block_actions",
    ...interactionFrom(fake, input.userId),
    // A button on the Home tab comes with no response_url: there is no message to answer in.
    ...(input.view?.type === "home" ? {} : { response_url: fake.responseUrl() }),
    ...(input.channelId
      ? {
          channel: { id: input.channelId, name: "channel" },
          container: { type: "message", channel_id: input.channelId, message_ts: input.message?.ts },
          ...(input.message ? { message: { type: "message", ...input.message } } : {}),
        }
      : {}),
    ...(input.view ? { view: input.view, container: { type: "view", view_id: input.view.id } } : {}),
    actions: [
      {
        type: "button",
        action_id: input.actionId,
        block_id: input.blockId ?? "b",
        value: input.value,
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

export interface OverflowActionInput {
  userId: string;
  actionId: string;
  value: string;
  channelId: string;
}

export function overflowActionPayload(fake: FakeSlack, input: OverflowActionInput): Json {
  return {
    type: "block_actions",
    ...interactionFrom(fake, input.userId),
    response_url: fake.responseUrl(),
    channel: { id: input.channelId, name: "channel" },
    container: { type: "message", channel_id: input.channelId, is_ephemeral: true },
    actions: [
      {
        type: "overflow",
        action_id: input.actionId,
        block_id: "b",
        selected_option: { text: { type: "plain_text", text: input.value }, value: input.value },
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

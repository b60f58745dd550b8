// How Slack reaches an app in HTTP mode: a signed POST to its request URL (slash commands as form
// fields, interactions as a form field `payload` of JSON, events as JSON), within Slack's 3 s.
// The local workspace delivers everything to the bot this way, so the bot's receiver, its
// signature check and its listeners run exactly as they do behind real Slack.
import { createHmac } from "node:crypto";
import { request } from "node:http";

export type Json = Record<string, unknown>;

export interface Delivered {
  status: number;
  /** The acknowledgement's body: empty, or JSON (a form's errors, an external select's options). */
  body: string;
}

/** Slack's signature: `v0=` HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export class Delivery {
  constructor(
    private readonly endpoint: () => string | undefined,
    private readonly signingSecret: string,
    /** Slack waits 3 s for the acknowledgement; the workspace a little longer, then says so. */
    private readonly timeoutMs = 3500,
  ) {}

  command(fields: Record<string, string>): Promise<Delivered> {
    return this.post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");
  }

  interaction(payload: Json): Promise<Delivered> {
    return this.post(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      "application/x-www-form-urlencoded",
    );
  }

  event(envelope: Json): Promise<Delivered> {
    return this.post(JSON.stringify(envelope), "application/json");
  }

  private post(body: string, contentType: string): Promise<Delivered> {
    const url = this.endpoint();
    if (!url) return Promise.resolve({ status: 503, body: "" });
    const timestamp = Math.floor(Date.now() / 1000);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          agent: false,
          timeout: this.timeoutMs,
          headers: {
            "content-type": contentType,
            "content-length": String(Buffer.byteLength(body)),
            "x-slack-request-timestamp": String(timestamp),
            "x-slack-signature": slackSignature(this.signingSecret, timestamp, body),
            connection: "close",
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error("the app did not acknowledge within 3 seconds")));
      req.on("error", reject);
      req.end(body);
    });
  }
}

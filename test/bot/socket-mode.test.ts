// The real bot in Socket Mode against the fake Socket Mode server: the connection is asked for
// through SLACK_API_URL, envelopes are acknowledged with their envelope_id (a view's field errors
// inside the acknowledgement), and the connection comes back after Slack's `disconnect` and after
// the server goes away. /readyz says all along whether the connection is open.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { clipFormState, validClip } from "../support/clip-form.js";
import { APP_TOKEN, type Json } from "../support/fake-slack.js";
import { scrapeMetrics } from "../support/prometheus.js";
import { type SocketModeTestBot, startSocketModeBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";

async function readyz(t: SocketModeTestBot): Promise<{ status: number; body: { ready: boolean; checks: Json } }> {
  const res = await fetch(`${t.baseUrl}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Json } };
}

/** Asks /readyz until it gives `status` (it changes when the bot hears of the connection's fate). */
async function readyzUntil(t: SocketModeTestBot, status: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await readyz(t);
    if (answer.status === status) return answer;
    if (Date.now() > deadline) throw new Error(`/readyz stayed ${answer.status}: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("Socket Mode", () => {
  let t: SocketModeTestBot;
  beforeAll(async () => {
    t = await startSocketModeBot();
    await t.grant(STAFF, "staff");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  it("asks the fake Web API (SLACK_API_URL) for the connection with the app token, and is ready after hello", async () => {
    const open = t.fake.callsTo("apps.connections.open");
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.every((c) => c.response.ok)).toBe(true);
    expect(t.socket.connections).toHaveLength(1);
    expect(t.socket.current).toBeDefined();
    const { status, body } = await readyz(t);
    expect(status).toBe(200);
    expect(body).toEqual({ ready: true, checks: { database: "ok", slack: "ok" } });
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    // The connection's ticket is a credential of a kind: not logged at info (debug logs carry
    // Slack's bodies, as the README warns).
    const info = t.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 30).join("\n");
    expect(info).toContain("Socket Mode connection open");
    expect(info).not.toContain("ticket=");
    expect(t.logs.join("\n")).not.toContain(APP_TOKEN);
  });

  it("acknowledges a slash command's envelope by its envelope_id before the work, which follows", async () => {
    // Slack holds the modal back: the work cannot finish until released, the acknowledgement must
    // not wait for it (Slack's 3 seconds are for the acknowledgement alone).
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached = false;
    t.fake.override("views.open", async (args) => {
      reached = true;
      await held;
      return { ok: true, view: { ...(args.view as Json), id: "VHELD0001" } };
    });
    try {
      const triggerId = t.fake.triggerId();
      const envelopes = t.socket.current?.received.length ?? 0;
      const ack = await t.slack.command({ command: "/clip", userId: STAFF, triggerId });
      expect(t.socket.current?.received.slice(envelopes).map((m) => m.envelope_id)).toContain(ack.envelope_id);
      expect(ack.payload ?? {}).toEqual({});
      expect(t.fake.callsTo("views.open").some((c) => c.args.trigger_id === triggerId)).toBe(false);
      release();
      const open = await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId, 20_000);
      expect(reached).toBe(true);
      expect(((open.args.view as Json).title as Json).text).toBe("Καταχώριση δημοσιεύματος");
    } finally {
      release();
      t.fake.override("views.open", undefined);
    }
  });

  it("puts a view submission's field errors in the acknowledgement, and stores nothing", async () => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/clip", userId: STAFF, triggerId });
    const view = (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId, 20_000)).response
      .view as Json;
    const before = await t.database.db.prisma.clipping.count();
    const ack = await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: clipFormState({ ...validClip, title: "  ", url: "kathimerini dot gr" }),
    });
    expect(ack.payload).toMatchObject({
      response_action: "errors",
      errors: { title: expect.stringMatching(/υποχρεωτικό/), url: expect.stringMatching(/έγκυρος σύνδεσμος/) },
    });
    expect(await t.database.db.prisma.clipping.count()).toBe(before);
  });

  it("acknowledges a block action and runs it (a clipping's menu opens its correction form)", async () => {
    const draft = validateClipping(
      { ...validClip, title: "Μέσω Socket Mode", url: "https://example.gr/socket-mode" },
      { today: "2030-01-01", knownTopicIds: new Set() },
    );
    if (!draft.ok) throw new Error("bad seed");
    const created = await t.bot.services.clippings.createClipping({
      draft: draft.draft,
      createdBy: STAFF,
      submissionKey: "socket-mode-action",
    });
    if (created.status !== "created") throw new Error("not created");
    const before = t.fake.calls.length;
    const ack = await t.slack.overflowAction({
      userId: STAFF,
      actionId: "clip_result_menu",
      value: `edit:${created.clipping.id}`,
      channelId: "C0001",
    });
    expect(ack.envelope_id).toBeTruthy();
    const open = await t.fake.waitFor("views.open", () => true, 20_000, before);
    expect(((open.response.view as Json).title as Json).text).toBe("Διόρθωση δημοσιεύματος");
    expect(JSON.stringify((open.response.view as Json).blocks)).toContain("Μέσω Socket Mode");
  });

  it("serves /metrics on its health server: each envelope by kind, each acknowledged, the connection open", async () => {
    // The cases above sent commands, a view submission and a block action over the connection.
    const m = await scrapeMetrics(t.baseUrl);
    const commands = m.value("grafeio_slack_requests_total", { kind: "command" });
    expect(commands).toBeGreaterThanOrEqual(2);
    expect(m.value("grafeio_slack_ack_seconds_count", { kind: "command" })).toBe(commands);
    expect(m.value("grafeio_slack_requests_total", { kind: "view_submission" })).toBe(1);
    expect(m.value("grafeio_slack_ack_seconds_count", { kind: "view_submission" })).toBe(1);
    expect(m.value("grafeio_slack_requests_total", { kind: "action" })).toBe(1);
    expect(m.value("grafeio_slack_connection_state", { state: "open" })).toBe(1);
    expect(m.value("grafeio_slack_connection_state", { state: "reconnecting" })).toBe(0);
  });

  it("opens a new connection when Slack sends disconnect, and goes on acknowledging there", async () => {
    const first = t.socket.current;
    const count = t.socket.connections.length;
    first?.disconnect("refresh_requested");
    const next = await t.socket.connection(count);
    await first?.closed;
    await readyzUntil(t, 200);
    expect(t.socket.current).toBe(next);
    const triggerId = t.fake.triggerId();
    const ack = await t.slack.command({ command: "/clip", userId: STAFF, triggerId });
    expect(next.received.map((m) => m.envelope_id)).toContain(ack.envelope_id);
    await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId, 20_000);
  });

  it("is not ready while the server is gone, reconnects when it comes back, and answers there", async () => {
    const count = t.socket.connections.length;
    await t.socket.goAway();
    const gone = await readyzUntil(t, 503);
    expect(gone.body.ready).toBe(false);
    expect(gone.body.checks.database).toBe("ok");
    expect(String(gone.body.checks.slack)).toMatch(/reconnecting/);
    // At least one attempt made against the empty port, with its reason.
    await t.waitForLog(/could not connect to ws:\/\/127\.0\.0\.1:\d+\/link\/ \(connect ECONNREFUSED/);
    await t.socket.comeBack();
    const back = await t.socket.connection(count);
    await readyzUntil(t, 200);
    const triggerId = t.fake.triggerId();
    const ack = await t.slack.command({ command: "/clip", userId: STAFF, triggerId });
    expect(back.received.map((m) => m.envelope_id)).toContain(ack.envelope_id);
    await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId, 20_000);
  });
});

describe("/readyz in Socket Mode", () => {
  it("is 503 with the reason while the server refuses connections, and 200 within seconds of it accepting them", async () => {
    const t = await startSocketModeBot({ accepting: false });
    try {
      await t.waitForLog(/waiting for the Socket Mode connection: could not connect/);
      const refused = await readyz(t);
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({
        ready: false,
        checks: {
          database: "ok",
          slack: expect.stringMatching(
            /^waiting for the Socket Mode connection: could not connect to ws:\/\/127\.0\.0\.1:\d+\/link\/ \(the server answered HTTP 503/,
          ),
        },
      });
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200); // alive all the same

      t.socket.accepting = true;
      // The bot tries again after its pause (1 s in tests, 5 s by default); "within seconds" is
      // the promise, so the bound is generous.
      const ready = await readyzUntil(t, 200, 15_000);
      expect(ready.body).toEqual({ ready: true, checks: { database: "ok", slack: "ok" } });
      await t.started;
      expect(t.logs.some((l) => l.includes('"msg":"Socket Mode connection open"'))).toBe(true);
    } finally {
      await t.stop();
    }
  });

  it("is 503 when the database does not answer, even with the connection open", async () => {
    const t = await startSocketModeBot();
    try {
      await t.database.db.close();
      const { status, body } = await readyz(t);
      expect(status).toBe(503);
      expect(body).toEqual({ ready: false, checks: { database: "the database does not answer", slack: "ok" } });
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });
});

describe("the HTTP port in Socket Mode", () => {
  it("serves the calendar feed to its token only, and nothing else", async () => {
    const token = "feed-token-0123456789abcdefXYZ";
    const t = await startSocketModeBot({ env: { CALENDAR_FEED_TOKEN: token } });
    try {
      const feed = await fetch(`${t.baseUrl}/calendar/${token}.ics`);
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toContain("text/calendar");
      expect(await feed.text()).toContain("BEGIN:VCALENDAR");
      expect((await fetch(`${t.baseUrl}/calendar/${token.replace("X", "Y")}.ics`)).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/slack/events`, { method: "POST" })).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/readyz`, { method: "POST" })).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});

// The contact import's download: the bot token goes only to Slack's file hosts, whatever the
// payload or a redirect names, and a file over the limit is dropped as soon as it passes it.

import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_IMPORT_BYTES } from "../../src/areas/contacts/contact-import.js";
import { allowed, tokenOrigins } from "../../src/slack/file-download.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const CHANNEL = "C0PRESS01";
let t: TestBot;
/** A host that is not Slack's: it records every request's headers. */
let foreign: Server;
let foreignUrl = "";
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  t = await startTestBot();
  await t.grant(STAFF, "staff");
  foreign = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { "content-type": "text/csv" });
    res.end("Ονοματεπώνυμο\nΞένος Κλέφτης\n");
  });
  await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
  foreignUrl = `http://localhost:${(foreign.address() as AddressInfo).port}/steal.csv`;
});
afterAll(async () => {
  await t?.stop();
  await new Promise<void>((resolve) => foreign?.close(() => resolve()));
});
beforeEach(() => {
  t.fake.calls.length = 0;
  seen.length = 0;
});
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

const CSV = new TextEncoder().encode("Ονοματεπώνυμο;Email\nΕιρήνη Αλεξίου;eirini@example.gr\n");

/** Opens /contact import, submits `file` as the file_input's state, and returns the modal's next view. */
async function importFile(file: Json): Promise<Json> {
  const triggerId = t.fake.triggerId();
  await t.slack.command({ command: "/contact", text: "import", userId: STAFF, triggerId, channelId: CHANNEL });
  const opened = await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId);
  const view = opened.response.view as Json;
  const before = t.fake.calls.length;
  const res = await t.slack.viewSubmission({
    view,
    userId: STAFF,
    values: { file: { value: { type: "file_input", files: [file] } } },
  });
  expect((res.json() as Json).response_action).toBe("update");
  // The "reading…" view is the answer; the next views.update is what came of the file.
  const shown = await t.fake.waitFor("views.update", () => true, 30_000, before);
  return shown.args.view as Json;
}

const textOf = (view: Json) => JSON.stringify(view.blocks);

describe("the token goes to Slack's file hosts only", () => {
  it("takes the URL from files.info, not from what the payload names", async () => {
    const file = t.fake.hostFile("epafes.csv", CSV);
    const view = await importFile({ ...file, url_private: foreignUrl, url_private_download: foreignUrl });
    expect(view.callback_id).toBe("contact_import_confirm");
    expect(textOf(view)).toContain("Θα δημιουργηθεί 1");
    expect(t.fake.callsTo("files.info")[0]?.args.file).toBe(file.id);
    expect(t.fake.callsTo("file_download")[0]?.args.authorised).toBe(true);
    expect(seen).toEqual([]);
  });

  it("refuses a file Slack places on another host, without sending it the token", async () => {
    const file = t.fake.hostFile("epafes.csv", CSV, { url: foreignUrl });
    const view = await importFile(file);
    expect(textOf(view)).toContain("δεν βρίσκεται στους διακομιστές αρχείων του Slack");
    expect(seen.map((h) => h.authorization)).toEqual([]);
  });

  it("does not follow a redirect away from Slack's hosts", async () => {
    const file = t.fake.hostFile("epafes.csv", CSV, { redirectTo: foreignUrl });
    const view = await importFile(file);
    expect(t.fake.callsTo("file_download")).toHaveLength(1);
    expect(textOf(view)).toContain("δεν βρίσκεται στους διακομιστές αρχείων του Slack");
    expect(seen.map((h) => h.authorization)).toEqual([]);
  });

  it("follows a redirect within Slack's hosts", async () => {
    const target = t.fake.hostFile("epafes.csv", CSV);
    const file = t.fake.hostFile("epafes.csv", CSV, { redirectTo: String(target.url_private_download) });
    const view = await importFile(file);
    expect(view.callback_id).toBe("contact_import_confirm");
    expect(t.fake.callsTo("file_download").map((c) => c.args.authorised)).toEqual([true, true]);
  });

  it("allows https://files.slack.com and the Web API's own origin, nothing else", () => {
    const origins = tokenOrigins("http://127.0.0.1:4000/api/");
    const ok = ["https://files.slack.com/files-pri/T1-F1/download/a.csv", "http://127.0.0.1:4000/files-pri/F1/a.csv"];
    const refused = [
      "http://files.slack.com/files-pri/T1-F1/a.csv",
      "https://files.slack.com.example.org/a.csv",
      "https://example.org/?u=https://files.slack.com/a.csv",
      "https://files.slack.com@example.org/a.csv",
      "http://127.0.0.1:4001/files-pri/F1/a.csv",
      "https://127.0.0.1:4000/files-pri/F1/a.csv",
      "file:///etc/passwd",
      "",
    ];
    expect(ok.filter((u) => !allowed(u, origins))).toEqual([]);
    expect(refused.filter((u) => allowed(u, origins))).toEqual([]);
  });
});

describe("a file over the limit", () => {
  const tooBig = /πολύ μεγάλο: η εισαγωγή δέχεται αρχεία έως 5 MB/;
  const SIZE = 100 * 1024 * 1024;
  // What the fake writes in one go.
  const CHUNK = 64 * 1024;
  // What the files host wrote can exceed what the bot read by what the loopback socket's buffers
  // hold (the kernel's maxima for a send and a receive buffer): it bounds, it does not measure.
  const SOCKET_BUFFERS = [
    readFileSync("/proc/sys/net/ipv4/tcp_rmem", "utf8"),
    readFileSync("/proc/sys/net/ipv4/tcp_wmem", "utf8"),
  ]
    .map((line) => Number(line.trim().split(/\s+/)[2]))
    .reduce((a, b) => a + b, 0);
  /** The chunks the bot's reader took from each download's body, counted at fetch's boundary. */
  let taken: number[][] = [];
  beforeEach(() => {
    taken = [];
    const real = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const response = await real(input, init);
      if (!String(input instanceof Request ? input.url : input).includes("/files-pri/") || !response.body)
        return response;
      const chunks: number[] = [];
      taken.push(chunks);
      const counted = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            chunks.push(chunk.byteLength);
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(counted, { status: response.status, headers: response.headers });
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("stops reading as soon as it passes the limit, when no size is given", async () => {
    const file = t.fake.hostFile("huge.csv", { size: SIZE, declareLength: false }, { reportSize: false });
    const view = await importFile(file);
    expect(textOf(view)).toMatch(tooBig);
    // The reader took chunks until the one that passed the limit, and no more.
    const chunks = taken[0] ?? [];
    const read = chunks.reduce((a, b) => a + b, 0);
    expect(read).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(read - (chunks.at(-1) ?? 0)).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    const served = t.fake.servedBytes.get(String(file.id)) ?? 0;
    expect(served).toBeLessThanOrEqual(MAX_IMPORT_BYTES + CHUNK + SOCKET_BUFFERS);
    expect(served).toBeLessThan(SIZE);
  });

  it("reads nothing of it when its Content-Length says so", async () => {
    const file = t.fake.hostFile("huge.csv", { size: SIZE, declareLength: true }, { reportSize: false });
    const view = await importFile(file);
    expect(textOf(view)).toMatch(tooBig);
    expect(taken[0]).toEqual([]);
    expect(t.fake.servedBytes.get(String(file.id)) ?? 0).toBeLessThanOrEqual(CHUNK + SOCKET_BUFFERS);
  });

  it("downloads nothing when Slack's files.info gives its size", async () => {
    const file = t.fake.hostFile("huge.csv", { size: SIZE, declareLength: true });
    const view = await importFile(file);
    expect(textOf(view)).toMatch(tooBig);
    expect(t.fake.callsTo("file_download")).toHaveLength(0);
  });
});

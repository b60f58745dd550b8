// Through the running app: `/clip <link>` and the «Log as clipping» shortcut open the form at once,
// then the link's page (a local server; loopback allowed by FETCH_ALLOW_LOOPBACK) fills the still-open
// form by views.update with the view's id and hash. A page that 404s or is too slow leaves the form
// as it was; a private address is never fetched; a form changed meanwhile is not overwritten.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLinkPages } from "../../src/areas/clippings/link-page.js";
import { createSafeFetcher } from "../../src/lib/safe-fetch.js";
import { FeedServer } from "../press-intake/feed-server.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0LINK001";
const CHANNEL = "C0LINK001";

const ARTICLE = `<!doctype html><html lang="el"><head><meta charset="windows-1253">
<title>Άλλος τίτλος | site</title>
<meta property="og:title" content="Μαρούσι: Νέα βιβλιοθήκη στην πλατεία">
<meta property="og:description" content="Ο δήμαρχος εγκαινίασε τη βιβλιοθήκη.">
<meta property="article:published_time" content="2026-11-30T10:00:00+02:00">
</head><body>…</body></html>`;

let t: TestBot;
const pages = new FeedServer();
beforeAll(async () => {
  await pages.start();
  t = await startTestBot({ env: { FETCH_ALLOW_LOOPBACK: "true" } });
  await t.grant(STAFF, "staff");
});
afterAll(async () => {
  await t?.stop();
  await pages.stop();
});
beforeEach(() => {
  t.fake.calls.length = 0;
});
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

const html = (body: string | Buffer, charset = "utf-8") => ({
  body,
  headers: { "content-type": `text/html; charset=${charset}` },
});

function inputValue(view: Json, blockId: string): unknown {
  const block = (view.blocks as Json[]).find((b) => b.block_id === blockId) as Json | undefined;
  const element = block?.element as Json | undefined;
  return element?.initial_value ?? element?.initial_date;
}

async function clip(text: string): Promise<Json> {
  const triggerId = t.fake.triggerId();
  await t.slack.command({ command: "/clip", text, userId: STAFF, triggerId, channelId: CHANNEL });
  const opened = await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId);
  expect(opened.response.ok).toBe(true);
  return opened.response.view as Json;
}

describe("/clip <link>", () => {
  it("opens the form, then fills title, outlet, date and summary from the page (Windows-1253)", async () => {
    const { encode } = (await import("iconv-lite")).default;
    const url = pages.set("/article", html(encode(ARTICLE, "windows-1253"), "windows-1253"));
    const view = await clip(url);
    expect(inputValue(view, "url")).toBe(url);
    expect(inputValue(view, "title")).toBeUndefined();
    const update = await t.fake.waitFor("views.update", (c) => c.args.view_id === view.id);
    expect(update.args.hash).toBe(view.hash);
    expect(update.response.ok, JSON.stringify(update.response)).toBe(true);
    const filled = update.args.view as Json;
    expect(inputValue(filled, "title")).toBe("Μαρούσι: Νέα βιβλιοθήκη στην πλατεία");
    // No og:site_name: the host, as the outlets' table names it (127.0.0.1 is in no table).
    expect(inputValue(filled, "outlet")).toBe("127.0.0.1");
    expect(inputValue(filled, "publishedOn")).toBe("2026-11-30");
    expect(inputValue(filled, "summary")).toBe("Ο δήμαρχος εγκαινίασε τη βιβλιοθήκη.");
    expect(inputValue(filled, "url")).toBe(url);
    expect(filled.private_metadata).toBe(view.private_metadata);
    expect(pages.requestsTo("/article")[0]?.headers.cookie).toBeUndefined();
  });

  it("leaves the form as it was when the page 404s or is not HTML", async () => {
    for (const path of ["/missing", "/image"]) {
      if (path === "/image") pages.set(path, { body: "GIF89a", headers: { "content-type": "image/gif" } });
      const before = pages.requestsTo(path).length;
      await clip(pages.url(path));
      expect(await t.bot.inFlight.drain(30_000)).toBe(true);
      expect(pages.requestsTo(path).length).toBe(before + 1);
    }
    expect(t.fake.callsTo("views.update")).toHaveLength(0);
    expect(t.fake.callsTo("response_url")).toHaveLength(0);
  });

  it("never fetches a private address", async () => {
    // Something listening where nothing should be asked: a request to it would be counted.
    let asked = 0;
    const trap = http.createServer((_req, res) => {
      asked++;
      res.end(ARTICLE);
    });
    await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
    try {
      const port = (trap.address() as AddressInfo).port;
      await clip(`http://10.0.0.1:${port}/article`);
      await clip(`http://169.254.169.254/latest/meta-data/`);
      expect(await t.bot.inFlight.drain(30_000)).toBe(true);
      expect(asked).toBe(0);
      expect(t.fake.callsTo("views.update")).toHaveLength(0);
      // Refused before any connection, not tried and failed.
      expect(t.logs.filter((l) => l.includes("blocked_address"))).toHaveLength(2);
    } finally {
      await new Promise<void>((resolve) => trap.close(() => resolve()));
    }
  });

  it("does not overwrite a form that changed meanwhile: Slack refuses the stale hash", async () => {
    // A page that answers only when the test says so.
    let release: () => void = () => {};
    let requested: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      requested = resolve;
    });
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = http.createServer((_req, res) => {
      requested();
      void held.then(() => res.writeHead(200, { "content-type": "text/html" }).end(ARTICLE));
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      const view = await clip(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`);
      await asked;
      // The form changes before the page's answer (the app redrew it): the view has a new hash.
      const redraw = await fetch(`${t.config.slack.apiUrl}views.update`, {
        method: "POST",
        headers: { authorization: `Bearer ${t.config.slack.botToken}`, "content-type": "application/json" },
        body: JSON.stringify({ view_id: view.id, view: { ...view, id: undefined, hash: undefined } }),
      });
      expect(((await redraw.json()) as Json).ok).toBe(true);
      release();
      const stale = await t.fake.waitFor("views.update", (c) => c.args.hash === view.hash);
      expect(stale.response).toMatchObject({ ok: false, error: "hash_conflict" });
      expect(t.fake.callsTo("response_url")).toHaveLength(0);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});

describe("a page too slow to answer", () => {
  it("is given up within the fetcher's time-out and fills nothing", async () => {
    const slow = http.createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      const reader = createLinkPages({
        fetcher: createSafeFetcher({ allowLoopback: true, timeoutMs: 150 }),
        timeZone: "Europe/Athens",
      });
      const started = Date.now();
      expect(await reader.read(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/a`)).toMatchObject({
        ok: false,
        why: expect.stringContaining("timeout"),
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      // The same reader does read a page that answers (the test above could not pass for nothing).
      expect(await reader.read(pages.set("/quick", html(ARTICLE)))).toMatchObject({
        ok: true,
        facts: { title: "Μαρούσι: Νέα βιβλιοθήκη στην πλατεία", publishedOn: "2026-11-30" },
      });
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});

describe("«Log as clipping»", () => {
  it("takes the link's label as the title and lets the page name the outlet and fill the rest", async () => {
    const url = pages.set(
      "/labelled",
      html(ARTICLE.replace("<title>", '<meta property="og:site_name" content="Η ΚΑΘΗΜΕΡΙΝΗ"><title>')),
    );
    await t.slack.messageShortcut({
      callbackId: "log_clipping",
      userId: STAFF,
      channelId: CHANNEL,
      message: { text: `Για τη βιβλιοθήκη: <${url}|Η βιβλιοθήκη ανοίγει>` },
    });
    const opened = await t.fake.waitFor("views.open");
    const view = opened.response.view as Json;
    expect(inputValue(view, "title")).toBe("Η βιβλιοθήκη ανοίγει");
    expect(inputValue(view, "outlet")).toBe("127.0.0.1");
    const update = await t.fake.waitFor("views.update", (c) => c.args.view_id === view.id);
    const filled = update.args.view as Json;
    // The label stays (it is the message's own title); the host was a guess, the page names the outlet.
    expect(inputValue(filled, "title")).toBe("Η βιβλιοθήκη ανοίγει");
    expect(inputValue(filled, "outlet")).toBe("Η ΚΑΘΗΜΕΡΙΝΗ");
    expect(inputValue(filled, "publishedOn")).toBe("2026-11-30");
    expect(inputValue(filled, "summary")).toBe("Για τη βιβλιοθήκη:");
  });
});

describe("a public-looking name that resolves to a private address", () => {
  it("is refused at connection time, with loopback not allowed (the default)", async () => {
    let asked = 0;
    const trap = http.createServer((_req, res) => {
      asked++;
      res.writeHead(200, { "content-type": "text/html" }).end(ARTICLE);
    });
    await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
    try {
      const port = (trap.address() as AddressInfo).port;
      const lookup = async () => [{ address: "127.0.0.1", family: 4 }];
      const refusing = createLinkPages({ fetcher: createSafeFetcher({ lookup }), timeZone: "Europe/Athens" });
      expect(await refusing.read(`http://www.kathimerini.gr:${port}/a`)).toMatchObject({
        ok: false,
        why: expect.stringContaining("blocked_address"),
      });
      expect(asked).toBe(0);
      // With loopback allowed, the same name reaches the trap: the refusal above was the address's.
      const allowing = createLinkPages({
        fetcher: createSafeFetcher({ lookup, allowLoopback: true }),
        timeZone: "Europe/Athens",
        outlets: { outletOfHost: async (host) => (host === "www.kathimerini.gr" ? "Καθημερινή" : host) },
      });
      expect(await allowing.read(`http://www.kathimerini.gr:${port}/a`)).toMatchObject({
        ok: true,
        facts: { outlet: "Καθημερινή" },
      });
      expect(asked).toBe(1);
    } finally {
      await new Promise<void>((resolve) => trap.close(() => resolve()));
    }
  });
});

describe("the outlet of a page that does not name itself", () => {
  it("comes from the press intake's table, the office's own entries first", async () => {
    const ADMIN = "U0LINKADM";
    await t.bot.services.roles.ensureAdmins([ADMIN]);
    const intake = t.bot.services.pressIntake;
    expect(await intake.outletOfHost("news.ert.gr")).toBe("ΕΡΤ");
    expect(await intake.outletOfHost("www.marousi-news.gr")).toBe("marousi-news.gr");
    await intake.addOutlet(ADMIN, "marousi-news.gr", "Τα Νέα του Αμαρουσίου");
    expect(await intake.outletOfHost("www.marousi-news.gr")).toBe("Τα Νέα του Αμαρουσίου");
  });
});

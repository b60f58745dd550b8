// The local workspace without a browser or a database: what it reads of the manifest, how it
// signs what it delivers, and how it shows what an app does (Slack's rules for response_url,
// ephemeral messages, limits), against a small app of the test's own.

import { readFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { slackSignature } from "../../src/local-workspace/delivery.js";
import { parseManifest } from "../../src/local-workspace/manifest.js";
import { startWorkspaceServer, type WorkspaceServer } from "../../src/local-workspace/server.js";
import { LocalWorkspace } from "../../src/local-workspace/workspace.js";

const manifestText = readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8");
const SECRET = "workspace-unit-secret";
const TOKEN = "xoxb-test-local-unit";

describe("the manifest as the local workspace reads it", () => {
  it("has every slash command with its usage hint and every shortcut, as the YAML says", () => {
    const yaml = parse(manifestText) as {
      features: { slash_commands: { command: string; usage_hint?: string }[]; shortcuts: { callback_id: string }[] };
    };
    const read = parseManifest(manifestText);
    expect(read.commands.map((c) => [c.command, c.usageHint])).toEqual(
      yaml.features.slash_commands.map((c) => [c.command, c.usage_hint ?? ""]),
    );
    expect(read.shortcuts.map((s) => s.callbackId)).toEqual(yaml.features.shortcuts.map((s) => s.callback_id));
    expect(read.botName).toBe("Grafeio");
  });
});

describe("the workspace between a person and an app", () => {
  let workspace: LocalWorkspace;
  let server: WorkspaceServer;
  let app: Server;
  let client: WebClient;
  /** What the app does with each delivery it gets (its signature already checked). */
  let onDelivery: (body: URLSearchParams) => Promise<string> = async () => "";
  const received: { signed: boolean; body: URLSearchParams }[] = [];

  beforeAll(async () => {
    workspace = new LocalWorkspace({ botToken: TOKEN, signingSecret: SECRET, manifest: parseManifest(manifestText) });
    server = await startWorkspaceServer({ workspace, port: 0 });
    client = new WebClient(TOKEN, { slackApiUrl: `${server.url}api/`, retryConfig: { retries: 0 } });
    workspace.api.rateLimit = { windowMs: 0, retryAfterSeconds: 1 };
    app = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const ts = Number(req.headers["x-slack-request-timestamp"]);
        const signed = req.headers["x-slack-signature"] === slackSignature(SECRET, ts, raw);
        const body = new URLSearchParams(raw);
        received.push({ signed, body });
        const answer = await onDelivery(body);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(answer);
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    workspace.botEndpoint = `http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => app.close(resolve));
  });

  const respond = (url: string, message: object) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(message) });
  const seen = (user: string, channel: string) =>
    (workspace.snapshot(user).messages as Record<string, { text: string; ephemeralFor?: string; ts: string }[]>)[
      channel
    ] ?? [];

  it("delivers a slash command signed, as Slack's form fields; the answer is only the typist's; a page of it replaces it", async () => {
    let responseUrl = "";
    onDelivery = async (body) => {
      responseUrl = body.get("response_url") ?? "";
      await respond(responseUrl, { response_type: "ephemeral", text: "page 1" });
      return "";
    };
    await workspace.write("ULOCSTAFF", "CLOCGENERAL", "/clip search parko");
    const last = received[received.length - 1];
    expect(last?.signed).toBe(true);
    expect(last?.body.get("command")).toBe("/clip");
    expect(last?.body.get("text")).toBe("search parko");
    expect(last?.body.get("user_id")).toBe("ULOCSTAFF");
    expect(seen("ULOCSTAFF", "CLOCGENERAL").map((m) => m.text)).toEqual(["page 1"]);
    expect(seen("ULOCADMIN", "CLOCGENERAL")).toEqual([]);
    await respond(responseUrl, { response_type: "ephemeral", replace_original: true, text: "page 2" });
    expect(seen("ULOCSTAFF", "CLOCGENERAL").map((m) => m.text)).toEqual(["page 2"]);
  });

  it("refuses an unknown command without delivering it", async () => {
    const before = received.length;
    expect(await workspace.write("ULOCSTAFF", "CLOCGENERAL", "/nonsense")).toMatch(/not a valid command/);
    expect(received.length).toBe(before);
  });

  it("shows what the app posts, and nothing Slack would refuse", async () => {
    await client.chat.postMessage({ channel: "CLOCPR", text: "hello", blocks: [{ type: "divider" }] });
    const tooMany = Array.from({ length: 51 }, () => ({ type: "divider" }));
    await expect(client.chat.postMessage({ channel: "CLOCPR", text: "x", blocks: tooMany })).rejects.toThrow(
      /invalid_blocks/,
    );
    expect(seen("ULOCADMIN", "CLOCPR").map((m) => m.text)).toEqual(["hello"]);
    const posted = seen("ULOCADMIN", "CLOCPR")[0];
    await client.chat.update({ channel: "CLOCPR", ts: posted?.ts ?? "", text: "hello again" });
    expect(seen("ULOCADMIN", "CLOCPR")[0]).toMatchObject({ text: "hello again", edited: true });
    await client.chat.delete({ channel: "CLOCPR", ts: posted?.ts ?? "" });
    expect(seen("ULOCADMIN", "CLOCPR")).toEqual([]);
  });

  it("opens a modal with the trigger of the person's command, shows the app's errors under its fields, closes it when accepted", async () => {
    const view = {
      type: "modal" as const,
      callback_id: "unit_form",
      title: { type: "plain_text" as const, text: "Form" },
      submit: { type: "plain_text" as const, text: "Save" },
      blocks: [
        {
          type: "input",
          block_id: "link",
          label: { type: "plain_text", text: "Link" },
          element: { type: "plain_text_input", action_id: "value" },
        },
      ],
    };
    onDelivery = async (body) => {
      if (body.get("command")) {
        await client.views.open({ trigger_id: body.get("trigger_id") ?? "", view });
        return "";
      }
      const payload = JSON.parse(body.get("payload") ?? "{}");
      const value = payload.view.state.values.link.value.value;
      return value === "ok" ? "" : JSON.stringify({ response_action: "errors", errors: { link: "Not a link" } });
    };
    await workspace.write("ULOCADMIN", "CLOCPR", "/clip");
    const modals = () => workspace.snapshot("ULOCADMIN").modals as { id: string; errors: Record<string, string> }[];
    expect(modals()).toHaveLength(1);
    const id = modals()[0]?.id ?? "";
    const state = (value: string) => ({ link: { value: { type: "plain_text_input", value } } });
    await workspace.submit("ULOCADMIN", id, state("nope"));
    expect(modals()[0]?.errors).toEqual({ link: "Not a link" });
    await workspace.submit("ULOCADMIN", id, state("ok"));
    expect(modals()).toEqual([]);
  });
});

describe("the workspace's page API", () => {
  it("takes only JSON from this machine's own page: another site's form post is refused", async () => {
    const workspace = new LocalWorkspace({
      botToken: TOKEN,
      signingSecret: SECRET,
      manifest: parseManifest(manifestText),
    });
    const server = await startWorkspaceServer({ workspace, port: 0 });
    try {
      const body = JSON.stringify({ user: "ULOCADMIN", channel: "CLOCPR", text: "hello" });
      const asForm = await fetch(`${server.url}ui/write`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body,
      });
      expect(asForm.status).toBe(403);
      // fetch will not send another Host: a plain request does, as a rebound DNS name would.
      const rebound = await new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}ui/write`, {
          method: "POST",
          headers: { "content-type": "application/json", host: "evil.example:3000" },
        });
        req.on("response", (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end(body);
      });
      expect(rebound).toBe(403);
      expect(workspace.messages.size).toBe(0);
      const ok = await fetch(`${server.url}ui/write`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(ok.status).toBe(200);
      expect(workspace.messages.get("CLOCPR")?.map((m) => m.text)).toEqual(["hello"]);
    } finally {
      await server.close();
    }
  });

  it("keeps a file picked in a form as Slack keeps a user's upload: files.info knows it, only the bot's token downloads it", async () => {
    const workspace = new LocalWorkspace({
      botToken: TOKEN,
      signingSecret: SECRET,
      manifest: parseManifest(manifestText),
    });
    const server = await startWorkspaceServer({ workspace, port: 0 });
    const client = new WebClient(TOKEN, { slackApiUrl: `${server.url}api/`, retryConfig: { retries: 0 } });
    try {
      const post = (body: object) =>
        fetch(`${server.url}ui/file`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const bytes = Buffer.from("Ονοματεπώνυμο;Email\r\nΕιρήνη Αλεξίου;eirini@example.gr\r\n", "utf8");
      const answer = (await (
        await post({ user: "ULOCSTAFF", name: "epafes.csv", data: bytes.toString("base64") })
      ).json()) as {
        file: { id: string; name: string; filetype: string; user: string; url_private_download: string };
      };
      expect(answer.file).toMatchObject({ name: "epafes.csv", filetype: "csv", user: "ULOCSTAFF" });
      const info = await client.files.info({ file: answer.file.id });
      expect(info.file?.url_private_download).toBe(answer.file.url_private_download);
      const withToken = await fetch(answer.file.url_private_download, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(Buffer.from(await withToken.arrayBuffer()).equals(bytes)).toBe(true);
      const without = await fetch(answer.file.url_private_download);
      expect(await without.text()).toContain("Sign in");
      // Not base64, or from nobody in the workspace: refused, nothing kept.
      expect((await post({ user: "ULOCSTAFF", name: "x.csv", data: "<script>" })).status).toBe(400);
      expect((await post({ user: "UNOBODY1", name: "x.csv", data: "" })).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});

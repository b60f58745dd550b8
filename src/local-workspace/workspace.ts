// The local workspace: a Slack of one office on this machine, for trying Grafeio without a Slack
// account. The bot talks to it as to Slack (the Web API emulator, src/slack-emulator) and hears
// from it as from Slack (signed HTTP, delivery.ts). What people see — channels, messages, modals,
// files — is kept here from the Web API calls the bot made, the way Slack's clients show them.
// Nothing in the areas knows any of this: the bot is the one `npm start` runs against real Slack.
import { randomUUID } from "node:crypto";
import { checkView } from "../slack-emulator/block-kit-limits.js";
import { BOT_USER_ID, type RecordedCall, SlackApiEmulator } from "../slack-emulator/web-api.js";
import { type Delivered, Delivery, type Json } from "./delivery.js";
import type { AppManifest } from "./manifest.js";

export const TEAM_ID = "T0LOCAL";
export const APP_ID = "A0LOCAL";
const TEAM_DOMAIN = "grafeio-local";

export type PersonaKind = "admin" | "manager" | "staff" | "translator" | "none";

export interface Person {
  id: string;
  name: string;
  kind: PersonaKind;
  locale: "el-GR" | "en-US";
  tz: string;
  /** What the person is, for the switcher (the role the bot gives them at start). */
  title: string;
}

export interface Channel {
  id: string;
  name: string;
  /** What the office uses it for, shown under its name. */
  purpose: string;
}

export interface LocalFile {
  id: string;
  name: string;
  size: number;
  url: string;
  mimetype: string;
}

export interface Message {
  channel: string;
  ts: string;
  /** Who wrote it: the bot, or a person. */
  user: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  files?: LocalFile[];
  /** Set on an ephemeral message: the only person who sees it. */
  ephemeralFor?: string;
  edited?: boolean;
}

interface ModalEntry {
  id: string;
  view: Json;
  errors: Record<string, string>;
  /** Why Slack would have refused what the app sent (shown on the modal, as Slack shows an error). */
  problem?: string;
}

/** Where a response_url's posts go: the channel, the person, and the message it came from. */
interface ResponseContext {
  channel: string;
  user: string;
  /** The message whose button was clicked (a channel message's ts, or an ephemeral one's). */
  source?: { ts: string; ephemeral: boolean };
}

/** The people one can act as: one of each role, in Greek or English, in two time zones. */
export const PEOPLE: readonly Person[] = [
  {
    id: "ULOCADMIN",
    name: "Ελένη Παπαδοπούλου",
    kind: "admin",
    locale: "el-GR",
    tz: "Europe/Athens",
    title: "admin",
  },
  {
    id: "ULOCMANAGER",
    name: "Νίκος Αντωνίου",
    kind: "manager",
    locale: "el-GR",
    tz: "Europe/Athens",
    title: "manager",
  },
  {
    id: "ULOCSTAFF",
    name: "Μαρία Κωνσταντίνου",
    kind: "staff",
    locale: "el-GR",
    tz: "Europe/Athens",
    title: "staff",
  },
  {
    id: "ULOCTRANS",
    name: "Anna Becker",
    kind: "translator",
    locale: "en-US",
    tz: "Europe/Berlin",
    title: "staff (translator)",
  },
  {
    id: "ULOCGUEST",
    name: "Γιώργος Δημητρίου",
    kind: "none",
    locale: "el-GR",
    tz: "Europe/Athens",
    title: "no role",
  },
];

export const CHANNELS: readonly Channel[] = [
  { id: "CLOCPR", name: "γραφείο-τύπου", purpose: "PR_CHANNEL_ID: name days, cards, holiday notes" },
  { id: "CLOCINTL", name: "διεθνείς-σχέσεις", purpose: "INTL_CHANNEL_ID: translation requests" },
  { id: "CLOCMANAGERS", name: "διευθυντές", purpose: "the managers' channel" },
  { id: "CLOCGENERAL", name: "general", purpose: "everyone" },
];

export const dmOf = (userId: string) => `D${userId.slice(1)}`;

export interface WorkspaceOptions {
  botToken: string;
  signingSecret: string;
  manifest: AppManifest;
  /** The bot's request URL (`…/slack/events`), known once the bot listens. */
  botEndpoint?: string;
}

export class LocalWorkspace {
  readonly api: SlackApiEmulator;
  readonly people = new Map<string, Person>();
  readonly manifest: AppManifest;
  /** Every message, by channel, oldest first; ephemeral ones carry `ephemeralFor`. */
  readonly messages = new Map<string, Message[]>();
  /** Each person's open modal: a stack of up to 3 views. */
  readonly modals = new Map<string, ModalEntry[]>();
  /** Each person's App Home, once the bot publishes one. */
  readonly homes = new Map<string, Json>();
  /** Shown to one person as a notice (an error Slack would show): cleared when read. */
  readonly notices = new Map<string, string[]>();
  botEndpoint: string | undefined;
  private readonly delivery: Delivery;
  private readonly triggers = new Map<string, string>();
  private readonly responses = new Map<string, ResponseContext>();
  private readonly fileNames = new Map<string, string>();
  private readonly changeListeners = new Set<() => void>();
  private version = 0;
  private counter = 0;

  constructor(options: WorkspaceOptions) {
    // Slack's limits, its per-channel pace included, are the emulator's, as in the tests.
    this.api = new SlackApiEmulator({ botToken: options.botToken });
    this.manifest = options.manifest;
    this.botEndpoint = options.botEndpoint;
    this.delivery = new Delivery(() => this.botEndpoint, options.signingSecret);
    for (const p of PEOPLE) this.setPerson(p);
    for (const c of CHANNELS) this.api.channelNames.set(c.id, c.name);
    this.api.observe((call) => this.heard(call));
  }

  get stateVersion(): number {
    return this.version;
  }

  /** Called after anything people see changed (the page's live updates). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  setPerson(person: Person): void {
    this.people.set(person.id, person);
    this.api.users.set(person.id, {
      id: person.id,
      name: person.name,
      realName: person.name,
      locale: person.locale,
      tz: person.tz,
    });
    this.changed();
  }

  private changed() {
    this.version++;
    for (const l of [...this.changeListeners]) l();
  }

  private nextTs(): string {
    this.counter++;
    return `${Math.floor(Date.now() / 1000)}.${String(900000 + this.counter).padStart(6, "0")}`;
  }

  private trigger(userId: string): string {
    const id = this.api.triggerId();
    this.triggers.set(id, userId);
    return id;
  }

  private responseUrl(context: ResponseContext): string {
    const url = this.api.responseUrl();
    this.responses.set(url.slice(url.lastIndexOf("/") + 1), context);
    return url;
  }

  private add(message: Message) {
    this.messages.set(message.channel, [...(this.messages.get(message.channel) ?? []), message]);
  }

  private find(channel: string, ts: string): Message | undefined {
    return (this.messages.get(channel) ?? []).find((m) => m.ts === ts);
  }

  private remove(channel: string, ts: string) {
    this.messages.set(
      channel,
      (this.messages.get(channel) ?? []).filter((m) => m.ts !== ts),
    );
  }

  private notify(userId: string, text: string) {
    this.notices.set(userId, [...(this.notices.get(userId) ?? []), text]);
  }

  /** What the bot did, as the people in the workspace see it. */
  private heard(call: RecordedCall) {
    const { method, args, response } = call;
    const ok = response.ok === true;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    switch (method) {
      case "chat.postMessage":
        if (!ok) return;
        this.add({
          channel: str(response.channel),
          ts: str(response.ts),
          user: BOT_USER_ID,
          text: str(args.text),
          blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
          threadTs: str(args.thread_ts) || undefined,
        });
        break;
      case "chat.postEphemeral":
        if (!ok) return;
        this.add({
          channel: this.channelOf(str(args.channel)),
          ts: str(response.message_ts),
          user: BOT_USER_ID,
          text: str(args.text),
          blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
          ephemeralFor: str(args.user),
          threadTs: str(args.thread_ts) || undefined,
        });
        break;
      case "chat.update": {
        if (!ok) return;
        const m = this.find(this.channelOf(str(args.channel)), str(args.ts));
        if (!m) return;
        if (typeof args.text === "string") m.text = args.text;
        if (Array.isArray(args.blocks)) m.blocks = args.blocks;
        m.edited = true;
        break;
      }
      case "chat.delete":
        if (ok) this.remove(this.channelOf(str(args.channel)), str(args.ts));
        break;
      case "response_url":
        if (ok && call.target) this.responded(call.target, args);
        break;
      case "views.open":
      case "views.push": {
        const user = this.triggers.get(str(args.trigger_id));
        const view = response.view as Json | undefined;
        if (!user) return;
        if (!ok || !view) {
          this.notify(
            user,
            `Slack refused ${method}: ${str(response.error)} ${JSON.stringify(response.response_metadata ?? "")}`,
          );
          break;
        }
        const entry = { id: str(view.id), view, errors: {} };
        const stack = method === "views.open" ? [] : (this.modals.get(user) ?? []);
        this.modals.set(user, [...stack, entry].slice(-3));
        break;
      }
      case "views.update": {
        if (!ok) return;
        const view = response.view as Json;
        for (const stack of this.modals.values()) {
          const entry = stack.find((e) => e.id === view.id);
          if (entry) Object.assign(entry, { view, errors: {}, problem: undefined });
        }
        break;
      }
      case "views.publish":
        if (ok) this.homes.set(str(args.user_id), response.view as Json);
        break;
      case "files.getUploadURLExternal":
        if (ok) this.fileNames.set(str(response.file_id), str(args.filename));
        break;
      case "files.completeUploadExternal": {
        if (!ok || !args.channel_id) return;
        const listed = JSON.parse(str(args.files) || "[]") as Json[];
        const files = listed.map((f) => {
          const id = str(f.id);
          const name = this.fileNames.get(id) ?? str(f.title);
          return {
            id,
            name,
            size: this.api.uploads.get(id)?.byteLength ?? 0,
            url: `/files/${id}/${encodeURIComponent(name)}`,
            mimetype: mimeOf(name),
          };
        });
        this.add({
          channel: this.channelOf(str(args.channel_id)),
          ts: this.nextTs(),
          user: BOT_USER_ID,
          text: str(args.initial_comment),
          files,
          threadTs: str(args.thread_ts) || undefined,
        });
        break;
      }
      default:
        return;
    }
    this.changed();
  }

  /** A DM is addressed by the person's id or by its D… id; the page keeps it under the latter. */
  private channelOf(channel: string): string {
    return /^[UW]/.test(channel) ? dmOf(channel) : channel;
  }

  /** A post to a response_url, as Slack applies it: a new message, or the original replaced or deleted. */
  private responded(id: string, args: Json) {
    const context = this.responses.get(id);
    if (!context) return;
    const source = context.source;
    if (args.delete_original === true && source) {
      this.remove(context.channel, source.ts);
      return;
    }
    const content = {
      text: typeof args.text === "string" ? args.text : "",
      blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
    };
    if (args.replace_original === true && source) {
      const original = this.find(context.channel, source.ts);
      if (original) {
        Object.assign(original, content, { edited: !source.ephemeral });
        return;
      }
    }
    const inChannel = args.response_type === "in_channel";
    const ts = this.nextTs();
    this.add({
      channel: context.channel,
      ts,
      user: BOT_USER_ID,
      ...content,
      ...(inChannel ? {} : { ephemeralFor: context.user }),
    });
    // The next post to the same URL replaces this one when it asks to (a search's next page).
    if (!source) context.source = { ts, ephemeral: !inChannel };
  }

  // -------------------------------------------------------------------------------------------
  // What people do, delivered to the bot as Slack delivers it.

  private who(userId: string): Json {
    const p = this.people.get(userId);
    return { id: userId, username: p?.name ?? userId, name: p?.name ?? userId, team_id: TEAM_ID };
  }

  private channelName(channel: string): string {
    return CHANNELS.find((c) => c.id === channel)?.name ?? "directmessage";
  }

  /** A person writes in a channel: a slash command goes to the bot, anything else is a message. */
  async write(userId: string, channel: string, text: string, threadTs?: string): Promise<string | undefined> {
    const command = /^(\/[a-z0-9_-]+)(?:\s+([\s\S]*))?$/i.exec(text.trim());
    if (!command) {
      this.add({ channel, ts: this.nextTs(), user: userId, text, threadTs });
      this.changed();
      return undefined;
    }
    const name = (command[1] ?? "").toLowerCase();
    if (!this.manifest.commands.some((c) => c.command === name)) return `${name} is not a valid command.`;
    const delivered = await this.deliver(userId, () =>
      this.delivery.command({
        token: "local",
        team_id: TEAM_ID,
        team_domain: TEAM_DOMAIN,
        channel_id: channel,
        channel_name: this.channelName(channel),
        user_id: userId,
        user_name: this.people.get(userId)?.name ?? userId,
        command: name,
        text: command[2] ?? "",
        api_app_id: APP_ID,
        is_enterprise_install: "false",
        response_url: this.responseUrl({ channel, user: userId }),
        trigger_id: this.trigger(userId),
      }),
    );
    // An acknowledgement with a message in it is shown like a response_url post.
    const body = parseJson(delivered?.body);
    if (body && (body.text || body.blocks)) {
      this.add({
        channel,
        ts: this.nextTs(),
        user: BOT_USER_ID,
        text: String(body.text ?? ""),
        blocks: Array.isArray(body.blocks) ? body.blocks : undefined,
        ...(body.response_type === "in_channel" ? {} : { ephemeralFor: userId }),
      });
      this.changed();
    }
    return undefined;
  }

  /** A message shortcut from a message's menu. */
  async shortcut(userId: string, channel: string, ts: string, callbackId: string): Promise<void> {
    const m = this.find(channel, ts);
    if (!m) return;
    await this.deliver(userId, () =>
      this.delivery.interaction({
        type: "message_action",
        callback_id: callbackId,
        trigger_id: this.trigger(userId),
        response_url: this.responseUrl({ channel, user: userId }),
        team: { id: TEAM_ID, domain: TEAM_DOMAIN },
        user: this.who(userId),
        channel: { id: channel, name: this.channelName(channel) },
        message_ts: ts,
        message: messageJson(m),
        token: "local",
        action_ts: String(Date.now() / 1000),
        is_enterprise_install: false,
      }),
    );
  }

  /**
   * A click, a choice, a date picked: `action` is the element's part of Slack's block_actions
   * payload (type, action_id, block_id and the selected value), `state` the inputs' values.
   */
  async act(
    userId: string,
    where: { channel: string; ts: string } | { viewId: string },
    action: Json,
    state: Json = {},
  ): Promise<void> {
    const base = {
      type: "block_actions",
      user: this.who(userId),
      api_app_id: APP_ID,
      token: "local",
      trigger_id: this.trigger(userId),
      team: { id: TEAM_ID, domain: TEAM_DOMAIN },
      is_enterprise_install: false,
      actions: [{ ...action, action_ts: String(Date.now() / 1000) }],
    };
    if ("viewId" in where) {
      // A modal of the person's, or their App Home (its actions come with the home view).
      const home = this.homes.get(userId);
      const entry =
        this.modalOf(userId, where.viewId) ??
        (home && home.id === where.viewId ? { id: where.viewId, view: home, errors: {} } : undefined);
      if (!entry) return;
      await this.deliver(userId, () =>
        this.delivery.interaction({
          ...base,
          container: { type: "view", view_id: entry.id },
          view: this.viewJson(userId, entry, state),
        }),
      );
      return;
    }
    const m = this.find(where.channel, where.ts);
    if (!m) return;
    const ephemeral = Boolean(m.ephemeralFor);
    await this.deliver(userId, () =>
      this.delivery.interaction({
        ...base,
        container: { type: "message", message_ts: m.ts, channel_id: m.channel, is_ephemeral: ephemeral },
        channel: { id: m.channel, name: this.channelName(m.channel) },
        // Slack does not send an ephemeral message's content back with its actions.
        ...(ephemeral ? {} : { message: messageJson(m) }),
        state: { values: state },
        response_url: this.responseUrl({ channel: m.channel, user: userId, source: { ts: m.ts, ephemeral } }),
      }),
    );
  }

  /** The options of an external select, asked of the bot as Slack asks (block_suggestion). */
  async options(userId: string, viewId: string | undefined, action: Json, value: string): Promise<Json[]> {
    const entry = viewId ? this.modalOf(userId, viewId) : undefined;
    const delivered = await this.deliver(userId, () =>
      this.delivery.interaction({
        type: "block_suggestion",
        user: this.who(userId),
        team: { id: TEAM_ID, domain: TEAM_DOMAIN },
        api_app_id: APP_ID,
        token: "local",
        action_id: action.action_id,
        block_id: action.block_id,
        value,
        ...(entry ? { container: { type: "view", view_id: entry.id }, view: this.viewJson(userId, entry, {}) } : {}),
      }),
    );
    const body = parseJson(delivered?.body);
    if (Array.isArray(body?.options)) return body.options as Json[];
    if (Array.isArray(body?.option_groups))
      return (body.option_groups as Json[]).flatMap((g) => (Array.isArray(g.options) ? (g.options as Json[]) : []));
    return [];
  }

  /** The person submits the modal on top: the bot's acknowledgement decides what happens to it. */
  async submit(userId: string, viewId: string, state: Json): Promise<void> {
    const entry = this.modalOf(userId, viewId);
    if (!entry) return;
    const delivered = await this.deliver(userId, () =>
      this.delivery.interaction({
        type: "view_submission",
        team: { id: TEAM_ID, domain: TEAM_DOMAIN },
        user: this.who(userId),
        api_app_id: APP_ID,
        token: "local",
        trigger_id: this.trigger(userId),
        view: this.viewJson(userId, entry, state),
        response_urls: [],
        is_enterprise_install: false,
      }),
    );
    if (delivered?.status !== 200) return;
    const stack = this.modals.get(userId) ?? [];
    const answer = parseJson(delivered.body) ?? {};
    switch (answer.response_action) {
      case "errors":
        entry.errors = (answer.errors as Record<string, string>) ?? {};
        break;
      case "update":
      case "push": {
        const problem = checkView(answer.view);
        if (problem) {
          entry.problem = `Slack would refuse this answer (${problem[0]}: ${problem[1]})`;
          break;
        }
        const view = { ...(answer.view as Json), hash: randomUUID() };
        if (answer.response_action === "update") Object.assign(entry, { view: { ...view, id: entry.id }, errors: {} });
        else {
          const id = `V${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
          if (stack.length >= 3) entry.problem = "Slack allows at most 3 views in a modal's stack";
          else this.modals.set(userId, [...stack, { id, view: { ...view, id }, errors: {} }]);
        }
        break;
      }
      case "clear":
        this.modals.delete(userId);
        break;
      default:
        this.modals.set(
          userId,
          stack.filter((e) => e.id !== viewId),
        );
    }
    this.changed();
  }

  /** The person closes the modal on top (×, or Cancel): view_closed when the view asked for it. */
  async close(userId: string, viewId: string): Promise<void> {
    const entry = this.modalOf(userId, viewId);
    if (!entry) return;
    const stack = this.modals.get(userId) ?? [];
    this.modals.set(
      userId,
      stack.filter((e) => e.id !== viewId),
    );
    this.changed();
    if (entry.view.notify_on_close === true)
      await this.deliver(userId, () =>
        this.delivery.interaction({
          type: "view_closed",
          team: { id: TEAM_ID, domain: TEAM_DOMAIN },
          user: this.who(userId),
          api_app_id: APP_ID,
          token: "local",
          view: this.viewJson(userId, entry, {}),
          is_cleared: false,
          is_enterprise_install: false,
        }),
      );
  }

  /**
   * A file a person picked in a form's file input: kept by the workspace's files host, as Slack
   * keeps a user's upload, and described as a view submission's state carries it (the bot asks
   * files.info for its address and downloads it with its token, as from Slack).
   */
  pickFile(userId: string, name: string, bytes: Uint8Array): Json {
    const info = this.api.hostFile(name, bytes, { user: userId });
    return { ...info, created: Math.floor(Date.now() / 1000), timestamp: Math.floor(Date.now() / 1000) };
  }

  /** The App Home is opened: app_home_opened, when the app subscribes to it. */
  async openHome(userId: string): Promise<void> {
    if (!this.manifest.botEvents.includes("app_home_opened")) return;
    await this.deliver(userId, () =>
      this.delivery.event({
        token: "local",
        team_id: TEAM_ID,
        api_app_id: APP_ID,
        type: "event_callback",
        event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: "app_home_opened",
          user: userId,
          channel: dmOf(userId),
          tab: "home",
          event_ts: String(Date.now() / 1000),
          ...(this.homes.has(userId) ? { view: this.homes.get(userId) } : {}),
        },
      }),
    );
  }

  private modalOf(userId: string, viewId: string): ModalEntry | undefined {
    return (this.modals.get(userId) ?? []).find((e) => e.id === viewId);
  }

  private viewJson(userId: string, entry: ModalEntry, values: Json): Json {
    const stack = this.modals.get(userId) ?? [];
    const index = stack.indexOf(entry);
    return {
      ...entry.view,
      id: entry.id,
      team_id: TEAM_ID,
      app_id: APP_ID,
      bot_id: "B0LOCAL",
      state: { values },
      root_view_id: stack[0]?.id ?? entry.id,
      previous_view_id: index > 0 ? (stack[index - 1]?.id ?? null) : null,
    };
  }

  /** Delivers one request; a refusal or a silence is said to the person, as Slack says it. */
  private async deliver(userId: string, send: () => Promise<Delivered>): Promise<Delivered | undefined> {
    try {
      const delivered = await send();
      if (delivered.status !== 200) {
        this.notify(userId, `The app answered HTTP ${delivered.status}.`);
        this.changed();
      }
      return delivered;
    } catch (error) {
      this.notify(userId, `The app did not respond (${(error as Error).message}).`);
      this.changed();
      return undefined;
    }
  }

  // -------------------------------------------------------------------------------------------
  // What the page shows one person.

  snapshot(userId: string): Json {
    const visible = (m: Message) => !m.ephemeralFor || m.ephemeralFor === userId;
    const channels = [
      ...CHANNELS.map((c) => ({ ...c, kind: "channel" })),
      { id: dmOf(userId), name: this.manifest.botName, purpose: "direct messages with the bot", kind: "dm" },
    ];
    const messages: Record<string, Message[]> = {};
    for (const c of channels) messages[c.id] = (this.messages.get(c.id) ?? []).filter(visible);
    const notices = this.notices.get(userId) ?? [];
    this.notices.delete(userId);
    return {
      version: this.version,
      me: this.people.get(userId),
      people: [...this.people.values()],
      bot: { id: BOT_USER_ID, name: this.manifest.botName },
      channels,
      messages,
      modals: (this.modals.get(userId) ?? []).map((e) => ({
        id: e.id,
        view: e.view,
        errors: e.errors,
        problem: e.problem,
      })),
      home: this.homes.get(userId) ?? null,
      homeEnabled: this.manifest.botEvents.includes("app_home_opened"),
      commands: this.manifest.commands,
      shortcuts: this.manifest.shortcuts.filter((s) => s.type === "message"),
      notices,
    };
  }

  /** A file the bot uploaded, for the page's download links. */
  file(id: string): { name: string; bytes: Buffer; mimetype: string } | undefined {
    const bytes = this.api.uploads.get(id);
    const name = this.fileNames.get(id);
    return bytes && name ? { name, bytes, mimetype: mimeOf(name) } : undefined;
  }
}

function messageJson(m: Message): Json {
  return {
    type: "message",
    ts: m.ts,
    text: m.text,
    ...(m.user === BOT_USER_ID ? { bot_id: "B0LOCAL", user: BOT_USER_ID } : { user: m.user }),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.files ? { files: m.files.map((f) => ({ id: f.id, name: f.name, mimetype: f.mimetype })) } : {}),
  };
}

function parseJson(text: string | undefined): Json | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

const MIME: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  ics: "text/calendar; charset=utf-8",
  png: "image/png",
  json: "application/json",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function mimeOf(name: string): string {
  return MIME[name.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
}

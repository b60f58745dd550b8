// The one way a listener is declared: `onCommand`, `onAction`, `onForm`, `onShortcut`, `onOptions`.
// Each acknowledges Slack first (within its 3 seconds), finds the user's language, checks the role,
// decodes what Slack hands back (action values, private_metadata) through a codec, and runs the
// listener's work safely: a failure becomes a plain sentence to the user, never the error, and a
// stale or forged value becomes "this message is out of date" and changes nothing.
import type {
  App,
  BlockAction,
  BlockElementAction,
  BlockSuggestion,
  GlobalShortcut,
  MessageShortcut,
  RespondArguments,
  RespondFn,
  SlackViewMiddlewareArgs,
  SlashCommand,
  ViewOutput,
} from "@slack/bolt";
import type { KnownBlock, ModalView, Option } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../app/logger.js";
import type { Role } from "../areas/users/roles.js";
import { el, en } from "../i18n/common.js";
import type { LocaleCode, Messages } from "../i18n/index.js";
import { messages } from "../i18n/index.js";
import { withoutControlCharacters } from "../lib/text.js";
import { type Codec, isHelpRequest, userChange } from "./codec.js";
import { commandRepeats } from "./repeated-commands.js";

/** The declarations' kinds, as the metrics count a listener's failures. */
export type ListenerKind = "command" | "action" | "view_submission" | "shortcut" | "options";

/** Told when a listener's work fails (the metrics; src/app/metrics.ts). */
export interface ListenerObserver {
  failed(kind: ListenerKind): void;
}

/** What the declarations need from the rest of Grafeio: a log, the roles, each user's language. */
export interface SlackKit {
  logger: Logger;
  roles: { hasRole(slackUserId: string, role: Role): Promise<boolean> };
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
  observer?: ListenerObserver;
  /** How long a form's work may take before it is answered with a "saving…" view (tests shorten it). */
  formDeadlineMs?: number;
  /**
   * Told after a person's command, button or form has done its work (the Home tab refreshes what
   * may have changed: src/areas/home/home-refresher.ts). Never awaited, never fails the listener.
   */
  activity?: ActivityHook;
}

/** What is told of a person's finished work (a command, a button, a form). */
export interface ActivityHook {
  acted(slackUserId: string, client: WebClient): void;
}

function tellActivity(kit: SlackKit, userId: string, client: WebClient): void {
  try {
    kit.activity?.acted(userId, client);
  } catch (error) {
    kit.logger.warn({ err: error, user: userId }, "the activity hook failed");
  }
}

/** The person a listener is serving, in their language. */
export interface UserView {
  userId: string;
  locale: LocaleCode;
  t: Messages;
}

export async function userView(kit: SlackKit, userId: string): Promise<UserView> {
  const locale = await kit.locales.resolve(userId);
  return { userId, locale, t: messages(locale) };
}

/** Sends a private answer to the user a listener is serving (blocks optional; text is the fallback). */
export type Reply = (text: string, blocks?: KnownBlock[]) => Promise<void>;

/** For slash commands: the command's response_url, which works in any channel. */
export function replyWithRespond(
  respond: (msg: { response_type: "ephemeral"; text: string; blocks?: KnownBlock[] }) => Promise<unknown>,
): Reply {
  return async (text, blocks) => {
    await respond({ response_type: "ephemeral", text, ...(blocks ? { blocks } : {}) });
  };
}

/**
 * For shortcuts and modals: ephemeral in the channel the user is working in, or a DM from the bot
 * when that is not possible (a channel the bot is not in, or no channel at all).
 */
export function replyPrivately(
  kit: Pick<SlackKit, "logger">,
  client: WebClient,
  userId: string,
  channel?: string,
): Reply {
  return async (text, blocks) => {
    const content = { text, ...(blocks ? { blocks } : {}) };
    if (channel) {
      try {
        await client.chat.postEphemeral({ channel, user: userId, ...content });
        return;
      } catch (error) {
        kit.logger.info({ err: error, channel }, "ephemeral not possible; sending a DM instead");
      }
    }
    await client.chat.postMessage({ channel: userId, ...content });
  };
}

/** Checks a role; when the user lacks it, tells them politely and returns false. */
export async function ensureRole(kit: SlackKit, user: UserView, role: Role, reply: Reply): Promise<boolean> {
  if (await kit.roles.hasRole(user.userId, role)) return true;
  kit.logger.info({ user: user.userId, role }, "refused: missing role");
  await reply(user.t.common.noPermission(user.t.common.roleNames[role]));
  return false;
}

/**
 * Runs a listener's work after its ack. A failure is logged with its stack and the user gets a
 * plain sentence, never the error itself.
 */
export async function answerSafely(
  kit: SlackKit,
  context: { userId: string; reply: Reply; what: string; kind: ListenerKind },
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    // Let requests already arriving be read and acknowledged before this one's work: the embedded
    // database runs on this thread, and Slack's 3-second limit is on the acknowledgement.
    await new Promise((resolve) => setImmediate(resolve));
    await work();
  } catch (error) {
    kit.logger.error({ err: error, user: context.userId, listener: context.what }, "listener failed");
    kit.observer?.failed(context.kind);
    try {
      const { t } = await userView(kit, context.userId);
      await context.reply(t.common.unexpectedError);
    } catch (secondError) {
      kit.logger.error({ err: secondError }, "could not tell the user about the failure");
    }
  }
}

/**
 * Files only the requester should get (exports, a person's data): uploaded into the DM between them
 * and the bot, never into the channel they asked from.
 */
export async function sendFilesPrivately(
  client: WebClient,
  userId: string,
  comment: string,
  files: { file: Buffer; filename: string }[],
): Promise<void> {
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error("could not open a DM with the requester");
  await client.files.uploadV2({
    channel_id: channel,
    initial_comment: comment,
    file_uploads: files.map((f) => ({ file: f.file, filename: f.filename, title: f.filename })),
  });
}

// ---------------------------------------------------------------------------------------------
// The declarations.

export interface CommandContext {
  user: UserView;
  command: SlashCommand;
  /** The command's text, trimmed, without control characters. */
  text: string;
  client: WebClient;
  reply: Reply;
}

/**
 * A slash command. `/<name> help` and `/<name> βοήθεια` answer with `help` (for anyone: it only
 * says what the command does); everything else needs `role`, or with "anyone" no role at all (the
 * command's service then checks each use case's own right).
 */
export function onCommand(
  app: App,
  kit: SlackKit,
  spec: {
    name: string;
    role: Role | "anyone";
    help?: (t: Messages) => string;
    handle: (context: CommandContext) => Promise<unknown>;
  },
): void {
  app.command(spec.name, async ({ ack, command, client, respond }) => {
    await ack();
    // The same command and text again within seconds (a replay, a double Enter): ignored; help never.
    if (!isHelpRequest(command.text) && commandRepeats.isRepeat(command))
      return kit.logger.info({ user: command.user_id, command: command.command }, "repeated command ignored");
    const reply = replyWithRespond(respond);
    await answerSafely(kit, { userId: command.user_id, reply, what: spec.name, kind: "command" }, async () => {
      const user = await userView(kit, command.user_id);
      // A control character (a NUL pasted in) is no part of what was meant, and PostgreSQL refuses a NUL.
      const text = withoutControlCharacters(command.text).trim();
      if (spec.help && isHelpRequest(text)) return reply(spec.help(user.t));
      if (spec.role !== "anyone" && !(await ensureRole(kit, user, spec.role, reply))) return;
      await spec.handle({ user, command, text, client, reply });
      tellActivity(kit, command.user_id, client);
    });
  });
}

/** The value an interactive element carries: a button's value, a menu's or select's chosen option. */
export function actionValue(action: BlockElementAction): string | undefined {
  if ("value" in action && typeof action.value === "string") return action.value;
  if ("selected_option" in action && action.selected_option) return action.selected_option.value;
  return undefined;
}

export interface ActionContext<E extends BlockElementAction, V> {
  user: UserView;
  action: E;
  body: BlockAction<E>;
  /** The element's value, decoded. */
  value: V;
  client: WebClient;
  /** Privately to whoever clicked (ephemeral in the channel, else a DM). */
  reply: Reply;
  /** Replaces or adds to the message the element was in (its response_url). */
  respond: RespondFn;
}

/**
 * A button, menu or select. With a `value` codec, an element whose value does not decode (an old
 * message, a forged request) is answered with "out of date" and nothing runs.
 */
export function onAction<E extends BlockElementAction = BlockElementAction, V = string | undefined>(
  app: App,
  kit: SlackKit,
  spec: {
    id: string | RegExp;
    role: Role;
    value?: Codec<V>;
    handle: (context: ActionContext<E, V>) => Promise<unknown>;
  },
): void {
  app.action<BlockAction<E>>(spec.id, async ({ ack, action, body, client, respond }) => {
    await ack();
    const userId = body.user.id;
    const reply = replyPrivately(kit, client, userId, body.channel?.id);
    await answerSafely(kit, { userId, reply, what: action.action_id, kind: "action" }, async () => {
      const user = await userView(kit, userId);
      if (!(await ensureRole(kit, user, spec.role, reply))) return;
      const raw = actionValue(action);
      let value: V;
      if (spec.value) {
        const decoded = spec.value.decode(raw);
        if (decoded === undefined) {
          kit.logger.info({ user: userId, action: action.action_id }, "refused: a value that does not decode");
          return reply(user.t.common.outOfDate);
        }
        value = decoded;
      } else {
        value = raw as V;
      }
      await spec.handle({
        user,
        action,
        body,
        value,
        client,
        reply,
        // A button on the Home tab has no message to answer in: the answer goes to the person's DM.
        respond: body.response_url ? respond : respondByDm(client, userId),
      });
      tellActivity(kit, userId, client);
    });
  });
}

/** A `respond` for an element with no response_url (a view, the Home tab): the text and blocks by DM. */
function respondByDm(client: WebClient, userId: string): RespondFn {
  // Bolt's RespondFn answers with the response_url's fetch result, which no listener reads.
  return (async (message: string | RespondArguments) => {
    const m = (typeof message === "string" ? { text: message } : message) as { text?: string; blocks?: KnownBlock[] };
    await client.chat.postMessage({ channel: userId, text: m.text ?? "", ...(m.blocks ? { blocks: m.blocks } : {}) });
  }) as unknown as RespondFn;
}

export type FormAnswer =
  /** Field errors, by block id: the form stays open. */
  | { errors: Record<string, string> }
  /**
   * The form again, changed (a warning to confirm, a choice to make); `after` runs once Slack has
   * it (slow work behind a "reading the file…" view, which then updates the view itself).
   */
  | { update: ModalView; after?: () => Promise<unknown> }
  /** Accepted: the form closes; `after` runs once Slack has its answer (confirmations, posts). */
  | { after?: () => Promise<unknown> };

export interface FormContext<M> {
  user: UserView;
  view: ViewOutput;
  /** The view's private_metadata, decoded. */
  metadata: M;
  client: WebClient;
}

/** Bolt's view `ack` (its type is a union Bolt callers cannot call with an argument directly). */
type ViewAck = (
  response?:
    | { response_action: "errors"; errors: Record<string, string> }
    | { response_action: "update"; view: ModalView },
) => Promise<void>;

/**
 * A form's submission: the language, the role, the metadata decoded, then the form's own work;
 * Slack gets its answer within its 3 seconds (field errors under their fields, the form changed, or
 * closed), and on a failure the form stays open with everything typed and a plain sentence under
 * `errorBlock`, never the error.
 */
export function onForm<M>(
  app: App,
  kit: SlackKit,
  spec: {
    callbackId: string | RegExp;
    role?: Role;
    metadata: Codec<M>;
    /**
     * The block under which a failure or a refusal is shown; null for a form with no field to show
     * it under (a preview to confirm): the form then closes and the user is told privately.
     */
    errorBlock: string | null;
    handle: (context: FormContext<M>) => Promise<FormAnswer>;
  },
): void {
  app.view(spec.callbackId, async ({ ack, view, body, client }) => {
    await submitForm(kit, spec, { ack: ack as SlackViewMiddlewareArgs["ack"], view, userId: body.user.id, client });
  });
}

/**
 * How long a submission's work may take before Slack is answered anyway. Slack waits 3 s for the
 * answer to a form and then shows the user an error, although the work may still finish and store
 * what they sent; past this, the form is answered with a "saving…" view and the outcome follows
 * through the API (views.update), confirmations and alerts included.
 */
export const FORM_DEADLINE_MS = 2000;

/** What the work of a submission came to, before anything is said to Slack. */
type Decided = { fail: string; user?: UserView } | { answer: FormAnswer; user: UserView };

export async function submitForm<M>(
  kit: SlackKit,
  spec: {
    callbackId: string | RegExp;
    role?: Role;
    metadata: Codec<M>;
    errorBlock: string | null;
    handle: (context: FormContext<M>) => Promise<FormAnswer>;
  },
  args: {
    ack: SlackViewMiddlewareArgs["ack"];
    view: ViewOutput;
    userId: string;
    client: WebClient;
    /** Tests shorten it. */
    deadlineMs?: number;
  },
): Promise<void> {
  const { view, userId, client } = args;
  const ack = args.ack as ViewAck;
  const what = view.callback_id;
  const { errorBlock } = spec;
  const tellPrivately = (text: string) =>
    replyPrivately(
      kit,
      client,
      userId,
    )(text).catch((error: unknown) => {
      kit.logger.warn({ err: error, user: userId, listener: what }, "could not tell the user why the form failed");
    });

  async function decide(): Promise<Decided> {
    let user: UserView;
    try {
      user = await userView(kit, userId);
    } catch (error) {
      kit.logger.error({ err: error, user: userId, listener: what }, "form submission failed");
      kit.observer?.failed("view_submission");
      return { fail: "Error / Σφάλμα" };
    }
    try {
      const role = spec.role ?? "staff";
      if (!(await kit.roles.hasRole(userId, role)))
        return { fail: user.t.common.noPermission(user.t.common.roleNames[role]), user };
      const metadata = spec.metadata.decode(view.private_metadata);
      if (metadata === undefined) {
        kit.logger.info({ user: userId, listener: what }, "refused: metadata that does not decode");
        return { fail: user.t.common.outOfDate, user };
      }
      return { answer: await spec.handle({ user, view, metadata, client }), user };
    } catch (error) {
      kit.logger.error({ err: error, user: userId, listener: what }, "form submission failed");
      kit.observer?.failed("view_submission");
      return { fail: user.t.common.unexpectedError, user };
    }
  }

  async function finish(after: (() => Promise<unknown>) | undefined) {
    try {
      await after?.();
      tellActivity(kit, userId, client);
    } catch (error) {
      kit.logger.warn({ err: error, user: userId, listener: what }, "could not finish after the form was accepted");
      kit.observer?.failed("view_submission");
    }
  }

  const work = decide();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), args.deadlineMs ?? kit.formDeadlineMs ?? FORM_DEADLINE_MS);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);

  if (first !== "late") {
    // In time: the answer goes in the acknowledgement, as Slack prefers.
    if ("fail" in first) {
      if (errorBlock !== null) return ack({ response_action: "errors", errors: { [errorBlock]: first.fail } });
      await ack();
      await tellPrivately(first.fail);
      return;
    }
    const { answer } = first;
    if ("update" in answer) {
      await ack({ response_action: "update", view: answer.update });
      await finish(answer.after);
      return;
    }
    if ("errors" in answer) return ack({ response_action: "errors", errors: answer.errors });
    await ack();
    await finish(answer.after);
    return;
  }

  // Late: Slack is answered now, and the form shows that it is being saved; what the work comes to
  // replaces that view when it is known (the user's language may not be known yet: both are said).
  kit.logger.warn({ user: userId, listener: what }, "form work outlived its deadline: answered with a saving view");
  await ack({ response_action: "update", view: lateView(view, savingText()) });
  const decided = await work;
  const update = (next: ModalView) =>
    client.views.update({ view_id: view.id, view: next }).catch((error: unknown) => {
      kit.logger.warn({ err: error, user: userId, listener: what }, "could not update the form after a late answer");
    });
  const t = decided.user?.t;
  if ("fail" in decided) {
    await update(lateView(view, `:warning: ${decided.fail}`));
    if (errorBlock === null) await tellPrivately(decided.fail);
    return;
  }
  const { answer } = decided;
  if ("update" in answer) {
    await update(answer.update);
    await finish(answer.after);
    return;
  }
  if ("errors" in answer) {
    // The form is no longer open for errors under its fields: it comes back with them on top.
    const lines = Object.values(answer.errors).map((e) => `:warning: ${e}`);
    await update(formAgain(view, lines.join("\n")));
    return;
  }
  await update(lateView(view, `:white_check_mark: ${t?.common.formSaved ?? savingText()}`));
  await finish(answer.after);
}

/** Said before the user's language is known. */
function savingText(): string {
  return `:hourglass_flowing_sand: ${el.common.formSaving}\n${en.common.formSaving}`;
}

/** The form's frame (its title, its callback) with one message in place of its fields. */
function lateView(view: ViewOutput, text: string): ModalView {
  return {
    type: "modal",
    callback_id: view.callback_id,
    title: view.title,
    close: { type: "plain_text", text: `${el.common.close} / ${en.common.close}` },
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  };
}

/** The form as the user filled it, its errors said above its fields. */
function formAgain(view: ViewOutput, errors: string): ModalView {
  return {
    type: "modal",
    callback_id: view.callback_id,
    title: view.title,
    ...(view.submit ? { submit: view.submit } : {}),
    ...(view.close ? { close: view.close } : {}),
    private_metadata: view.private_metadata,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: errors } }, ...(view.blocks as KnownBlock[])],
  };
}

export interface ShortcutContext<S> {
  user: UserView;
  shortcut: S;
  client: WebClient;
  reply: Reply;
}

/** A message shortcut (from a message's menu) or a global one. */
export function onShortcut<S extends MessageShortcut | GlobalShortcut = MessageShortcut>(
  app: App,
  kit: SlackKit,
  spec: { callbackId: string; role: Role; handle: (context: ShortcutContext<S>) => Promise<unknown> },
): void {
  app.shortcut<S>(spec.callbackId, async ({ ack, shortcut, client }) => {
    await ack();
    const userId = shortcut.user.id;
    const channel = "channel" in shortcut ? shortcut.channel.id : undefined;
    const reply = replyPrivately(kit, client, userId, channel);
    await answerSafely(kit, { userId, reply, what: spec.callbackId, kind: "shortcut" }, async () => {
      const user = await userView(kit, userId);
      if (!(await ensureRole(kit, user, spec.role, reply))) return;
      await spec.handle({ user, shortcut: shortcut as S, client, reply });
    });
  });
}

/**
 * An external select's options. Slack waits for them (3 seconds): a failure answers with no
 * options, never with an error.
 */
export function onOptions(
  app: App,
  kit: SlackKit,
  spec: {
    actionId: string;
    handle: (context: { user: UserView; query: string; body: BlockSuggestion }) => Promise<Option[]>;
  },
): void {
  app.options(spec.actionId, async ({ ack, body }) => {
    try {
      const user = await userView(kit, body.user.id);
      const options = await spec.handle({ user, query: body.value ?? "", body: body as BlockSuggestion });
      await ack({ options });
    } catch (error) {
      kit.logger.error({ err: error, listener: spec.actionId }, "options failed");
      kit.observer?.failed("options");
      await ack({ options: [] });
    }
  });
}

/**
 * The person opened the app's Home tab (the `app_home_opened` event; Bolt acknowledges events
 * itself). Their language is found, and a failure is logged, never shown.
 */
export function onHomeOpened(
  app: App,
  kit: SlackKit,
  handle: (context: { user: UserView; client: WebClient }) => Promise<unknown>,
): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    try {
      await handle({ user: await userView(kit, event.user), client });
    } catch (error) {
      kit.logger.error({ err: error, user: event.user, listener: "app_home_opened" }, "listener failed");
    }
  });
}

/**
 * Someone in the workspace changed their profile (the `user_change` event, for everyone in it:
 * Bolt acknowledges events itself). The user is decoded (an event that does not is ignored) and a
 * failure is logged, never shown.
 */
export function onUserChanged(
  app: App,
  kit: Pick<SlackKit, "logger">,
  handle: (user: { id: string; tz?: string }) => Promise<unknown>,
): void {
  app.event("user_change", async ({ event }) => {
    const user = userChange(event);
    if (!user) return;
    try {
      await handle(user);
    } catch (error) {
      kit.logger.error({ err: error, user: user.id, listener: "user_change" }, "listener failed");
    }
  });
}

/** Validation errors as Slack shows them: the text under each field's block. */
export function fieldErrors<E>(errors: Partial<Record<string, E>>, text: (e: E) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(errors)) if (e !== undefined) out[field] = text(e as E);
  return out;
}

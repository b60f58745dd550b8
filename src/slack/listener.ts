// What every listener is given: the domain services and the little it needs to talk to users.
import type { App, BlockAction, ButtonAction, SlashCommand } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../app/logger.js";
import type { Services } from "../app/services.js";
import type { Role } from "../areas/users/roles.js";
import { type LocaleCode, type Messages, messages } from "../i18n/index.js";
import type { Clock } from "../lib/clock.js";
import type { Job } from "../scheduling/job.js";
import type { Sender } from "./sender.js";

export interface HandlerDeps {
  services: Services;
  logger: Logger;
  clock: Clock;
  timeZone: string;
  /** The office's language, for what is posted in channels. */
  defaultLocale: LocaleCode;
  sender: Sender;
  /** Every scheduled job (for the admins' `/grafeio jobs`). */
  jobs: readonly Job[];
  /** The International Relations office's channel, where translation requests are posted. */
  intlChannelId?: string;
  /** The PR office's channel, where events' cards are posted. */
  prChannelId?: string;
}

export interface UserView {
  userId: string;
  locale: LocaleCode;
  t: Messages;
}

export async function userView(deps: HandlerDeps, userId: string): Promise<UserView> {
  const locale = await deps.services.locales.resolve(userId);
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
export function replyPrivately(deps: HandlerDeps, client: WebClient, userId: string, channel?: string): Reply {
  return async (text, blocks) => {
    const content = { text, ...(blocks ? { blocks } : {}) };
    if (channel) {
      try {
        await client.chat.postEphemeral({ channel, user: userId, ...content });
        return;
      } catch (error) {
        deps.logger.info({ err: error, channel }, "ephemeral not possible; sending a DM instead");
      }
    }
    await client.chat.postMessage({ channel: userId, ...content });
  };
}

/** Checks a role; when the user lacks it, tells them politely and returns false. */
export async function ensureRole(deps: HandlerDeps, user: UserView, role: Role, reply: Reply): Promise<boolean> {
  if (await deps.services.roles.hasRole(user.userId, role)) return true;
  deps.logger.info({ user: user.userId, role }, "refused: missing role");
  await reply(user.t.common.noPermission(user.t.common.roleNames[role]));
  return false;
}

/**
 * Runs a listener's work after its ack. A failure is logged with its stack and the user gets a
 * plain sentence, never the error itself.
 */
export async function answerSafely(
  deps: HandlerDeps,
  context: { userId: string; reply: Reply; what: string },
  work: () => Promise<void>,
): Promise<void> {
  try {
    // Let requests already arriving be read and acknowledged before this one's work: the embedded
    // database runs on this thread, and Slack's 3-second limit is on the acknowledgement.
    await new Promise((resolve) => setImmediate(resolve));
    await work();
  } catch (error) {
    deps.logger.error({ err: error, user: context.userId, listener: context.what }, "listener failed");
    try {
      const { t } = await userView(deps, context.userId);
      await context.reply(t.common.unexpectedError);
    } catch (secondError) {
      deps.logger.error({ err: secondError }, "could not tell the user about the failure");
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

/**
 * A slash command for the office: acknowledged at once, then the user's language and role, and the
 * work run safely (a failure becomes a plain sentence to the user, never the error).
 */
export function registerOfficeCommand(
  app: App,
  deps: HandlerDeps,
  name: string,
  role: Role,
  handle: (context: { user: UserView; command: SlashCommand; client: WebClient; reply: Reply }) => Promise<unknown>,
): void {
  app.command(name, async ({ ack, command, client, respond }) => {
    await ack();
    const reply = replyWithRespond(respond);
    await answerSafely(deps, { userId: command.user_id, reply, what: name }, async () => {
      const user = await userView(deps, command.user_id);
      if (!(await ensureRole(deps, user, role, reply))) return;
      await handle({ user, command, client, reply });
    });
  });
}

/**
 * A button for the office: acknowledged at once, then the user's language and role, and the work
 * run safely; answers go privately to the person who clicked.
 */
export function registerOfficeButton(
  app: App,
  deps: HandlerDeps,
  actionId: string | RegExp,
  role: Role,
  handle: (context: {
    user: UserView;
    action: ButtonAction;
    body: BlockAction<ButtonAction>;
    client: WebClient;
    reply: Reply;
  }) => Promise<unknown>,
): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, client }) => {
    await ack();
    const userId = body.user.id;
    const reply = replyPrivately(deps, client, userId, body.channel?.id);
    await answerSafely(deps, { userId, reply, what: action.action_id }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, role, reply))) return;
      await handle({ user, action, body, client, reply });
    });
  });
}

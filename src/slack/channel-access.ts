// Making sure the bot can post where it is configured to. Slack answers `not_in_channel` to a bot
// that is not a member of a public channel: the bot joins it itself (conversations.join, the
// channels:join scope) and the message goes out. A channel it cannot join (private, archived, not
// found, the scope missing) is the admins' to fix: they are told once, in the office's language,
// which channel, what it is for and what to do, and not once per message, nor again after a
// restart (channel_problems), until the channel has worked again. At start the configured channels
// are checked the same way (conversations.info), before anything is due to be posted there.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../app/logger.js";
import { type LocaleCode, messages } from "../i18n/index.js";
import type { ChannelProblemStore } from "./channel-problems-store.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import type { OutgoingMessage } from "./sender.js";

/** What a configured channel is for, in the admins' words. */
export type ChannelUse =
  | { channel: string; use: "pr" | "intl" | "admin" }
  | { channel: string; use: "job" | "department" | "watch"; name: string };

/** What the sender asks (sender.ts): small, so that the sender stays about sending. */
export interface ChannelAccessHooks {
  /** Slack said not_in_channel: join if it can. True when joined (send again), else the reason. */
  join(channel: string): Promise<true | string>;
  /** The message could not be posted for `reason` (a Slack error code): the admins are told once. */
  refused(channel: string, reason: string): Promise<void>;
  /** A message went out: a channel that had a problem works again. */
  delivered(channel: string): Promise<void>;
}

/** Slack's answers that mean "the bot cannot post there until someone does something". */
export const ACCESS_REFUSALS = new Set([
  "not_in_channel",
  "method_not_supported_for_channel_type",
  "missing_scope",
  "channel_not_found",
  "is_archived",
]);

export interface ChannelAccessOptions {
  client: WebClient;
  store: ChannelProblemStore;
  logger: Logger;
  /** The office's language. */
  locale: LocaleCode;
  adminChannelId?: string;
  /** The admins, told by DM when there is no admins' channel (or it is the one refused). */
  admins(): Promise<string[]>;
  /** The channels configured today, and what for (config, job settings, departments, watch terms). */
  uses(): Promise<ChannelUse[]>;
  /** Posts a notice (the sender's post: once-only under its key). */
  post(message: OutgoingMessage): Promise<unknown>;
}

function errorCode(error: unknown): string {
  const e = error as { data?: { error?: string }; message?: string };
  return e.data?.error ?? e.message ?? String(error);
}

/** DMs and user ids are not channels to join or check. */
function isChannel(id: string): boolean {
  return /^[CG]/.test(id);
}

export class ChannelAccess implements ChannelAccessHooks {
  /** Channels with a recorded problem, read once, then kept with what this process records. */
  private problems?: Promise<Set<string>>;

  constructor(private readonly o: ChannelAccessOptions) {}

  private known(): Promise<Set<string>> {
    this.problems ??= this.o.store.list().then((rows) => new Set(rows.map((r) => r.channel)));
    return this.problems;
  }

  async join(channel: string): Promise<true | string> {
    if (!isChannel(channel)) return "not_in_channel";
    try {
      await this.o.client.conversations.join({ channel });
      this.o.logger.info({ channel }, "joined the channel to post in it");
      return true;
    } catch (error) {
      const code = errorCode(error);
      this.o.logger.warn({ channel, reason: code }, "could not join the channel");
      return code;
    }
  }

  async refused(channel: string, reason: string): Promise<void> {
    if (!isChannel(channel) || !ACCESS_REFUSALS.has(reason)) return;
    const recorded = await this.o.store.record(channel, reason);
    if (!recorded) return; // the admins know already
    (await this.known()).add(channel);
    this.o.logger.warn({ channel, reason }, "cannot post in the channel; telling the admins once");
    const text = await this.notice(channel, reason);
    const key = (target: string) => `channel-problem:${channel}:${recorded.toldAt.getTime()}:${target}`;
    const channelTarget =
      this.o.adminChannelId && this.o.adminChannelId !== channel ? this.o.adminChannelId : undefined;
    if (channelTarget) {
      try {
        await this.o.post({ key: key(channelTarget), channel: channelTarget, text });
        return;
      } catch (error) {
        // The admins' channel refused too (it gets its own notice): each admin is told by DM instead.
        this.o.logger.warn({ err: error, channel: channelTarget }, "could not tell the admins' channel");
      }
    }
    const admins = await this.o.admins();
    if (admins.length === 0)
      this.o.logger.error({ channel, reason }, "cannot post in the channel, and no admin to tell");
    for (const admin of admins) {
      await this.o.post({ key: key(admin), channel: admin, text }).catch((error: unknown) => {
        this.o.logger.warn({ err: error, admin }, "could not tell an admin");
      });
    }
  }

  async delivered(channel: string): Promise<void> {
    if (!isChannel(channel)) return;
    const known = await this.known();
    if (!known.has(channel)) return;
    known.delete(channel);
    if (await this.o.store.clear(channel)) this.o.logger.info({ channel }, "the channel works again");
  }

  /**
   * At start: each configured channel, is the bot in it? A public one it is not in, it joins; one it
   * cannot join or see, the admins are told of (once). Returns what it found, for the log and tests.
   */
  async checkConfigured(): Promise<{ channel: string; outcome: "member" | "joined" | "refused" | "unknown" }[]> {
    const channels = [...new Set((await this.o.uses()).map((u) => u.channel).filter(isChannel))];
    const results: { channel: string; outcome: "member" | "joined" | "refused" | "unknown" }[] = [];
    for (const channel of channels) {
      let info: { is_member?: boolean; is_private?: boolean; is_archived?: boolean } | undefined;
      try {
        info = (await this.o.client.conversations.info({ channel })).channel;
      } catch (error) {
        const code = errorCode(error);
        if (code === "missing_scope") {
          // An app installed before channels:read and groups:read were asked for: the first post
          // will tell instead.
          this.o.logger.warn({ channel }, "cannot check the channel (reinstall the app from manifest.yml)");
          results.push({ channel, outcome: "unknown" });
          continue;
        }
        await this.refused(channel, code);
        results.push({ channel, outcome: ACCESS_REFUSALS.has(code) ? "refused" : "unknown" });
        continue;
      }
      if (info?.is_archived) {
        await this.refused(channel, "is_archived");
        results.push({ channel, outcome: "refused" });
      } else if (info?.is_member) {
        await this.delivered(channel);
        results.push({ channel, outcome: "member" });
      } else {
        const joined = info?.is_private ? "method_not_supported_for_channel_type" : await this.join(channel);
        if (joined === true) {
          await this.delivered(channel);
          results.push({ channel, outcome: "joined" });
        } else {
          await this.refused(channel, joined);
          results.push({ channel, outcome: "refused" });
        }
      }
    }
    return results;
  }

  /** The notice in the office's language: which channel, what for, why, and what to do. */
  private async notice(channel: string, reason: string): Promise<string> {
    const t = messages(this.o.locale).channels;
    const uses = (await this.o.uses().catch(() => [] as ChannelUse[])).filter((u) => u.channel === channel);
    const use =
      uses
        .map((u) => {
          switch (u.use) {
            case "pr":
            case "intl":
            case "admin":
              return t.uses[u.use];
            default:
              return t.uses[u.use](escapeMrkdwn(u.name));
          }
        })
        .join("; ") || t.uses.other;
    const why =
      reason === "method_not_supported_for_channel_type"
        ? t.reasons.private
        : reason === "channel_not_found"
          ? t.reasons.notFound
          : reason === "is_archived"
            ? t.reasons.archived
            : reason === "missing_scope"
              ? t.reasons.missingScope
              : t.reasons.other(reason);
    const advice =
      reason === "is_archived" ? t.advice.archived : reason === "missing_scope" ? t.advice.reinstall : t.advice.invite;
    return t.refused(`<#${channel}>`, use, why, advice);
  }
}

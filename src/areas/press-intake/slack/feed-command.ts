// `/grafeio feed …`: the news feeds, a sub-command this area adds to /grafeio (admins; the
// service checks the role). Reads the words, calls the service, writes the answer.

import type { UserView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { GrafeioSubCommand } from "../../area.js";
import { type IntakeTexts, intakeTexts } from "../messages.js";
import type { PressIntakeService, Refused } from "../service.js";

const CHANNEL = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;

export type FeedCommand =
  | { kind: "add"; url: string; channelId: string | null }
  | { kind: "list" }
  | { kind: "pause" | "resume" | "remove"; id: number }
  | { kind: "quiet"; from: string; to: string }
  | { kind: "burst"; perHour: number }
  | { kind: "every"; minutes: number }
  | { kind: "outlet"; host: string; name: string }
  | { kind: "usage" };

/** The words after `/grafeio feed`. */
export function parseFeedCommand(args: readonly string[]): FeedCommand {
  const [what, ...rest] = args;
  switch (what?.toLowerCase()) {
    case "add": {
      const [url, channel, ...more] = rest;
      if (!url || more.length > 0) return { kind: "usage" };
      if (channel === undefined) return { kind: "add", url, channelId: null };
      const channelId = CHANNEL.exec(channel)?.[1];
      return channelId ? { kind: "add", url, channelId } : { kind: "usage" };
    }
    case undefined:
    case "list":
      return rest.length === 0 ? { kind: "list" } : { kind: "usage" };
    case "pause":
    case "resume":
    case "remove": {
      const id = Number(rest[0]?.replace(/^#/, ""));
      return rest.length === 1 && Number.isInteger(id) && id > 0 && id < 2 ** 31
        ? { kind: what.toLowerCase() as "pause" | "resume" | "remove", id }
        : { kind: "usage" };
    }
    case "quiet":
      return rest.length === 2 ? { kind: "quiet", from: rest[0] ?? "", to: rest[1] ?? "" } : { kind: "usage" };
    case "burst":
      return rest.length === 1 ? { kind: "burst", perHour: Number(rest[0]) } : { kind: "usage" };
    case "every":
      return rest.length === 1 && /^\d{1,3}$/.test(rest[0] ?? "")
        ? { kind: "every", minutes: Number(rest[0]) }
        : { kind: "usage" };
    case "outlet": {
      const [add, host, ...name] = rest;
      return add === "add" && host && name.length > 0
        ? { kind: "outlet", host, name: name.join(" ") }
        : { kind: "usage" };
    }
    default:
      return { kind: "usage" };
  }
}

const isRefused = (o: { status: string }): o is Refused => o.status === "refused";

export function feedSubCommand(intake: PressIntakeService): GrafeioSubCommand {
  return {
    verb: "feed",
    audience: "admin",
    lines: (locale) => [intakeTexts(locale).helpLines.feed, intakeTexts(locale).helpLines.feedSettings],
    handle: (user, args) => runFeedCommand(intake, user, parseFeedCommand(args)),
  };
}

const channelText = (t: IntakeTexts, channelId: string | null) => (channelId ? `<#${channelId}>` : t.defaultChannel);

async function runFeedCommand(intake: PressIntakeService, user: UserView, command: FeedCommand): Promise<string> {
  const t = intakeTexts(user.locale);
  const refuse = (r: Refused) => user.t.common.noPermission(user.t.common.roleNames[r.needed]);
  switch (command.kind) {
    case "usage":
      return t.feedUsage;
    case "add": {
      const o = await intake.addFeed(user.userId, command.url, command.channelId);
      if (isRefused(o)) return refuse(o);
      if (o.status === "bad_url") return t.badFeedUrl;
      const url = escapeMrkdwn(truncate(o.feed.url, 200));
      return o.status === "added"
        ? t.feedAdded(o.feed.id, url, channelText(t, o.feed.channelId))
        : t.feedExists(o.feed.id, url);
    }
    case "list": {
      const o = await intake.listFeeds(user.userId);
      if (isRefused(o)) return refuse(o);
      if (o.feeds.length === 0) return t.noFeeds;
      const lines = o.feeds.map((f) => {
        const state = f.paused
          ? t.states.paused
          : f.failures > 0
            ? t.states.failing(f.failures, escapeMrkdwn(truncate(f.lastError ?? "", 80)))
            : t.states.active;
        return t.feedLine(f.id, escapeMrkdwn(truncate(f.url, 120)), channelText(t, f.channelId), state);
      });
      return truncate([t.feedsTitle, ...lines].join("\n"), 3900);
    }
    case "pause":
    case "resume":
    case "remove": {
      const o =
        command.kind === "remove"
          ? await intake.removeFeed(user.userId, command.id)
          : await intake.setPaused(user.userId, command.id, command.kind === "pause");
      if (isRefused(o)) return refuse(o);
      return o.status === "changed" ? t.feedChanged(command.id) : t.unknownFeed(command.id);
    }
    case "quiet": {
      const o = await intake.setQuietHours(user.userId, command.from, command.to);
      if (isRefused(o)) return refuse(o);
      return o.status === "changed" ? t.quietSet(command.from, command.to) : t.badTime;
    }
    case "burst": {
      const o = await intake.setBurst(user.userId, command.perHour);
      if (isRefused(o)) return refuse(o);
      return o.status === "changed" ? t.burstSet(command.perHour) : t.badNumber;
    }
    case "every": {
      const o = await intake.setFrequency(user.userId, command.minutes);
      if (isRefused(o)) return refuse(o);
      return o.status === "changed" ? t.everySet(o.minutes) : t.badMinutes;
    }
    case "outlet": {
      const o = await intake.addOutlet(user.userId, command.host, command.name);
      if (isRefused(o)) return refuse(o);
      return o.status === "changed" ? t.outletAdded(escapeMrkdwn(o.host), escapeMrkdwn(command.name)) : t.badOutlet;
    }
  }
}

// Turns a Slack message into a starting point for the clipping form (the "Log as clipping" shortcut).

import { parseWebUrl } from "./url.js";
import { type ClippingInput, LIMITS } from "./validation.js";

export interface MessageLike {
  text?: string;
  attachments?: {
    title?: string;
    title_link?: string;
    from_url?: string;
    original_url?: string;
    service_name?: string;
    text?: string;
  }[];
}

// Slack writes links in message text as <url> or <url|label>; mentions as <@U…>, <#C…|name>, <!here>.
const SLACK_TOKEN = /<([^<>|]+)(?:\|([^<>]*))?>/g;

/** Message text as a person reads it: links shown by their label, mentions dropped, entities decoded. */
export function plainTextOfMessage(text: string): string {
  return text
    .replace(SLACK_TOKEN, (_m, target: string, label?: string) => {
      if (/^[@#!]/.test(target)) return label ?? "";
      return label ?? target;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

export function firstLinkOfMessage(message: MessageLike): string | undefined {
  for (const m of (message.text ?? "").matchAll(SLACK_TOKEN)) {
    const target = m[1] ?? "";
    if (/^https?:\/\//i.test(target) && parseWebUrl(target)) return target;
  }
  const bare = /https?:\/\/[^\s<>|]+/i.exec(message.text ?? "");
  if (bare && parseWebUrl(bare[0])) return bare[0];
  for (const a of message.attachments ?? []) {
    const link = a.original_url ?? a.from_url ?? a.title_link;
    if (link && parseWebUrl(link)) return link;
  }
  return undefined;
}

export function prefillFromMessage(message: MessageLike): ClippingInput {
  const url = firstLinkOfMessage(message);
  const unfurl = (message.attachments ?? []).find((a) => a.title);
  const text = plainTextOfMessage(message.text ?? "");
  const textWithoutLinks = text.replace(/https?:\/\/\S+/g, "").trim();
  const firstLine = textWithoutLinks
    .split("\n")
    .find((l) => l.trim().length > 0)
    ?.trim();
  const host = url ? parseWebUrl(url)?.hostname.replace(/^www\./, "") : undefined;
  const summary = textWithoutLinks || unfurl?.text || "";
  return {
    url,
    title: (unfurl?.title ?? firstLine ?? "").slice(0, LIMITS.title) || undefined,
    outlet: (unfurl?.service_name ?? host)?.slice(0, LIMITS.outlet),
    summary: summary.slice(0, LIMITS.summary) || undefined,
    medium: url ? "online" : undefined,
  };
}

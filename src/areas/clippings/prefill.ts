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

/**
 * The message's one link with a label of its own (`<https://…|Ο τίτλος>`), when it has exactly one
 * link: a label that is only the link again (Slack writes `<https://a.gr/x|a.gr/x>`) is no title.
 */
export function labelOfOnlyLink(text: string): string | undefined {
  const links = [...text.matchAll(SLACK_TOKEN)].filter((m) => /^https?:\/\//i.test(m[1] ?? ""));
  if (links.length !== 1) return undefined;
  const [, target = "", label] = links[0] as RegExpMatchArray;
  const shown = plainTextOfMessage(label ?? "");
  const bare = (u: string) =>
    u
      .replace(/^https?:\/\//i, "")
      .replace(/\/$/, "")
      .toLowerCase();
  if (!shown || bare(shown) === bare(target) || /^https?:\/\//i.test(shown)) return undefined;
  return shown;
}

/**
 * The form's starting point from a message, and which of its fields are only guesses (the first
 * line as the title, the host as the outlet, the message as the summary) that the linked page's
 * own title, outlet and description may replace.
 */
export function prefillOfMessage(message: MessageLike): {
  values: ClippingInput;
  guessed: ("title" | "outlet" | "summary")[];
} {
  const url = firstLinkOfMessage(message);
  const unfurl = (message.attachments ?? []).find((a) => a.title);
  const raw = message.text ?? "";
  const label = labelOfOnlyLink(raw);
  // With a labelled link the label is the title, and not also the summary.
  const text = plainTextOfMessage(
    label ? raw.replace(SLACK_TOKEN, (m, target: string) => (/^https?:\/\//i.test(target) ? "" : m)) : raw,
  );
  const textWithoutLinks = text.replace(/https?:\/\/\S+/g, "").trim();
  const firstLine = textWithoutLinks
    .split("\n")
    .find((l) => l.trim().length > 0)
    ?.trim();
  const host = url ? parseWebUrl(url)?.hostname.replace(/^www\./, "") : undefined;
  const summary = textWithoutLinks || unfurl?.text || "";
  const guessed: ("title" | "outlet" | "summary")[] = [];
  if (!unfurl?.title && !label && firstLine) guessed.push("title");
  if (!unfurl?.service_name && host) guessed.push("outlet");
  if (!textWithoutLinks && unfurl?.text) guessed.push("summary");
  return {
    values: {
      url,
      title: (unfurl?.title ?? label ?? firstLine ?? "").slice(0, LIMITS.title) || undefined,
      outlet: (unfurl?.service_name ?? host)?.slice(0, LIMITS.outlet),
      summary: summary.slice(0, LIMITS.summary) || undefined,
      medium: url ? "online" : undefined,
    },
    guessed,
  };
}

export function prefillFromMessage(message: MessageLike): ClippingInput {
  return prefillOfMessage(message).values;
}

// What a hostile user types to make the bot notify a whole channel, ping someone, or disguise a
// link, and a search for any of it left unescaped where Slack would read it as mrkdwn.
import type { Json, RecordedCall } from "./fake-slack.js";

/**
 * Slack reads these in any mrkdwn text (a message's `text`, a mrkdwn block, a file's comment)
 * whatever the request says: each must reach Slack escaped (&lt;…&gt;).
 */
export const BRACKET_TOKENS = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U0VICTIM1>",
  "<!subteam^S0TEAM01>",
  "<https://evil.example|bank>",
] as const;

/**
 * Typed as they are, these only notify when the post asks Slack to link names (`link_names`, or
 * `parse: "full"`). They are in the hostile text too; the search checks that no call asks for
 * either, which is what keeps them plain text.
 */
export const RAW_TOKENS = ["@channel", "@here", "@everyone"] as const;

/** The hostile text: a word (so that watch terms and searches find it), then all nine. */
export const HOSTILE = `Δήμαρχος ${BRACKET_TOKENS.join(" ")} ${RAW_TOKENS.join(" ")}`;
/** For fields too short for all of it: the two worst. */
export const HOSTILE_SHORT = "<!channel><@U0VICTIM1>";

/**
 * Where raw text is no leak: plain_text objects (Slack never parses them), the text a field is
 * prefilled with (the person edits their own words), values Slack hands back without showing them,
 * and field errors (shown as plain text).
 */
const NOT_MRKDWN = new Set([
  "initial_value",
  "value",
  "private_metadata",
  "action_id",
  "block_id",
  "callback_id",
  "metadata",
  "errors",
  "url",
  "fallback",
  "alt_text",
]);

export interface Leak {
  where: string;
  token: string;
}

function walk(node: unknown, path: string, out: Leak[]) {
  if (typeof node === "string") {
    for (const token of BRACKET_TOKENS) if (node.includes(token)) out.push({ where: path, token });
    return;
  }
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`, out);
    return;
  }
  if (!node || typeof node !== "object") return;
  const o = node as Json;
  if (o.type === "plain_text") return;
  for (const [key, value] of Object.entries(o)) {
    if (NOT_MRKDWN.has(key)) continue;
    // A file's title and name are not mrkdwn; the upload's files list is one JSON string.
    if ((key === "title" || key === "filename" || key === "files") && typeof value === "string") continue;
    walk(value, `${path}.${key}`, out);
  }
}

/** Tokens Slack would act on in what the bot sent (its calls' arguments), with where they are. */
export function leaksIn(calls: readonly RecordedCall[]): Leak[] {
  const out: Leak[] = [];
  calls.forEach((c, i) => {
    walk(c.args, `#${i} ${c.method}`, out);
    if (c.args.link_names === true || c.args.link_names === 1 || c.args.link_names === "1" || c.args.parse === "full")
      out.push({ where: `#${i} ${c.method}`, token: "link_names/parse=full (raw @channel would notify)" });
  });
  return out;
}

/** The same search in the answers the bot gave Slack directly (a changed form, an options list). */
export function leaksInAnswers(answers: readonly Json[]): Leak[] {
  const out: Leak[] = [];
  for (const [i, a] of answers.entries()) walk(a, `answer #${i}`, out);
  return out;
}

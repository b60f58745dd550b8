// User text placed into mrkdwn must not be able to write mentions (<!channel>, <@U…>) or
// disguised links (<https://evil|harmless>). Slack asks for exactly these three escapes.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link whose label is user text: both parts are made safe. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/[<>|]/g, encodeURIComponent);
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, "¦");
  return `<${safeUrl}|${safeLabel}>`;
}

/** Cuts text to a maximum length on a character boundary, marking the cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

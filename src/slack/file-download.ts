// A file a user put in a form, downloaded from Slack. The download carries the bot token, so where it
// goes is never taken from the payload (anyone holding a signed request could name any URL there):
// the URL comes from Slack's own files.info answer, and the token goes only to Slack's file hosts.
// The file is read as a stream and dropped as soon as it passes the limit: a 300 MB file must not be
// held in memory to learn that it is over 5 MB.

import type { WebClient } from "@slack/web-api";
import { z } from "zod";

/** Where Slack serves url_private files from. */
export const SLACK_FILES_ORIGIN = "https://files.slack.com";
/** A redirect within Slack's hosts is followed this many times at most. */
const MAX_REDIRECTS = 3;
const DEFAULT_TIMEOUT_MS = 20_000;

export type FileDownload =
  | { ok: true; bytes: Uint8Array; name?: string }
  | { ok: false; problem: "tooLarge"; maxBytes: number }
  /** The file is not on Slack's hosts (or a redirect leads away from them): not fetched with the token. */
  | { ok: false; problem: "notSlack" }
  /** Slack has no such file, refused it, timed out, or answered its sign-in page. */
  | { ok: false; problem: "failed" };

const fileInfoSchema = z.object({
  file: z.object({
    id: z.string(),
    name: z.string().optional(),
    size: z.number().int().nonnegative().optional(),
    url_private_download: z.string().optional(),
    url_private: z.string().optional(),
  }),
});

/**
 * The origins that may receive the bot token: Slack's file host, and the origin of the Web API the
 * client talks to (SLACK_API_URL: Slack itself, or the tests' fake, which serves files there too).
 */
export function tokenOrigins(apiUrl: string): Set<string> {
  const origins = new Set([SLACK_FILES_ORIGIN]);
  try {
    origins.add(new URL(apiUrl).origin);
  } catch {
    // an unparsable API URL adds nothing
  }
  return origins;
}

/** The URL, parsed, when its origin may receive the token; otherwise undefined. */
export function allowed(url: string, origins: Set<string>): URL | undefined {
  try {
    const parsed = new URL(url);
    return origins.has(parsed.origin) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export async function downloadSlackFile(
  client: WebClient,
  fileId: string,
  options: { maxBytes: number; timeoutMs?: number },
): Promise<FileDownload> {
  const { maxBytes } = options;
  const info = fileInfoSchema.safeParse(await client.files.info({ file: fileId }).catch(() => undefined));
  if (!info.success) return { ok: false, problem: "failed" };
  const { file } = info.data;
  if (file.size !== undefined && file.size > maxBytes) return { ok: false, problem: "tooLarge", maxBytes };
  const origins = tokenOrigins(client.slackApiUrl);
  let url = allowed(file.url_private_download ?? file.url_private ?? "", origins);
  if (!url) return { ok: false, problem: "notSlack" };

  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    let response: Response | undefined;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      // Redirects are followed by hand: fetch would carry the Authorization header to wherever
      // a Location points.
      response = await fetch(url, {
        headers: { authorization: `Bearer ${client.token ?? ""}` },
        redirect: "manual",
        signal,
      });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
      if (location === null) break;
      await response.body?.cancel();
      const next = allowed(new URL(location, url).href, origins);
      if (!next) return { ok: false, problem: "notSlack" };
      url = next;
      response = undefined;
    }
    // Without a valid token Slack answers with its sign-in page, not the file.
    if (!response?.ok || (response.headers.get("content-type") ?? "").includes("text/html")) {
      await response?.body?.cancel();
      return { ok: false, problem: "failed" };
    }
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      return { ok: false, problem: "tooLarge", maxBytes };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return { ok: false, problem: "tooLarge", maxBytes };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return { ok: true, bytes, name: file.name };
  } catch {
    // A time-out, a dropped connection: the user is asked to try again.
    return { ok: false, problem: "failed" };
  }
}

// People's names for the files staff open: an export says «Μαρία Παπαδοπούλου», not `U0STAFF01`.
// Slack's users.info gives each person's names; what it hands back is decoded, and a person Slack
// does not answer for (left the workspace, an error, a time-out) keeps their id, so an export is
// never held up or lost for a name.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";

const userInfo = z.object({
  user: z
    .object({
      name: z.string().optional(),
      real_name: z.string().optional(),
      profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
    })
    .optional(),
});

/** How many users.info calls at once (users.info is Tier 4: 100+ a minute). */
const AT_ONCE = 8;

/** The name a person is shown by: their full name, else their display name, else their handle. */
export function shownName(raw: unknown): string | undefined {
  const parsed = userInfo.safeParse(raw);
  if (!parsed.success || !parsed.data.user) return undefined;
  const u = parsed.data.user;
  const name = [u.profile?.real_name, u.real_name, u.profile?.display_name, u.name].find((n) => n?.trim());
  return name?.trim();
}

/** Each Slack user id of `ids` with the name Slack gives it (or the id itself, when it gives none). */
export async function slackNames(
  client: Pick<WebClient, "users">,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => /^[UW][A-Z0-9]+$/.test(id));
  const names = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += AT_ONCE) {
    await Promise.all(
      wanted.slice(i, i + AT_ONCE).map(async (id) => {
        const answer = await client.users.info({ user: id }).catch(() => undefined);
        names.set(id, shownName(answer) ?? id);
      }),
    );
  }
  return names;
}

/** A replacer for a list of ids: each known id by its name, anything else as it is. */
export const byName = (names: Map<string, string>) => (id: string) => names.get(id) ?? id;

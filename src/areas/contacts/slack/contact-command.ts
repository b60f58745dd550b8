// `/contact`: help, `add [name]`, `import`, `export`, or words to search for.
import type { App, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { localDate } from "../../../lib/clock.js";
import { isHelpRequest } from "../../../slack/codec.js";
import {
  ensureRole,
  onAction,
  onCommand,
  type Reply,
  sendFilesPrivately,
  type UserView,
} from "../../../slack/listener.js";
import { contactsCsv } from "../contact-export.js";
import type { ContactsDeps } from "../contacts-deps.js";
import { describeKey, openContactForm } from "./contact-form.js";
import {
  ADD_CONTACT_ACTION,
  buildContactResults,
  CONTACT_PAGE_ACTION,
  type ContactPageValue,
  contactHelpBlocks,
  contactPageValue,
} from "./contact-views.js";
import { openImportModal } from "./import-contacts.js";
import { showThankYouLetters } from "./thank-you-letters.js";

export const CONTACT_COMMAND = "/contact";

export function parseContactCommand(
  text: string | undefined,
):
  | { kind: "help" }
  | { kind: "add"; name?: string }
  | { kind: "import" }
  | { kind: "export" }
  | { kind: "thanks" }
  | { kind: "search"; text: string } {
  const trimmed = (text ?? "").trim();
  if (!trimmed || isHelpRequest(trimmed)) return { kind: "help" };
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  if (word === "add" || word === "νέα" || word === "νεα") return { kind: "add", name: rest.join(" ") || undefined };
  if (rest.length === 0 && (word === "import" || word === "εισαγωγή" || word === "εισαγωγη")) return { kind: "import" };
  if (rest.length === 0 && (word === "export" || word === "εξαγωγή" || word === "εξαγωγη")) return { kind: "export" };
  if (rest.length === 0 && (word === "thanks" || word === "ευχαριστήρια" || word === "ευχαριστηρια"))
    return { kind: "thanks" };
  return { kind: "search", text: trimmed };
}

export async function showContactSearch(
  deps: ContactsDeps,
  user: UserView,
  query: string,
  page: number,
  reply: Reply,
): Promise<void> {
  if (query.length > 500) {
    await reply(user.t.contacts.searchEmpty);
    return;
  }
  const { contacts, hasMore } = await deps.contacts.search(query, { page, includeArchived: true });
  const { text, blocks } = buildContactResults({
    t: user.t,
    locale: user.locale,
    query,
    page,
    contacts,
    hasMore,
    nameDayOf: (key) => describeKey(deps, user, key),
  });
  await reply(text, blocks);
}

/** Every contact's personal data: managers only, refused before any is read (the service refuses too). */
async function exportContacts(deps: ContactsDeps, client: WebClient, user: UserView, reply: Reply) {
  if (!(await ensureRole(deps, user, "manager", reply))) return;
  const answer = await deps.contacts.exportFor(user.userId);
  if (answer.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames.manager));
  const { contacts } = answer;
  if (contacts.length === 0) {
    await reply(user.t.contacts.exportNothing);
    return;
  }
  const file = contactsCsv(contacts, { t: user.t, locale: user.locale });
  const name = `grafeio-contacts-${localDate(deps.clock.now(), deps.timeZone)}.csv`;
  await sendFilesPrivately(client, user.userId, user.t.contacts.exportReady(contacts.length), [
    { file, filename: name },
  ]);
  await reply(user.t.contacts.exportSent);
}

export function registerContactCommand(app: App, deps: ContactsDeps): void {
  onCommand(app, deps, {
    name: CONTACT_COMMAND,
    role: "staff",
    // Words are a search, except the help words, which give the command's help.
    help: (t) => t.contacts.help,
    async handle({ user, command, text, client, reply }) {
      const parsed = parseContactCommand(text);
      switch (parsed.kind) {
        case "add":
          return openContactForm(deps, client, {
            user,
            reply,
            triggerId: command.trigger_id,
            prefillName: parsed.name,
            metadata: { channel: command.channel_id },
          });
        case "import":
          return openImportModal(client, user, command.trigger_id, command.channel_id);
        case "help":
          return reply(user.t.contacts.help, contactHelpBlocks(user.t));
        case "thanks":
          return showThankYouLetters(deps, user, reply);
        case "export":
          return exportContacts(deps, client, user, reply);
        case "search":
          return showContactSearch(deps, user, parsed.text, 1, reply);
      }
    },
  });

  onAction<ButtonAction>(app, deps, {
    id: ADD_CONTACT_ACTION,
    role: "staff",
    async handle({ user, body, client, reply }) {
      await openContactForm(deps, client, {
        user,
        reply,
        triggerId: body.trigger_id,
        metadata: { channel: body.channel?.id },
      });
    },
  });

  onAction<ButtonAction, ContactPageValue>(app, deps, {
    id: new RegExp(`^${CONTACT_PAGE_ACTION}_(prev|next)$`),
    role: "staff",
    value: contactPageValue,
    async handle({ user, value, respond }) {
      // The page replaces the one it was clicked on.
      const reply: Reply = async (text, blocks) => {
        await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
      };
      await showContactSearch(deps, user, value.q, value.p, reply);
    },
  });
}

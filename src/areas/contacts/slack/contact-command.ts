// `/contact`: help, `add [name]`, `import`, `export`, or words to search for.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  replyWithRespond,
  sendFilesPrivately,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { contactsCsv } from "../contact-export.js";
import { describeKey, openContactForm } from "./contact-form.js";
import { buildContactResults, CONTACT_PAGE_ACTION, type ContactPageValue } from "./contact-views.js";
import { openImportModal } from "./import-contacts.js";
import { showThankYouLetters } from "./thank-you-letters.js";

export const ADD_CONTACT_ACTION = "contact_add";

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
  if (!trimmed || /^(help|βοήθεια|βοηθεια)$/i.test(trimmed)) return { kind: "help" };
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
  deps: HandlerDeps,
  user: UserView,
  query: string,
  page: number,
  reply: Reply,
): Promise<void> {
  if (query.length > 500) {
    await reply(user.t.contacts.searchEmpty);
    return;
  }
  const { contacts, hasMore } = await deps.services.contacts.search(query, { page, includeArchived: true });
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

async function exportContacts(deps: HandlerDeps, client: WebClient, user: UserView, reply: Reply) {
  const contacts = await deps.services.contacts.all();
  if (contacts.length === 0) {
    await reply(user.t.contacts.exportNothing);
    return;
  }
  const file = contactsCsv(contacts, { t: user.t, locale: user.locale });
  const name = `grafeio-contacts-${deps.services.clippings.today()}.csv`;
  await sendFilesPrivately(client, user.userId, user.t.contacts.exportReady(contacts.length), [
    { file, filename: name },
  ]);
  await reply(user.t.contacts.exportSent);
}

export function registerContactCommand(app: App, deps: HandlerDeps): void {
  app.command("/contact", async ({ ack, command, client, respond }) => {
    await ack();
    const reply = replyWithRespond(respond);
    await answerSafely(deps, { userId: command.user_id, reply, what: "/contact" }, async () => {
      const user = await userView(deps, command.user_id);
      const parsed = parseContactCommand(command.text);
      if (parsed.kind === "add") {
        await openContactForm(deps, client, {
          user,
          reply,
          triggerId: command.trigger_id,
          prefillName: parsed.name,
          metadata: { channel: command.channel_id },
        });
        return;
      }
      if (parsed.kind === "import") {
        if (!(await ensureRole(deps, user, "staff", reply))) return;
        await openImportModal(client, user, command.trigger_id, command.channel_id);
        return;
      }
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      if (parsed.kind === "help") {
        await reply(user.t.contacts.help, [
          { type: "section", text: { type: "mrkdwn", text: user.t.contacts.help } },
          {
            type: "actions",
            elements: [
              {
                type: "button",
                action_id: ADD_CONTACT_ACTION,
                text: { type: "plain_text", text: user.t.contacts.addButton },
                value: "add",
              },
            ],
          },
        ]);
        return;
      }
      if (parsed.kind === "thanks") {
        await showThankYouLetters(deps, user, reply);
        return;
      }
      if (parsed.kind === "export") {
        await exportContacts(deps, client, user, reply);
        return;
      }
      await showContactSearch(deps, user, parsed.text, 1, reply);
    });
  });

  app.action(ADD_CONTACT_ACTION, async ({ ack, body, client, respond }) => {
    await ack();
    const reply = replyWithRespond(respond);
    const triggerId = (body as { trigger_id?: string }).trigger_id ?? "";
    const channel = (body as { channel?: { id?: string } }).channel?.id;
    await answerSafely(deps, { userId: body.user.id, reply, what: ADD_CONTACT_ACTION }, async () => {
      const user = await userView(deps, body.user.id);
      await openContactForm(deps, client, { user, reply, triggerId, metadata: { channel } });
    });
  });

  app.action(new RegExp(`^${CONTACT_PAGE_ACTION}_(prev|next)$`), async ({ ack, body, action, respond }) => {
    await ack();
    const reply: Reply = async (text, blocks) => {
      await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
    };
    await answerSafely(deps, { userId: body.user.id, reply, what: CONTACT_PAGE_ACTION }, async () => {
      const user = await userView(deps, body.user.id);
      let value: ContactPageValue;
      try {
        value = JSON.parse((action as { value?: string }).value ?? "") as ContactPageValue;
      } catch {
        await reply(
          user.t.contacts.badCommand(escapeMrkdwn(truncate(String((action as { value?: string }).value), 50))),
        );
        return;
      }
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      await showContactSearch(
        deps,
        user,
        String(value.q ?? ""),
        Math.max(1, Math.min(1000, Number(value.p) || 1)),
        reply,
      );
    });
  });
}

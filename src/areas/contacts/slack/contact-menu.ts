// What can be done to a contact from its search result: edit, archive or restore, merge with a
// duplicate, and the data-protection requests (a copy of the record; erasure), which are managers'.

import type { App, BlockAction, ButtonAction, OverflowAction } from "@slack/bolt";
import type { ModalView, PlainTextOption } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import {
  answerSafely,
  ensureRole,
  type Reply,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { ContactRecord } from "../contact-service.js";
import type { ContactsDeps } from "../contacts-deps.js";
import { describeKey, openContactForm } from "./contact-form.js";
import { CONFIRM_NAME_DAY_ACTION, CONTACT_MENU_ACTION } from "./contact-views.js";

export const MERGE_CALLBACK = "contact_merge_modal";
export const ERASE_CALLBACK = "contact_erase_modal";
const MERGE_BLOCK = "keep";

const plain = (text: string) => ({ type: "plain_text" as const, text: truncate(text, 24), emoji: true });
const nameOf = (c: { nameEl: string }) => escapeMrkdwn(truncate(c.nameEl, 150));

function candidateOption(c: ContactRecord): PlainTextOption {
  const detail = [c.organisation, c.email].filter(Boolean).join(", ");
  return {
    text: { type: "plain_text", text: truncate(`#${c.id} ${c.nameEl}${detail ? ` (${detail})` : ""}`, 75) },
    value: String(c.id),
  };
}

/** Contacts that may be the same person: found by each word of the name. */
async function mergeCandidates(deps: ContactsDeps, contact: ContactRecord): Promise<ContactRecord[]> {
  const seen = new Map<number, ContactRecord>();
  for (const word of contact.nameEl.split(/\s+/).filter((w) => w.length >= 3)) {
    for (const c of (await deps.contacts.search(word, { limit: 30 })).contacts)
      if (c.id !== contact.id) seen.set(c.id, c);
  }
  return [...seen.values()].slice(0, 100);
}

function mergeModal(user: UserView, contact: ContactRecord, candidates: ContactRecord[], channel?: string): ModalView {
  const m = user.t.contacts;
  return {
    type: "modal",
    callback_id: MERGE_CALLBACK,
    title: plain(m.mergeTitle),
    submit: plain(m.mergeSubmit),
    close: plain(m.close),
    private_metadata: JSON.stringify({ contactId: contact.id, channel }),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: m.mergeIntro(nameOf(contact)) } },
      {
        type: "input",
        block_id: MERGE_BLOCK,
        label: { type: "plain_text", text: m.mergeInto },
        element: { type: "static_select", action_id: "value", options: candidates.map(candidateOption) },
      },
    ],
  };
}

function eraseModal(user: UserView, contact: ContactRecord, channel?: string): ModalView {
  const m = user.t.contacts;
  return {
    type: "modal",
    callback_id: ERASE_CALLBACK,
    title: plain(m.eraseTitle),
    submit: plain(m.eraseSubmit),
    close: plain(m.close),
    private_metadata: JSON.stringify({ contactId: contact.id, channel }),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: m.eraseIntro(nameOf(contact)) } }],
  };
}

async function sendPersonalData(
  deps: ContactsDeps,
  client: WebClient,
  user: UserView,
  contact: ContactRecord,
  reply: Reply,
) {
  const record = await deps.contacts.personalData(contact.id, user.userId);
  if (!record) return reply(user.t.contacts.notFound);
  const name = `grafeio-contact-${contact.id}.json`;
  await sendFilesPrivately(client, user.userId, user.t.contacts.dataReady(nameOf(contact)), [
    { file: Buffer.from(JSON.stringify(record, null, 2), "utf8"), filename: name },
  ]);
  await reply(user.t.contacts.exportSent);
}

export function registerContactMenu(app: App, deps: ContactsDeps): void {
  app.action<BlockAction<OverflowAction | ButtonAction>>(CONTACT_MENU_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const userId = body.user.id;
    const channel = body.channel?.id;
    const reply = replyPrivately(deps, client, userId, channel);
    await answerSafely(deps, { userId, reply, what: CONTACT_MENU_ACTION }, async () => {
      const user = await userView(deps, userId);
      const value = action.type === "overflow" ? action.selected_option.value : action.value;
      const [verb, idText] = (value ?? "").split(":");
      const contact = await deps.contacts.get(Number(idText));
      if (!contact) return reply(user.t.contacts.notFound);
      const gdpr = verb === "data" || verb === "erase";
      if (!(await ensureRole(deps, user, gdpr ? "manager" : "staff", reply))) return;
      switch (verb) {
        case "edit":
          return openContactForm(deps, client, {
            user,
            reply,
            triggerId: body.trigger_id,
            contact,
            metadata: { channel },
          });
        case "archive":
        case "restore": {
          const done = await deps.contacts.setArchived(contact.id, verb === "archive", userId);
          if (done)
            await reply(
              verb === "archive"
                ? user.t.contacts.archived(nameOf(contact))
                : user.t.contacts.restored(nameOf(contact)),
            );
          return;
        }
        case "merge": {
          const candidates = await mergeCandidates(deps, contact);
          if (candidates.length === 0) return reply(user.t.contacts.mergeNoCandidates(nameOf(contact)));
          await client.views.open({
            trigger_id: body.trigger_id,
            view: mergeModal(user, contact, candidates, channel),
          });
          return;
        }
        case "data":
          return sendPersonalData(deps, client, user, contact, reply);
        case "erase":
          await client.views.open({ trigger_id: body.trigger_id, view: eraseModal(user, contact, channel) });
          return;
        default:
          return reply(user.t.contacts.notFound);
      }
    });
  });

  app.action<BlockAction<ButtonAction>>(CONFIRM_NAME_DAY_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const userId = body.user.id;
    const reply = replyPrivately(deps, client, userId, body.channel?.id);
    await answerSafely(deps, { userId, reply, what: CONFIRM_NAME_DAY_ACTION }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const contact = await deps.contacts.get(Number(action.value));
      if (!contact?.nameDayKey) return reply(user.t.contacts.notFound);
      // Said once: a second click finds it already confirmed and changes nothing.
      if (!(await deps.contacts.setNameDay(contact.id, contact.nameDayKey, true, userId))) return;
      await reply(user.t.contacts.nameDayConfirmed(nameOf(contact), describeKey(deps, user, contact.nameDayKey)));
    });
  });

  app.view(MERGE_CALLBACK, async ({ ack, view, body, client }) => {
    await ack();
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as { contactId?: number; channel?: string };
    const reply = replyPrivately(deps, client, userId, meta.channel);
    await answerSafely(deps, { userId, reply, what: MERGE_CALLBACK }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const values = view.state.values as Record<string, Record<string, { selected_option?: { value?: string } }>>;
      const keepId = Number(values[MERGE_BLOCK]?.value?.selected_option?.value);
      const [dup, keep] = await Promise.all([deps.contacts.get(Number(meta.contactId)), deps.contacts.get(keepId)]);
      if (!dup || !keep) return reply(user.t.contacts.notFound);
      const outcome = await deps.contacts.merge(dup.id, keep.id, userId);
      if (outcome === "merged") await reply(user.t.contacts.merged(nameOf(dup), nameOf(keep)));
    });
  });

  app.view(ERASE_CALLBACK, async ({ ack, view, body, client }) => {
    await ack();
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as { contactId?: number; channel?: string };
    const reply = replyPrivately(deps, client, userId, meta.channel);
    await answerSafely(deps, { userId, reply, what: ERASE_CALLBACK }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "manager", reply))) return;
      const id = Number(meta.contactId);
      // The erasure itself is logged by id only: the log must not keep what was erased.
      if (await deps.contacts.erase(id, userId)) {
        deps.logger.info({ user: userId, contact: id }, "contact erased on request");
        await reply(user.t.contacts.erased(id));
      }
    });
  });
}

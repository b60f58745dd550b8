// What can be done to a contact from its search result: edit, archive or restore, merge with a
// duplicate, and the data-protection requests (a copy of the record; erasure), which are managers'.

import type { App, ButtonAction, OverflowAction } from "@slack/bolt";
import type { ModalView, PlainTextOption } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { channelSchema, idCodec, idField, jsonCodec } from "../../../slack/codec.js";
import { formState } from "../../../slack/form-state.js";
import {
  ensureRole,
  onAction,
  onForm,
  type Reply,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { ContactRecord } from "../contact-service.js";
import type { ContactsDeps } from "../contacts-deps.js";
import { describeKey, openContactForm } from "./contact-form.js";
import {
  CONFIRM_NAME_DAY_ACTION,
  CONTACT_MENU_ACTION,
  type ContactMenuVerb,
  contactMenuValue,
} from "./contact-views.js";

export const MERGE_CALLBACK = "contact_merge_modal";
export const ERASE_CALLBACK = "contact_erase_modal";
const MERGE_BLOCK = "keep";
const ERASE_BLOCK = "erase";

/** The merge and erase forms' metadata: the contact, and the channel they were opened from. */
export const contactFormMetadata = jsonCodec(z.object({ contactId: idField, channel: channelSchema.shape.channel }));

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
    private_metadata: contactFormMetadata.encode({ contactId: contact.id, channel }),
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
    private_metadata: contactFormMetadata.encode({ contactId: contact.id, channel }),
    blocks: [{ type: "section", block_id: ERASE_BLOCK, text: { type: "mrkdwn", text: m.eraseIntro(nameOf(contact)) } }],
  };
}

async function sendPersonalData(
  deps: ContactsDeps,
  client: WebClient,
  user: UserView,
  contact: ContactRecord,
  reply: Reply,
) {
  const answer = await deps.contacts.personalDataFor(contact.id, user.userId);
  if (answer.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames.manager));
  if (answer.status === "not_found") return reply(user.t.contacts.notFound);
  const { record } = answer;
  const name = `grafeio-contact-${contact.id}.json`;
  await sendFilesPrivately(client, user.userId, user.t.contacts.dataReady(nameOf(contact)), [
    { file: Buffer.from(JSON.stringify(record, null, 2), "utf8"), filename: name },
  ]);
  await reply(user.t.contacts.exportSent);
}

export function registerContactMenu(app: App, deps: ContactsDeps): void {
  onAction<OverflowAction | ButtonAction, { verb: ContactMenuVerb; contactId: number }>(app, deps, {
    id: CONTACT_MENU_ACTION,
    role: "staff",
    value: contactMenuValue,
    async handle({ user, body, value, client, reply }) {
      const { verb } = value;
      const channel = body.channel?.id;
      const contact = await deps.contacts.get(value.contactId);
      if (!contact) return reply(user.t.contacts.notFound);
      // The data-protection requests are managers'; the service refuses them to anyone else too.
      if ((verb === "data" || verb === "erase") && !(await ensureRole(deps, user, "manager", reply))) return;
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
          const done = await deps.contacts.setArchived(contact.id, verb === "archive", user.userId);
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
      }
    },
  });

  onAction<ButtonAction, number>(app, deps, {
    id: CONFIRM_NAME_DAY_ACTION,
    role: "staff",
    value: idCodec,
    async handle({ user, value, reply }) {
      const contact = await deps.contacts.get(value);
      if (!contact?.nameDayKey) return reply(user.t.contacts.notFound);
      // Said once: a second click finds it already confirmed and changes nothing.
      if (!(await deps.contacts.setNameDay(contact.id, contact.nameDayKey, true, user.userId))) return;
      await reply(user.t.contacts.nameDayConfirmed(nameOf(contact), describeKey(deps, user, contact.nameDayKey)));
    },
  });

  onForm(app, deps, {
    callbackId: MERGE_CALLBACK,
    role: "staff",
    metadata: contactFormMetadata,
    errorBlock: MERGE_BLOCK,
    async handle({ user, view, metadata, client }) {
      const keepId = idCodec.decode(formState(view.state).choice(MERGE_BLOCK));
      const reply = replyPrivately(deps, client, user.userId, metadata.channel);
      const [dup, keep] = await Promise.all([
        deps.contacts.get(metadata.contactId),
        keepId === undefined ? null : deps.contacts.get(keepId),
      ]);
      if (!dup || !keep) return { after: () => reply(user.t.contacts.notFound) };
      return {
        after: async () => {
          const outcome = await deps.contacts.merge(dup.id, keep.id, user.userId);
          if (outcome === "merged") await reply(user.t.contacts.merged(nameOf(dup), nameOf(keep)));
        },
      };
    },
  });

  onForm(app, deps, {
    callbackId: ERASE_CALLBACK,
    role: "manager",
    metadata: contactFormMetadata,
    errorBlock: ERASE_BLOCK,
    async handle({ user, metadata, client }) {
      const reply = replyPrivately(deps, client, user.userId, metadata.channel);
      const id = metadata.contactId;
      return {
        after: async () => {
          const outcome = await deps.contacts.eraseFor(id, user.userId);
          if (outcome.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames.manager));
          // The erasure itself is logged by id only: the log must not keep what was erased.
          if (outcome.status === "erased") {
            // Table names and counts only.
            const tables = Object.fromEntries(outcome.touched.map((t) => [t.table, t.rows]));
            deps.logger.info({ user: user.userId, contact: id, tables }, "contact erased on request");
            if (!outcome.reclaimed)
              deps.logger.warn({ contact: id }, "contact erased, but VACUUM of the tables it touched failed");
            await reply(user.t.contacts.erased(id));
          }
        },
      };
    },
  });
}

// The contact form's submission: validated field by field, the name day settled (asking when the
// first name has several feasts), stored once however often Slack delivers it.

import type { App } from "@slack/bolt";
import type { Messages } from "../../../i18n/index.js";
import { type FormAnswer, onForm, replyPrivately } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { ContactError, ContactField } from "../contact-validation.js";
import { validateContact } from "../contact-validation.js";
import type { ContactsDeps } from "../contacts-deps.js";
import { decideNameDay } from "../name-day-choice.js";
import { describeKey, nameDayLabels } from "./contact-form.js";
import {
  buildContactModal,
  CONTACT_BLOCK,
  CONTACT_MODAL_CALLBACK,
  contactModalMetadata,
  NO_NAME_DAY,
  readContactModalState,
} from "./contact-modal-views.js";
import { contactSavedBlocks } from "./contact-views.js";

export function contactErrorText(t: Messages, error: ContactError): string {
  return error.code === "tooLong" ? t.contacts.errors.tooLong(error.max) : t.contacts.errors[error.code];
}

function fieldErrors(t: Messages, errors: Partial<Record<ContactField, ContactError>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, error] of Object.entries(errors)) {
    const block = CONTACT_BLOCK[field as keyof typeof CONTACT_BLOCK];
    if (error && block) out[block] = contactErrorText(t, error);
  }
  return out;
}

export function registerContactModalSubmission(app: App, deps: ContactsDeps): void {
  onForm(app, deps, {
    callbackId: CONTACT_MODAL_CALLBACK,
    role: "staff",
    metadata: contactModalMetadata,
    // A failure keeps the form open with everything typed; pressing the button again is safe.
    errorBlock: CONTACT_BLOCK.nameEl,
    async handle({ user, view, metadata, client }): Promise<FormAnswer> {
      const { t } = user;
      const form = readContactModalState(view.state);
      const categories = await deps.contacts.listCategories();
      const decision = decideNameDay({
        calendar: deps.nameDays,
        fullName: form.nameEl ?? "",
        choice: form.nameDayChoice,
        typed: form.nameDayOther,
        noneValue: NO_NAME_DAY,
      });
      const result = validateContact(
        { ...form, nameDayKey: decision.kind === "set" ? (decision.key ?? undefined) : undefined },
        { knownCategories: new Set(categories.map((c) => c.slug)) },
      );
      const errors = result.ok ? {} : fieldErrors(t, result.errors);
      if (decision.kind === "invalid") errors[CONTACT_BLOCK.nameDayKey] = t.contacts.errors.nameDayInvalid;
      if (Object.keys(errors).length > 0) return { errors };
      if (decision.kind === "ask" || !result.ok) {
        // Several feasts for this name: the same form again, with the feasts to choose from.
        const keys = decision.kind === "ask" ? decision.keys : [];
        return {
          update: buildContactModal({
            t,
            locale: user.locale,
            categories,
            values: form,
            nameDayChoices: nameDayLabels(deps, user, keys),
            metadata,
            notice: t.contacts.nameDayAsk(escapeMrkdwn(truncate(form.nameEl ?? "", 100)), keys.length),
          }),
        };
      }
      if (decision.kind !== "set") return { errors: { [CONTACT_BLOCK.nameDayKey]: t.contacts.errors.nameDayInvalid } };
      const reply = replyPrivately(deps, client, user.userId, metadata.channel);
      const name = escapeMrkdwn(truncate(result.draft.nameEl, 200));
      if (metadata.contactId !== undefined) {
        const changed = await deps.contacts.update(metadata.contactId, result.draft, user.userId, {
          nameDayConfirmed: decision.key ? decision.confirmed : undefined,
          // An edit form without a version (opened before versions were carried) is never current.
          version: metadata.version ?? -1,
        });
        if (changed === "stale") return { errors: { [CONTACT_BLOCK.nameEl]: t.contacts.changedMeanwhile } };
        const text =
          changed === null
            ? t.contacts.notFound
            : changed.length
              ? t.contacts.updated(name)
              : t.contacts.unchanged(name);
        return { after: () => reply(text) };
      }
      const outcome = await deps.contacts.create({
        draft: result.draft,
        createdBy: user.userId,
        submissionKey: view.id,
        nameDayConfirmed: decision.confirmed,
      });
      // A repeated delivery stored nothing new, so it says nothing new either.
      if (outcome.status !== "created") return {};
      const key = outcome.contact.nameDayKey;
      const nameDay = key
        ? decision.confirmed
          ? ""
          : t.contacts.suggestedNameDay(describeKey(deps, user, key))
        : t.contacts.noNameDay;
      const text = t.contacts.saved(name, nameDay);
      const blocks = contactSavedBlocks(t, text, outcome.contact.id, Boolean(key && !decision.confirmed));
      return { after: () => reply(text, blocks) };
    },
  });
}

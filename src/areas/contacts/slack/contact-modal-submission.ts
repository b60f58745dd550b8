// The contact form's submission: validated field by field, the name day settled (asking when the
// first name has several feasts), stored once however often Slack delivers it.

import type { App } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { Messages } from "../../../i18n/index.js";
import { replyPrivately, userView } from "../../../slack/listener.js";
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
  decodeContactMetadata,
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
  app.view(CONTACT_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const meta = decodeContactMetadata(view.private_metadata);
    let user: Awaited<ReturnType<typeof userView>> | undefined;
    let done: { text: string; blocks?: KnownBlock[] } | undefined;
    try {
      user = await userView(deps, userId);
      const { t } = user;
      if (!(await deps.roles.hasRole(userId, "staff"))) {
        await ack({
          response_action: "errors",
          errors: { [CONTACT_BLOCK.nameEl]: t.common.noPermission(t.common.roleNames.staff) },
        });
        return;
      }
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
      if (Object.keys(errors).length > 0) {
        await ack({ response_action: "errors", errors });
        return;
      }
      if (decision.kind === "ask" || !result.ok) {
        // Several feasts for this name: the same form again, with the feasts to choose from.
        const keys = decision.kind === "ask" ? decision.keys : [];
        await ack({
          response_action: "update",
          view: buildContactModal({
            t,
            locale: user.locale,
            categories,
            values: form,
            nameDayChoices: nameDayLabels(deps, user, keys),
            metadata: meta,
            notice: t.contacts.nameDayAsk(escapeMrkdwn(truncate(form.nameEl ?? "", 100)), keys.length),
          }),
        });
        return;
      }
      if (decision.kind !== "set") return;
      const name = escapeMrkdwn(truncate(result.draft.nameEl, 200));
      if (meta.contactId !== undefined) {
        const changed = await deps.contacts.update(meta.contactId, result.draft, userId, {
          nameDayConfirmed: decision.key ? decision.confirmed : undefined,
        });
        await ack();
        done = {
          text:
            changed === null
              ? t.contacts.notFound
              : changed.length
                ? t.contacts.updated(name)
                : t.contacts.unchanged(name),
        };
      } else {
        const outcome = await deps.contacts.create({
          draft: result.draft,
          createdBy: userId,
          submissionKey: view.id,
          nameDayConfirmed: decision.confirmed,
        });
        await ack();
        // A repeated delivery stored nothing new, so it says nothing new either.
        if (outcome.status === "created") {
          const key = outcome.contact.nameDayKey;
          const nameDay = key
            ? decision.confirmed
              ? ""
              : t.contacts.suggestedNameDay(describeKey(deps, user, key))
            : t.contacts.noNameDay;
          const text = t.contacts.saved(name, nameDay);
          done = { text, blocks: contactSavedBlocks(t, text, outcome.contact.id, Boolean(key && !decision.confirmed)) };
        }
      }
    } catch (error) {
      deps.logger.error({ err: error, user: userId, listener: CONTACT_MODAL_CALLBACK }, "contact submission failed");
      // The form stays open with everything typed; pressing the button again is safe.
      await ack({
        response_action: "errors",
        errors: { [CONTACT_BLOCK.nameEl]: user ? user.t.common.unexpectedError : "Error / Σφάλμα" },
      });
      return;
    }
    if (done && user) {
      try {
        await replyPrivately(deps, client, userId, meta.channel)(done.text, done.blocks);
      } catch (error) {
        deps.logger.warn({ err: error, user: userId }, "could not confirm the contact to its author");
      }
    }
  });
}

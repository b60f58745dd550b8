// Opening the contact form (new or edit) and the name-day choices it offers.

import type { WebClient } from "@slack/web-api";
import { describeNameDay } from "../../../calendar/namedays/describe.js";
import { localYear } from "../../../lib/clock.js";
import { ensureRole, type Reply, type UserView } from "../../../slack/listener.js";
import { type ContactRecord, contactVersion } from "../contact-service.js";
import type { ContactsDeps } from "../contacts-deps.js";
import { nameDayChoicesFor } from "../name-day-choice.js";
import {
  buildContactModal,
  type ContactFormValues,
  type ContactModalMetadata,
  type NameDayChoice,
} from "./contact-modal-views.js";

export function nameDayLabels(deps: ContactsDeps, user: UserView, keys: string[]): NameDayChoice[] {
  const year = localYear(deps.clock.now(), deps.timeZone);
  return keys.map((key) => ({
    key,
    label: describeNameDay(deps.nameDays, key, { t: user.t, locale: user.locale, year }),
  }));
}

export function describeKey(deps: ContactsDeps, user: UserView, key: string): string {
  return nameDayLabels(deps, user, [key])[0]?.label ?? key;
}

export function formValuesOf(contact: ContactRecord): ContactFormValues {
  return {
    nameEl: contact.nameEl,
    nameLatin: contact.nameLatin ?? undefined,
    title: contact.title ?? undefined,
    organisation: contact.organisation ?? undefined,
    categorySlug: contact.categorySlug ?? undefined,
    country: contact.country ?? undefined,
    language: contact.language ?? undefined,
    email: contact.email ?? undefined,
    phone: contact.phone ?? undefined,
    address: contact.address ?? undefined,
    vip: contact.vip,
    nameDayChoice: contact.nameDayKey ?? undefined,
    notes: contact.notes ?? undefined,
    consent: contact.consent ?? undefined,
    source: contact.source ?? undefined,
    optOutGreetings: contact.optOutGreetings,
  };
}

/** The form, at once after the trigger (Slack allows 3 seconds). Staff only. */
export async function openContactForm(
  deps: ContactsDeps,
  client: WebClient,
  options: {
    user: UserView;
    reply: Reply;
    triggerId: string;
    contact?: ContactRecord;
    prefillName?: string;
    metadata: ContactModalMetadata;
  },
): Promise<void> {
  const { user, reply, triggerId, contact } = options;
  if (!(await ensureRole(deps, user, "staff", reply))) return;
  const values: ContactFormValues = contact ? formValuesOf(contact) : { nameEl: options.prefillName };
  const keys = contact ? nameDayChoicesFor(deps.nameDays, contact.nameEl, contact.nameDayKey) : [];
  await client.views.open({
    trigger_id: triggerId,
    view: buildContactModal({
      t: user.t,
      locale: user.locale,
      categories: await deps.contacts.listCategories(),
      values,
      nameDayChoices: nameDayLabels(deps, user, keys),
      metadata: {
        ...options.metadata,
        ...(contact ? { contactId: contact.id, version: contactVersion(contact) } : {}),
      },
    }),
  });
}

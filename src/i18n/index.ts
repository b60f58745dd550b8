// The catalogue the older areas share: the Slack kit's common texts and each area's own
// messages.ts, put together. A new area uses its own catalogue (defineTexts in ./texts.ts) and
// needs no line here.
import * as admin from "../areas/admin/messages.js";
import * as clippings from "../areas/clippings/messages.js";
import * as contacts from "../areas/contacts/messages.js";
import * as correspondence from "../areas/correspondence/messages.js";
import * as digest from "../areas/digest/messages.js";
import * as events from "../areas/events/messages.js";
import * as officeCalendar from "../areas/office-calendar/messages.js";
import * as sponsors from "../areas/sponsors/messages.js";
import * as translations from "../areas/translations/messages.js";
import * as scheduling from "../scheduling/messages.js";
import * as common from "./common.js";
import type { LocaleCode } from "./locale.js";
import type { Widen } from "./widen.js";

export { type LocaleCode, localeFromSlack } from "./locale.js";

const parts = [
  common,
  clippings,
  digest,
  scheduling,
  contacts,
  officeCalendar,
  translations,
  correspondence,
  sponsors,
  events,
  admin,
];

const el = {
  ...common.el,
  ...clippings.el,
  ...digest.el,
  ...scheduling.el,
  ...contacts.el,
  ...officeCalendar.el,
  ...translations.el,
  ...correspondence.el,
  ...sponsors.el,
  ...events.el,
  ...admin.el,
};

export type Messages = Widen<typeof el>;

const catalogues: Record<LocaleCode, Messages> = {
  el,
  en: Object.assign({}, ...parts.map((p) => p.en)) as Messages,
};

export function messages(locale: LocaleCode): Messages {
  return catalogues[locale];
}

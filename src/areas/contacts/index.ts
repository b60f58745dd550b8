// The contacts area: the contact archive (/contact: search, add, import, export, thank-you letters),
// each contact's menu (edit, archive, merge, the managers' data-protection requests).
//
// Slack ids: command /contact; actions contact_add, contact_search_page_prev/next, contact_menu,
// contact_confirm_name_day, thank_you_sent; views contact_modal, contact_merge_modal,
// contact_erase_modal, contact_import, contact_import_confirm. Job: contact-import-resume. No digest
// sections.
import type { NameDayCalendar } from "../../calendar/namedays/nameday-calendar.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { AuditLog } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createContactImports } from "./contact-import.js";
import { createContactService, type PersonalDataHolder } from "./contact-service.js";
import { createContactStore } from "./contact-store.js";
import type { ContactsDeps, ThankYouLetters } from "./contacts-deps.js";
import { createContactsHomeSource } from "./contacts-home.js";
import { createContactsReportSource } from "./contacts-report.js";
import { createImportStore } from "./import-store.js";
import { createImportResumeJob } from "./jobs/import-resume.js";
import { CONTACT_COMMAND } from "./slack/contact-command.js";
import { register } from "./slack/listeners.js";

export type { CategoryOption, ContactRecord, ErasedPerson, ErasedRows, PersonalDataHolder } from "./contact-service.js";
export type { ThankYouLetters } from "./contacts-deps.js";
/** One line about a contact (the greetings' messages show contacts the same way). */
export { contactLine } from "./slack/contact-views.js";

export interface ContactsServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  /** Who is a manager: only managers make the data-protection requests. */
  roles: { hasRole(slackUserId: string, role: "manager"): Promise<boolean> };
  nameDays: NameDayCalendar;
  /**
   * The other areas that keep something about contacts, which an erasure reaches: read at each
   * erasure, as the composition root fills the list after building those areas.
   */
  personalData: readonly PersonalDataHolder[];
  /** The exports, record requests and erasures are audited here. */
  audit: AuditLog;
}

/** The area's use cases, built once by the composition root. */
export function createContactsServices(deps: ContactsServicesDeps) {
  // The imports are built from the contact service, and are themselves one of the places an
  // erasure reaches: hence the list read at erasure time.
  const own: PersonalDataHolder[] = [];
  const contacts = createContactService({
    store: createContactStore(deps),
    roles: deps.roles,
    holders: () => [...deps.personalData, ...own],
    audit: deps.audit,
  });
  const imports = createContactImports({
    store: createImportStore(deps.prisma),
    clock: deps.clock,
    contacts,
    nameDays: deps.nameDays,
  });
  own.push(imports);
  return { contacts, imports };
}

export type ContactsServices = ReturnType<typeof createContactsServices>;

export interface ContactsAreaDeps {
  kit: SlackKit;
  services: ContactsServices;
  clock: Clock;
  timeZone: string;
  nameDays: NameDayCalendar;
  /** The thank-you letters other areas asked for: from the office calendar's greetings. */
  greetings: ThankYouLetters;
}

export function createContactsArea(deps: ContactsAreaDeps): Area {
  const listenerDeps: ContactsDeps = {
    ...deps.kit,
    clock: deps.clock,
    timeZone: deps.timeZone,
    contacts: deps.services.contacts,
    imports: deps.services.imports,
    nameDays: deps.nameDays,
    greetings: deps.greetings,
  };
  return {
    name: "contacts",
    register: (app) => register(app, listenerDeps),
    jobs: [createImportResumeJob({ imports: deps.services.imports, locales: deps.kit.locales })], // contact-import-resume
    reportSections: [createContactsReportSource(deps.services.contacts)],
    commands: [{ name: CONTACT_COMMAND, role: "staff", summary: (t) => t.contacts.commandSummary }],
    homeSources: [createContactsHomeSource(deps.services.contacts, deps.nameDays)], // today's name days, the form
  };
}

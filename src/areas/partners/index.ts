// The partners area: the International Relations office's partner cities and bodies (`/partner`:
// search in any script, the card with its timeline gathered from the correspondence, translations
// and events through their small interfaces), and the agreements with them (`/agreement`: the
// steps the municipal code sets, each once; obligations, reminded to their owners; the year's
// report). Agreements live in this area rather than their own: they are the partners' (their
// parties are partners, by foreign key) and most of a partner's timeline, so one area keeps one
// store and no interface in both directions.
//
// Slack ids — commands: /partner, /agreement; actions: partner_open, partner_menu, agreement_menu;
// views: partner_modal, partner_status_modal, agreement_modal, agreement_step_modal,
// obligation_modal, obligation_settle_modal. Job: obligation-reminders. Digest sections:
// agreements-obligations-due, agreements-obligations-late, agreements-expiring, partners-dormant.
// Home source: agreements (the person's obligations due). Report section: agreements.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createAgreementsService } from "./agreement-service.js";
import { createObligationRemindersJob } from "./jobs/obligation-reminders.js";
import { localeOf, partnerTexts } from "./messages.js";
import { createPartnersDigestSections } from "./partners-digest.js";
import { createPartnersHomeSource } from "./partners-home.js";
import { createPartnersReportSource } from "./partners-report.js";
import {
  type ContactsForPartners,
  createPartnersService,
  type EventsForPartners,
  type LettersForPartners,
  type RolesForPartners,
  type TranslationsForPartners,
} from "./service.js";
import { partnerOpenValue } from "./slack/codecs.js";
import {
  registerAgreementCommand,
  registerAgreementForm,
  registerAgreementMenu,
  registerObligationForm,
  registerPartnerCommand,
  registerPartnerForm,
  registerPartnerMenu,
  registerPartnerOpen,
  registerPartnerStatusForm,
  registerSettleForm,
  registerStepForm,
} from "./slack/listeners.js";
import { PARTNER_OPEN } from "./slack/partner-views.js";
import { createPartnersStore, type Partner } from "./store.js";

/**
 * What another area may ask of the partners (Q-Cities' members are partners): a partner by id, the
 * search in any script, and the partners a form may offer (those not ended).
 */
export type PartnersLookup = Pick<import("./service.js").PartnersService, "get" | "search" | "choosable">;

export interface PartnersServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  roles: RolesForPartners;
  /** The organisation's contact and its people, from the contact archive. */
  contacts: ContactsForPartners;
  /** The timeline's letters, translations, events and gifts, from their areas. */
  letters: LettersForPartners;
  translations: TranslationsForPartners;
  events: EventsForPartners;
}

/** The area's use cases, built once by the composition root. */
export function createPartnersServices(deps: PartnersServicesDeps) {
  const store = createPartnersStore(deps.prisma);
  const partners = createPartnersService({ ...deps, store });
  const agreements = createAgreementsService({ store, roles: deps.roles, clock: deps.clock, timeZone: deps.timeZone });
  partners.useAgreements(agreements);
  return { partners, agreements };
}

export type PartnersServices = ReturnType<typeof createPartnersServices>;

/**
 * What the partners tell the events area (its PartnersForEvents): the partners its form offers,
 * one by id, and the button that opens a partner's card here (partner_open).
 */
export function partnersForEvents(partners: PartnersServices["partners"]) {
  const ref = (p: Partner) => ({ id: p.id, name: p.nameLatin ? `${p.nameEl} (${p.nameLatin})` : p.nameEl });
  return {
    search: async (text: string) => (await partners.search(text)).filter((p) => p.status !== "ended").map(ref),
    get: async (id: number) => {
      const p = await partners.get(id);
      return p ? ref(p) : null;
    },
    cardButton: (id: number) => ({ actionId: PARTNER_OPEN, value: partnerOpenValue.encode(id) }),
  };
}

export interface PartnersAreaDeps {
  kit: SlackKit;
  services: PartnersServices;
  clock: Clock;
  timeZone: string;
}

export function createPartnersArea(deps: PartnersAreaDeps): Area {
  const { partners, agreements } = deps.services;
  const slack = { kit: deps.kit, partners, agreements, clock: deps.clock, timeZone: deps.timeZone };
  return {
    name: "partners",
    register(app) {
      registerPartnerCommand(app, slack); // /partner
      registerAgreementCommand(app, slack); // /agreement
      registerPartnerOpen(app, slack); // action partner_open
      registerPartnerMenu(app, slack); // action partner_menu (edit, status, agreement)
      registerPartnerForm(app, slack); // view partner_modal
      registerPartnerStatusForm(app, slack); // view partner_status_modal
      registerAgreementForm(app, slack); // view agreement_modal
      registerAgreementMenu(app, slack); // action agreement_menu (a step, an obligation, kept, waived)
      registerStepForm(app, slack); // view agreement_step_modal
      registerObligationForm(app, slack); // view obligation_modal
      registerSettleForm(app, slack); // view obligation_settle_modal
    },
    jobs: [createObligationRemindersJob({ agreements, locales: deps.kit.locales })], // obligation-reminders
    digestSections: createPartnersDigestSections(agreements, partners),
    reportSections: [createPartnersReportSource(agreements)], // agreements signed, in force, ending; obligations kept, late, missed
    homeSources: [createPartnersHomeSource(agreements, deps.kit.roles)], // the obligations the person owns, late or due this week
    commands: [
      { name: "/partner", role: "staff", summary: (t) => partnerTexts(localeOf(t)).summary },
      { name: "/agreement", role: "staff", summary: (t) => partnerTexts(localeOf(t)).agreementSummary },
    ],
  };
}

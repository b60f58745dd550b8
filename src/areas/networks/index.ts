// The networks area: the city networks the municipality belongs to (`/network`: its membership's
// council decision with the ΑΔΑ, since when, each year's dues and their payment, the delegates of
// each forum or working group), and the meetings of a network or of a partner (the partners
// area's, by id, through its small interface): the managers' decision on each (attend, with whom;
// or not, with why; once), the report asked of the delegate two working days after it (outcomes,
// contacts made entered into the archive through the contacts' interface, follow-up actions with
// owners and due dates, reminded like obligations), the digest's sections, the Home's items, the
// period reports' "meetings attended", and the export. Q-Cities' own register is not here
// (src/areas/qcities).
//
// An invitation of the correspondence register becomes a meeting through meetingsForLetters (the
// letter's menu opens this area's form, filled in from the letter; the meeting keeps the letter's
// id, once per letter), and the meeting's card links back through the register's button.
//
// Slack ids — command: /network; actions: network_open, network_menu, network_meeting_menu,
// network_meeting_open, network_new, network_meeting_new; views: network_modal, network_dues_modal,
// network_delegates_modal, network_meeting_modal, network_decision_modal, network_report_modal.
// Jobs: meeting-report-prompts, meeting-follow-up-reminders. Digest sections: networks-meetings,
// networks-dues-unpaid, networks-reports-owed. Home source: networks. Report section: networks.
import type { ModalView } from "@slack/types";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { LocaleCode } from "../../i18n/index.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createFollowUpRemindersJob } from "./jobs/follow-up-reminders.js";
import { createReportPromptsJob } from "./jobs/report-prompts.js";
import { localeOf, networkTexts } from "./messages.js";
import { createNetworksDigestSections } from "./networks-digest.js";
import { createNetworksHomeSource } from "./networks-home.js";
import { createNetworksReportSource } from "./networks-report.js";
import type { LetterForMeeting, WorkingDays } from "./rules.js";
import {
  type ContactsForNetworks,
  createNetworksService,
  type LettersForNetworks,
  type NetworksService,
  type PartnersForNetworks,
  type RolesForNetworks,
} from "./service.js";
import {
  registerDecisionForm,
  registerDelegatesForm,
  registerDuesForm,
  registerHomeForms,
  registerMeetingForm,
  registerMeetingMenu,
  registerMeetingOpen,
  registerNetworkCommand,
  registerNetworkForm,
  registerNetworkMenu,
  registerNetworkOpen,
  registerReportForm,
} from "./slack/listeners.js";
import { type LetterButton, meetingButton, meetingCard, meetingModal, refusalText } from "./slack/views.js";
import { createNetworksStore } from "./store.js";

export type { ContactsForNetworks, LetterForMeeting, LettersForNetworks, PartnersForNetworks, RolesForNetworks };

export interface NetworksServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  roles: RolesForNetworks;
  /** A meeting's partner, by id (the partners area's service). */
  partners: PartnersForNetworks;
  /** A meeting's invitation, by id (the correspondence register's). */
  letters: LettersForNetworks;
  /** The contacts made at a meeting, found or entered (the contact archive's service). */
  contacts: ContactsForNetworks;
  /** The office's working days (the report's prompt day). */
  calendar: WorkingDays;
}

/** The area's use cases, built once by the composition root. */
export function createNetworksServices(deps: NetworksServicesDeps) {
  const store = createNetworksStore(deps.prisma);
  return { networks: createNetworksService({ ...deps, store }) };
}

export type NetworksServices = ReturnType<typeof createNetworksServices>;

export interface NetworksAreaDeps {
  kit: SlackKit;
  services: NetworksServices;
  /** The button that shows a letter of the correspondence register (the meeting card's link back). */
  letterButton?: LetterButton;
}

/**
 * What the networks tell the correspondence register (its MeetingsForLetters): which letters
 * became meetings, and what its "make it a meeting" choice opens: this area's form filled in from
 * the letter, the meeting it already became, or why not. The form and the card are this area's
 * (its listeners handle them); the register only shows them.
 */
export function meetingsForLetters(networks: NetworksService) {
  return {
    ofLetters: (letterIds: number[]) => networks.meetingsOfLetters(letterIds),
    meetingButton,
    async fromLetter(o: {
      actor: string;
      letterId: number;
      locale: LocaleCode;
      channel?: string;
    }): Promise<{ view: ModalView } | { text: string; blocks?: KnownBlockList }> {
      const t = networkTexts(o.locale);
      const found = await networks.fromLetter({ actor: o.actor, letterId: o.letterId });
      if (found.status === "not_found") return { text: t.refusals.letter_unknown };
      if (found.status === "refused") return { text: refusalText(t, found.reason) };
      if (found.status === "exists") return meetingCard(o.locale, found.meeting);
      if (found.hosts.networks.length + found.hosts.partners.length === 0) return { text: t.noHosts };
      return {
        view: meetingModal(o.locale, found.hosts, {
          prefill: found.prefill,
          ...(o.channel ? { channel: o.channel } : {}),
        }),
      };
    },
  };
}

type KnownBlockList = ReturnType<typeof meetingCard>["blocks"];

export function createNetworksArea(deps: NetworksAreaDeps): Area {
  const { networks } = deps.services;
  const slack = { kit: deps.kit, networks, letterButton: deps.letterButton };
  return {
    name: "networks",
    register(app) {
      registerNetworkCommand(app, slack); // /network
      registerNetworkOpen(app, slack); // action network_open
      registerMeetingOpen(app, slack); // action network_meeting_open (a letter's card links to it)
      registerNetworkMenu(app, slack); // action network_menu (meeting, dues, paid, delegates, edit)
      registerMeetingMenu(app, slack); // action network_meeting_menu (decide, report, follow-up done)
      registerHomeForms(app, slack); // actions network_new, network_meeting_new
      registerNetworkForm(app, slack); // view network_modal
      registerDuesForm(app, slack); // view network_dues_modal
      registerDelegatesForm(app, slack); // view network_delegates_modal
      registerMeetingForm(app, slack); // view network_meeting_modal
      registerDecisionForm(app, slack); // view network_decision_modal
      registerReportForm(app, slack); // view network_report_modal
    },
    jobs: [
      createReportPromptsJob({ networks, locales: deps.kit.locales }), // meeting-report-prompts
      createFollowUpRemindersJob({ networks, locales: deps.kit.locales }), // meeting-follow-up-reminders
    ],
    digestSections: createNetworksDigestSections(networks),
    homeSources: [createNetworksHomeSource(networks)],
    reportSections: [createNetworksReportSource(networks)],
    commands: [{ name: "/network", role: "staff", summary: (t) => networkTexts(localeOf(t)).summary }],
  };
}

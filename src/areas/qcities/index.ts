// Q-Cities, the European network whose coordination office Marousi runs: its member cities
// (partners, through the partners area's PartnersLookup), its governing bodies' meetings with their
// minutes (recorded by staff, approved by a manager), each member's dues for the year (the managers'
// digest lists those unpaid past due; `/qcities dues [year]` as CSV and XLSX), and the register of
// members' good practices ("Innovations to Spread"), searched as the other registers are.
//
// Slack ids — command: /qcities; actions: qcities_practice_menu, qcities_member_menu,
// qcities_meeting_menu; views: qcities_member_modal, qcities_meeting_modal, qcities_minutes_modal,
// qcities_practice_modal, qcities_dues_modal. Digest section: qcities-dues-overdue.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { localeOf, qcitiesTexts } from "./messages.js";
import { createQCitiesDigestSection } from "./qcities-digest.js";
import { createQCitiesService, type PartnersForQCities, type RolesForQCities } from "./service.js";
import {
  registerDuesForm,
  registerMeetingForm,
  registerMeetingMenu,
  registerMemberForm,
  registerMemberMenu,
  registerMinutesForm,
  registerPracticeForm,
  registerPracticeMenu,
  registerQCitiesCommand,
} from "./slack/listeners.js";
import { createQCitiesStore } from "./store.js";

export interface QCitiesServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  roles: RolesForQCities;
  /** The member cities are partners: from the partners area. */
  partners: PartnersForQCities;
}

/** The area's use cases, built once by the composition root. */
export function createQCitiesServices(deps: QCitiesServicesDeps) {
  return { qcities: createQCitiesService({ ...deps, store: createQCitiesStore(deps.prisma) }) };
}

export type QCitiesServices = ReturnType<typeof createQCitiesServices>;

export interface QCitiesAreaDeps {
  kit: SlackKit;
  services: QCitiesServices;
}

export function createQCitiesArea(deps: QCitiesAreaDeps): Area {
  const slack = { kit: deps.kit, service: deps.services.qcities };
  return {
    name: "qcities",
    register(app) {
      registerQCitiesCommand(app, slack); // /qcities
      registerPracticeMenu(app, slack); // action qcities_practice_menu (edit, the city's dues)
      registerMemberMenu(app, slack); // action qcities_member_menu (dues, practice, status)
      registerMeetingMenu(app, slack); // action qcities_meeting_menu (minutes, approve)
      registerMemberForm(app, slack); // view qcities_member_modal
      registerMeetingForm(app, slack); // view qcities_meeting_modal
      registerMinutesForm(app, slack); // view qcities_minutes_modal
      registerPracticeForm(app, slack); // view qcities_practice_modal
      registerDuesForm(app, slack); // view qcities_dues_modal
    },
    jobs: [],
    digestSections: [createQCitiesDigestSection(deps.services.qcities)],
    commands: [{ name: "/qcities", role: "staff", summary: (t) => qcitiesTexts(localeOf(t)).summary }],
  };
}

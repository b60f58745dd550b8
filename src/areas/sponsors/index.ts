// The sponsors area: `/sponsor` and what it registers with Slack, its job and its digest sections.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Sender } from "../../slack/sender.js";
import type { Area } from "../area.js";
import { createSponsorThanksJob } from "./jobs/sponsor-thanks.js";
import {
  type ContactsForSponsors,
  createSponsorsService,
  type EventsForSponsors,
  type GreetingsForSponsors,
  type RolesForSponsors,
} from "./service.js";
import { registerNewSponsorshipButton } from "./slack/home-form.js";
import {
  registerApprovalButtons,
  registerBenefitsForm,
  registerNewSponsorshipForm,
  registerReceiveForm,
  registerSponsorCommand,
  registerSponsorshipMenu,
} from "./slack/listeners.js";
import { createSponsorsDigestSections } from "./sponsors-digest.js";
import { createSponsorsHomeSource } from "./sponsors-home.js";
import { createSponsorsReportSource } from "./sponsors-report.js";
import { createSponsorsStore } from "./store.js";

export interface SponsorsServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  /** Who holds a role, and the managers to ask for an approval. */
  roles: RolesForSponsors;
  /** The contacts' greetings, where the thank-you letters are tracked. */
  greetings: GreetingsForSponsors;
  /** The office's calendar, whose events a sponsorship is tied to. */
  events: EventsForSponsors;
  /** The contact archive, where each sponsor has its contact. */
  contacts: ContactsForSponsors;
}

/** The area's use cases, built once by the composition root. */
export function createSponsorsServices(deps: SponsorsServicesDeps) {
  const { prisma, ...rest } = deps;
  return { sponsorships: createSponsorsService({ store: createSponsorsStore(prisma), ...rest }) };
}

export type SponsorsServices = ReturnType<typeof createSponsorsServices>;

export interface SponsorsAreaDeps {
  kit: SlackKit;
  services: SponsorsServices;
  clock: Clock;
  timeZone: string;
  sender: Sender;
}

export function createSponsorsArea(deps: SponsorsAreaDeps): Area {
  const { sponsorships } = deps.services;
  const slack = { kit: deps.kit, sponsorships, sender: deps.sender, clock: deps.clock, timeZone: deps.timeZone };
  return {
    name: "sponsors",
    register(app) {
      registerSponsorCommand(app, slack); // /sponsor
      registerNewSponsorshipForm(app, slack); // view sponsor_modal
      registerSponsorshipMenu(app, slack); // action sponsor_menu (overflow: a step, receive…, benefits…)
      registerApprovalButtons(app, slack); // actions sponsor_approve, sponsor_reject
      registerReceiveForm(app, slack); // view sponsor_receive_modal
      registerBenefitsForm(app, slack); // view sponsor_benefits_modal
      registerNewSponsorshipButton(app, slack); // action sponsor_new (the Home's button)
    },
    jobs: [createSponsorThanksJob({ sponsorships, locales: deps.kit.locales })], // sponsor-thanks
    // sponsors-approval, sponsors-benefits, sponsors-thanks
    digestSections: createSponsorsDigestSections(sponsorships),
    reportSections: [createSponsorsReportSource(sponsorships)],
    homeSources: [createSponsorsHomeSource(sponsorships, deps.kit.roles)], // approvals awaiting, letters owed
    commands: [{ name: "/sponsor", role: "staff", summary: (t) => t.sponsors.summary }],
  };
}

// The press intake: news feeds read every 15 minutes, the articles about the municipality proposed
// in the press channel, decided there.
//   Slack: `/grafeio feed …` (a sub-command this area adds to /grafeio); the buttons
//   press_item_log, press_item_dismiss, press_item_exists; the form press_item_exists_modal and
//   its picker's options press_item_exists_pick.
//   Jobs: press-intake. Digest: press-intake (proposed, logged, dismissed). Home: the proposals
//   waiting, for those who review them.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SafeFetcher } from "../../lib/safe-fetch.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import type { ClipForm } from "../clippings/index.js";
import type { Role } from "../users/roles.js";
import { createIntakeDigestSection } from "./intake-digest.js";
import { createIntakeHomeSource } from "./intake-home.js";
import { createPressIntakeJob } from "./jobs/press-intake.js";
import {
  createPressIntakeService,
  type JobScheduleSetting,
  type RegisterForIntake,
  type WatchedWords,
} from "./service.js";
import { feedSubCommand } from "./slack/feed-command.js";
import { registerProposalButtons } from "./slack/listeners.js";
import { createPressIntakeStore } from "./store.js";

export interface PressIntakeServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  roles: { hasRole(slackUserId: string, role: Role): Promise<boolean> };
  fetcher: Pick<SafeFetcher, "fetchText">;
  /** The register: watched words matched the search's way, links already registered. */
  register: RegisterForIntake;
  /** The watch list's terms and the topics. */
  watched: WatchedWords;
  /** The scheduler's job settings: `feed every` sets the intake job's schedule there. */
  schedule: JobScheduleSetting;
}

export function createPressIntakeServices(deps: PressIntakeServicesDeps) {
  const { prisma, ...rest } = deps;
  return { intake: createPressIntakeService({ store: createPressIntakeStore(prisma), ...rest }) };
}

export type PressIntakeServices = ReturnType<typeof createPressIntakeServices>;

export interface PressIntakeAreaDeps {
  kit: SlackKit;
  services: PressIntakeServices;
  timeZone: string;
  /** The clipping form, opened filled in by «Καταχώριση». */
  clipForm: ClipForm;
  /** Who is told of a failing feed: the admins. */
  admins: { holdersOf(role: Role): Promise<string[]> };
}

export function createPressIntakeArea(deps: PressIntakeAreaDeps): Area {
  const { intake } = deps.services;
  return {
    name: "press-intake",
    register(app) {
      // actions press_item_log, press_item_dismiss, press_item_exists; view press_item_exists_modal
      registerProposalButtons(app, { kit: deps.kit, intake, clipForm: deps.clipForm, timeZone: deps.timeZone });
    },
    jobs: [createPressIntakeJob({ intake, admins: deps.admins, locales: deps.kit.locales })], // press-intake
    digestSections: [createIntakeDigestSection(intake)],
    grafeioSubCommands: [feedSubCommand(intake)], // /grafeio feed …
    homeSources: [createIntakeHomeSource(intake)], // the proposals waiting, for those who review them
  };
}

// The correspondence area: `/letter` (the register of correspondence with abroad, with yearly
// protocol numbers), its form and its entries' menu; the deadlines' reminders; the digest's
// invitations.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import type { Role } from "../users/roles.js";
import { createCorrespondenceRemindersJob } from "./jobs/correspondence-reminders.js";
import { createLetterService } from "./letter-service.js";
import { createLettersDigestSection } from "./letters-digest.js";
import { registerLetterCommand, registerLetterForm, registerLetterMenu } from "./slack/listeners.js";

export interface CorrespondenceAreaDeps {
  kit: SlackKit;
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  /** Who coordinates (the office's managers), from the users area. */
  roles: { holdersOf(role: Role): Promise<string[]> };
}

export function createCorrespondenceArea(deps: CorrespondenceAreaDeps): Area {
  const { kit } = deps;
  const service = createLetterService(deps);
  const listeners = { kit, service };
  return {
    name: "correspondence",
    register(app) {
      registerLetterCommand(app, listeners); // /letter
      registerLetterForm(app, listeners); // view letter_modal
      registerLetterMenu(app, listeners); // action letter_menu
    },
    jobs: [
      createCorrespondenceRemindersJob({
        service,
        coordinators: () => deps.roles.holdersOf("manager"),
        locales: kit.locales,
      }),
    ],
    digestSections: [createLettersDigestSection(service)],
    commands: [{ name: "/letter", role: "staff", summary: (t) => t.letters.summary }],
  };
}

// The correspondence area: `/letter` (the register of correspondence with abroad, with yearly
// protocol numbers), its form and its entries' menu; the deadlines' reminders; the digest's
// invitations.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import type { Role } from "../users/roles.js";
import { createCorrespondenceRemindersJob } from "./jobs/correspondence-reminders.js";
import { type ContactsForLetters, createLetterService, protocolNumber } from "./letter-service.js";
import { createLettersDigestSection } from "./letters-digest.js";
import { createLettersHomeSource } from "./letters-home.js";
import { createLettersReportSource } from "./letters-report.js";
import { registerNewLetterButton } from "./slack/home-form.js";
import { LETTER_OPEN_ACTION, letterOpenValue } from "./slack/letter-views.js";
import {
  type MeetingsForLetters,
  registerLetterCommand,
  registerLetterForm,
  registerLetterMenu,
  registerLetterOpen,
} from "./slack/listeners.js";

/** What the register tells other areas: the entries exchanged with a partner (its timeline). */
export type LettersWith = Pick<import("./letter-service.js").LetterService, "lettersWith">;
export { protocolNumber } from "./letter-service.js";
export type { MeetingsForLetters };

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * What the register tells the networks (their LettersForNetworks): a letter by id, as a meeting
 * made of it needs it (its protocol number, subject, counterpart and its contact, the answer's
 * deadline); and the button that shows it here (letter_open), for the meeting's card.
 */
export function lettersForNetworks(letters: Pick<import("./letter-service.js").LetterService, "get">) {
  return {
    async get(id: number) {
      const l = await letters.get(id);
      if (!l) return null;
      return {
        id: l.id,
        protocol: protocolNumber(l),
        direction: l.direction,
        subject: l.subject,
        counterpart: l.counterpart,
        contactId: l.contactId,
        dueOn: iso(l.dueOn),
      };
    },
    cardButton: (id: number) => ({ actionId: LETTER_OPEN_ACTION, value: letterOpenValue.encode(id) }),
  };
}

export interface CorrespondenceServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  /** The counterpart of an entry, when it is in the contact archive: from the contacts area. */
  contacts: ContactsForLetters;
  /** Who is staff (from the users area). */
  roles: { hasRole(slackUserId: string, role: "staff"): Promise<boolean> };
}

/** The area's use cases, built once by the composition root. */
export function createCorrespondenceServices(deps: CorrespondenceServicesDeps) {
  return { letters: createLetterService(deps) };
}

export type CorrespondenceServices = ReturnType<typeof createCorrespondenceServices>;

export interface CorrespondenceAreaDeps {
  kit: SlackKit;
  services: CorrespondenceServices;
  /** Who coordinates (the office's managers), from the users area. */
  roles: { holdersOf(role: Role): Promise<string[]> };
  /** The office's, for the times in the register's files. */
  timeZone: string;
  /** The meetings letters became, and the networks' form that makes one (from the networks area). */
  meetings: MeetingsForLetters;
}

export function createCorrespondenceArea(deps: CorrespondenceAreaDeps): Area {
  const { kit } = deps;
  const service = deps.services.letters;
  const listeners = { kit, service, timeZone: deps.timeZone, meetings: deps.meetings };
  return {
    name: "correspondence",
    register(app) {
      registerLetterCommand(app, listeners); // /letter
      registerLetterForm(app, listeners); // view letter_modal
      registerLetterMenu(app, listeners); // action letter_menu (answered, declined, filed, meeting)
      registerLetterOpen(app, listeners); // action letter_open (a meeting's link back to its letter)
      registerNewLetterButton(app, listeners); // action letter_new (the Home's button)
    },
    jobs: [
      createCorrespondenceRemindersJob({
        service,
        coordinators: () => deps.roles.holdersOf("manager"),
        locales: kit.locales,
      }),
    ],
    digestSections: [createLettersDigestSection(service)],
    reportSections: [createLettersReportSource(service)],
    homeSources: [createLettersHomeSource(service)], // the entries the person registered, awaiting an answer
    commands: [{ name: "/letter", role: "staff", summary: (t) => t.letters.summary }],
  };
}

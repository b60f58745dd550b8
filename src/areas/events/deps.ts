// What the events area needs from the rest of Grafeio, and what its listeners and jobs are given.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { LocaleCode } from "../../i18n/index.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Sender } from "../../slack/sender.js";
import type { EventRoles, EventService } from "./service.js";

/** From the sponsors area: an event's sponsors still to thank, named in the day-after follow-up. */
export interface SponsorsForEvents {
  unthankedOf(eventId: number): Promise<{ organisation: string }[]>;
}

/** A contact as a guest of honour: their name and title. */
export interface OfficialContact {
  id: number;
  nameEl: string;
  title: string | null;
}

/** From the contacts area: the archive's officials, offered when a guest is added. */
export interface ContactsForEvents {
  officials(): Promise<OfficialContact[]>;
  get(id: number): Promise<OfficialContact | null>;
}

/** A partner as an event names it: its id and the name it goes by. */
export interface PartnerRef {
  id: number;
  name: string;
}

/**
 * From the partners area: the partners the event form offers (its external select, searched in any
 * script), one by id (the card's name), and the button that opens a partner's card there.
 */
export interface PartnersForEvents {
  search(text: string): Promise<PartnerRef[]>;
  get(id: number): Promise<PartnerRef | null>;
  /** The partners' own action that opens a partner's card (id and value of the button). */
  cardButton(id: number): { actionId: string; value: string };
}

export interface EventsServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  /** Who holds a role: who may plan events, who may see the guests. */
  roles: EventRoles;
}

export interface EventsAreaDeps {
  kit: SlackKit;
  services: { events: EventService };
  clock: Clock;
  timeZone: string;
  /** The office's language, for what is posted in channels. */
  defaultLocale: LocaleCode;
  sender: Sender;
  /** The PR office's channel, where events' cards are posted. */
  prChannelId?: string;
  sponsors: SponsorsForEvents;
  contacts: ContactsForEvents;
  partners: PartnersForEvents;
}

/** What the listeners work with: the area's deps and its service. */
export interface EventsContext extends Omit<EventsAreaDeps, "services" | "sponsors"> {
  events: EventService;
}

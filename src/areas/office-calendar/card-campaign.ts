// A greeting-card campaign (Christmas, Easter, any the office adds): who gets a card, grouped by
// category and language, and how many have been sent.

import { daysBetween } from "../../lib/clock.js";
import type { CategoryOption } from "../contacts/index.js";
import type { CalendarReminder } from "./calendar-reminders.js";
import type { GreetingService } from "./greeting-service.js";
import type { ContactsForGreetings, GreetedContact } from "./office-calendar-services.js";

export interface CardCampaignState {
  occasion: string;
  recipients: GreetedContact[];
  sent: Set<number>;
  groups: { category: string | null; language: string | null; contacts: GreetedContact[] }[];
}

/** A campaign as its message shows it. */
export interface CardCampaign {
  reminder: CalendarReminder;
  date: string;
  daysLeft: number;
  state: CardCampaignState;
  categories: Map<string, CategoryOption>;
}

export function cardOccasion(reminderId: number, date: string): string {
  return `${reminderId}:${date}`;
}

export async function cardCampaignState(
  deps: { contacts: ContactsForGreetings; greetings: GreetingService },
  reminderId: number,
  date: string,
): Promise<CardCampaignState> {
  const occasion = cardOccasion(reminderId, date);
  const recipients = await deps.contacts.greetable();
  const done = await deps.greetings.statusOf("card", occasion);
  const sent = new Set(done.filter((g) => g.status === "sent").map((g) => g.contactId));
  const groups = new Map<string, CardCampaignState["groups"][number]>();
  for (const c of recipients) {
    const key = `${c.categorySlug ?? ""}|${(c.language ?? "").toLowerCase()}`;
    const group = groups.get(key) ?? { category: c.categorySlug, language: c.language, contacts: [] };
    group.contacts.push(c);
    groups.set(key, group);
  }
  return { occasion, recipients, sent, groups: [...groups.values()] };
}

/** The campaign as it stands now. */
export async function loadCardCampaign(
  deps: { contacts: ContactsForGreetings; greetings: GreetingService },
  options: { reminder: CalendarReminder; date: string; today: string },
): Promise<CardCampaign> {
  const { reminder, date, today } = options;
  const categories = new Map((await deps.contacts.listCategories()).map((c) => [c.slug, c]));
  return {
    reminder,
    date,
    daysLeft: Math.max(0, daysBetween(today, date)),
    state: await cardCampaignState(deps, reminder.id, date),
    categories,
  };
}

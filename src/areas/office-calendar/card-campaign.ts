// A greeting-card campaign (Christmas, Easter, any the office adds): who gets a card, grouped by
// category and language, and how many have been sent.

import type { Services } from "../../app/services.js";
import type { ContactRecord } from "../contacts/contact-service.js";

export interface CardCampaignState {
  occasion: string;
  recipients: ContactRecord[];
  sent: Set<number>;
  groups: { category: string | null; language: string | null; contacts: ContactRecord[] }[];
}

export function cardOccasion(reminderId: number, date: string): string {
  return `${reminderId}:${date}`;
}

export async function cardCampaignState(
  services: Services,
  reminderId: number,
  date: string,
): Promise<CardCampaignState> {
  const occasion = cardOccasion(reminderId, date);
  const recipients = await services.contacts.greetable();
  const done = await services.greetings.statusOf("card", occasion);
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

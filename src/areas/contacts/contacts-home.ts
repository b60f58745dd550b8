// The contacts' part of each person's Home: who of the contacts celebrates today (VIPs first, never
// an opted-out one), and the button that opens the contact form.
import type { NameDayCalendar } from "../../calendar/namedays/nameday-calendar.js";
import { defineTexts, icu } from "../../i18n/texts.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import type { ContactService } from "./contact-service.js";
import { ADD_CONTACT_ACTION } from "./slack/contact-views.js";

const texts = defineTexts(
  {
    title: "Γιορτάζουν σήμερα",
    newContact: "Νέα επαφή",
    more: (n: number) => icu("el", "_…και {n} ακόμη: `/giortes`_", { n }),
  },
  {
    title: "Name days today",
    newContact: "New contact",
    more: (n: number) => icu("en", "_…and {n} more: `/namedays`_", { n }),
  },
);
const SHOWN = 15;

export function createContactsHomeSource(
  contacts: Pick<ContactService, "celebratingOn">,
  nameDays: Pick<NameDayCalendar, "keysOn">,
): HomeSource {
  return homeSource({
    id: "contacts",
    async collect(w) {
      const h = texts(w.locale);
      const celebrating = await contacts.celebratingOn(nameDays.keysOn(w.today));
      const lines = celebrating.slice(0, SHOWN).map((c) => {
        const role = [c.title, c.organisation].filter(Boolean).join(", ");
        return `• ${c.vip ? ":star: " : ""}*${escapeMrkdwn(truncate(c.nameEl, 100))}*${role ? ` · ${escapeMrkdwn(truncate(role, 120))}` : ""}`;
      });
      if (celebrating.length > SHOWN) lines.push(h.more(celebrating.length - SHOWN));
      return {
        ...(lines.length ? { notice: { title: h.title, lines, order: 1 } } : {}),
        forms: [{ text: h.newContact, actionId: ADD_CONTACT_ACTION }],
      };
    },
  });
}

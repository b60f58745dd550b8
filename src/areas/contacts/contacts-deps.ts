// What the contacts area's listeners are built from: the Slack kit, its own services, the name-day
// calendar, and the little it needs from the office calendar's greetings.
import type { NameDayCalendar } from "../../calendar/namedays/nameday-calendar.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { ContactImports } from "./contact-import.js";
import type { ContactService } from "./contact-service.js";

/** The thank-you letters other areas asked for (the office calendar's greetings implement it). */
export interface ThankYouLetters {
  pendingThankYous(): Promise<
    {
      contactId: number;
      occasion: string;
      reason: string | null;
      contact: { nameEl: string; organisation: string | null };
    }[]
  >;
  record(options: {
    contactId: number;
    kind: "thank_you";
    occasion: string;
    outcome: "sent";
    by: string;
  }): Promise<{ status: "recorded" | "not_found" | "refused" }>;
}

export interface ContactsDeps extends SlackKit {
  clock: Clock;
  timeZone: string;
  contacts: ContactService;
  imports: ContactImports;
  nameDays: NameDayCalendar;
  greetings: ThankYouLetters;
}

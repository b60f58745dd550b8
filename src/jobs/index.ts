// Every scheduled job. Adding one: a file in src/jobs exporting a Job, and one line here.
import { clippingReplyReminders } from "./clipping-reply-reminders.js";
import { clippingSurgeCheck } from "./clipping-surge-check.js";
import { correspondenceReminders } from "./correspondence-reminders.js";
import { eventReminders } from "./event-reminders.js";
import type { Job } from "./job.js";
import { morningDigest } from "./morning-digest/morning-digest.js";
import { calendarNotes } from "./office-calendar/calendar-notes.js";
import { greetingCards } from "./office-calendar/greeting-cards.js";
import { nameDayReminders } from "./office-calendar/name-day-reminders.js";
import { sponsorThanks } from "./sponsor-thanks.js";
import { translationReminders, translationWeekly } from "./translation-reminders.js";

export const allJobs: Job[] = [
  morningDigest,
  clippingReplyReminders,
  clippingSurgeCheck,
  nameDayReminders,
  greetingCards,
  calendarNotes,
  translationReminders,
  translationWeekly,
  correspondenceReminders,
  sponsorThanks,
  eventReminders,
];

// Every scheduled job. Adding one: a file in src/jobs exporting a Job, and one line here.
import { clippingReplyReminders } from "../areas/clippings/jobs/reply-reminders.js";
import { clippingSurgeCheck } from "../areas/clippings/jobs/surge-check.js";
import { correspondenceReminders } from "../areas/correspondence/jobs/correspondence-reminders.js";
import { morningDigest } from "../areas/digest/jobs/morning-digest.js";
import { eventReminders } from "../areas/events/jobs/event-reminders.js";
import { calendarNotes } from "../areas/office-calendar/jobs/calendar-notes.js";
import { greetingCards } from "../areas/office-calendar/jobs/greeting-cards.js";
import { nameDayReminders } from "../areas/office-calendar/jobs/name-day-reminders.js";
import { sponsorThanks } from "../areas/sponsors/jobs/sponsor-thanks.js";
import { translationReminders, translationWeekly } from "../areas/translations/jobs/translation-reminders.js";
import type { Job } from "../scheduling/job.js";

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

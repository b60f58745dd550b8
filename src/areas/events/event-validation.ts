// The rules an event meets. Pure: no database, no Slack. Dates and times are the office's wall
// clock (Europe/Athens), turned into instants here, so 10:00 is 10:00 in winter and in summer.
import { TZDate } from "@date-fns/tz";
import { isRealIsoDate } from "../../lib/clock.js";
import { isLanguage } from "../translations/languages.js";

export const EVENT_LIMITS = { title: 200, venue: 200, organiser: 200, relatedOrganisation: 200, notes: 3000 } as const;

export interface EventInput {
  title?: string;
  typeSlug?: string;
  startDate?: string;
  startTime?: string;
  endDate?: string;
  endTime?: string;
  allDay?: boolean;
  venue?: string;
  organiser?: string;
  responsible?: string[];
  expectedAttendance?: string;
  languages?: string[];
  relatedOrganisation?: string;
  /** The partner chosen from the partners' list (its id, as the select's option carries it). */
  partnerId?: string;
  notes?: string;
  pastRecord?: boolean;
}

export type EventField = keyof EventInput;
export type EventError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "unknownType" }
  | { code: "dateInvalid" }
  | { code: "timeInvalid" }
  | { code: "endBeforeStart" }
  | { code: "inThePast" }
  | { code: "attendanceInvalid" }
  | { code: "unknownLanguage" }
  | { code: "unknownPartner" };

export interface EventDraft {
  title: string;
  typeSlug: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  venue: string | null;
  organiser: string | null;
  responsible: string[];
  expectedAttendance: number | null;
  languages: string[];
  relatedOrganisation: string | null;
  partnerId: number | null;
  notes: string | null;
  pastRecord: boolean;
}

const clean = (s?: string) => (s ?? "").replace(/\s+/g, " ").trim();

/** A wall-clock date and time in `timeZone` as an instant. */
export function wallClock(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime());
}

export function validateEvent(
  input: EventInput,
  { now, timeZone, knownTypes }: { now: Date; timeZone: string; knownTypes: ReadonlySet<string> },
): { ok: true; draft: EventDraft } | { ok: false; errors: Partial<Record<EventField, EventError>> } {
  const errors: Partial<Record<EventField, EventError>> = {};
  const text = (field: keyof typeof EVENT_LIMITS, required: boolean) => {
    const v = field === "notes" ? (input.notes ?? "").trim() : clean(input[field]);
    if (!v && required) errors[field] = { code: "required" };
    else if (v.length > EVENT_LIMITS[field]) errors[field] = { code: "tooLong", max: EVENT_LIMITS[field] };
    return v || null;
  };
  const title = text("title", true);
  const typeSlug = clean(input.typeSlug);
  if (!typeSlug) errors.typeSlug = { code: "required" };
  else if (!knownTypes.has(typeSlug)) errors.typeSlug = { code: "unknownType" };
  const allDay = input.allDay ?? false;
  const startDate = clean(input.startDate);
  const endDate = clean(input.endDate) || startDate;
  if (!startDate) errors.startDate = { code: "required" };
  else if (!isRealIsoDate(startDate)) errors.startDate = { code: "dateInvalid" };
  if (clean(input.endDate) && !isRealIsoDate(endDate)) errors.endDate = { code: "dateInvalid" };
  const time = (t: string | undefined, field: "startTime" | "endTime") => {
    const v = clean(t);
    if (allDay) return field === "startTime" ? "00:00" : "23:59";
    if (!v) {
      errors[field] = { code: "required" };
      return "00:00";
    }
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) errors[field] = { code: "timeInvalid" };
    return v;
  };
  const startTime = time(input.startTime, "startTime");
  const endTime = time(input.endTime, "endTime");
  let startsAt: Date | undefined;
  let endsAt: Date | undefined;
  if (!errors.startDate && !errors.endDate && !errors.startTime && !errors.endTime && startDate) {
    startsAt = wallClock(startDate, startTime, timeZone);
    endsAt = wallClock(endDate, endTime, timeZone);
    if (endsAt <= startsAt) errors.endTime = { code: "endBeforeStart" };
    else if (!input.pastRecord && endsAt < now) errors.startDate = { code: "inThePast" };
  }
  const attendanceText = clean(input.expectedAttendance);
  let expectedAttendance: number | null = null;
  if (attendanceText) {
    if (!/^\d{1,6}$/.test(attendanceText)) errors.expectedAttendance = { code: "attendanceInvalid" };
    else expectedAttendance = Number(attendanceText);
  }
  const languages = input.languages ?? [];
  if (languages.some((l) => !isLanguage(l))) errors.languages = { code: "unknownLanguage" };
  const venue = text("venue", false);
  const organiser = text("organiser", false);
  const relatedOrganisation = text("relatedOrganisation", false);
  // Whether the partner exists is the form's question to the partners; here only its shape.
  let partnerId: number | null = null;
  if (input.partnerId) {
    const n = /^[1-9]\d{0,9}$/.test(input.partnerId) ? Number(input.partnerId) : Number.NaN;
    if (Number.isSafeInteger(n) && n <= 2_147_483_647) partnerId = n;
    else errors.partnerId = { code: "unknownPartner" };
  }
  const notes = text("notes", false);
  if (Object.keys(errors).length > 0 || !title || !startsAt || !endsAt) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      title,
      typeSlug,
      startsAt,
      endsAt,
      allDay,
      venue,
      organiser,
      responsible: [...new Set(input.responsible ?? [])].slice(0, 20),
      expectedAttendance,
      languages,
      relatedOrganisation,
      partnerId,
      notes,
      pastRecord: input.pastRecord ?? false,
    },
  };
}

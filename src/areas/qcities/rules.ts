// Q-Cities' pure rules: the forms' answers checked (a member, a meeting, its minutes, a good
// practice, a member's dues), who may do what, and where a year's dues stand. No database, no
// Slack; each error is a code the views say under its field.
import { cleanText, dateField, linkField, textField } from "../../lib/form-fields.js";
import { MAX_CENTS, type MoneyError, parseEuros } from "../../lib/money.js";

export const MEMBER_STATUSES = ["active", "suspended", "left"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const BODIES = ["board", "general_assembly"] as const;
export type Body = (typeof BODIES)[number];

export type FormError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "date" }
  | { code: "link" }
  | { code: "money"; error: MoneyError }
  | { code: "future" }
  | { code: "placeOrOnline" }
  | { code: "year" };

export type Errors<F extends string> = Partial<Record<F, FormError>>;
export type Result<D, F extends string> = { ok: true; draft: D } | { ok: false; errors: Errors<F> };

export const LIMITS = {
  title: 200,
  field: 100,
  description: 3000,
  place: 200,
  agenda: 3000,
  minutes: 3000,
  reason: 500,
};

const done = <D, F extends string>(errors: Errors<F>, draft: D): Result<D, F> =>
  Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, draft };

/** A Slack file's permalink (`https://<team>.slack.com/files/…`), which the card names as such. */
export function isSlackFileLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" && /(^|\.)slack\.com$/.test(u.hostname) && u.pathname.startsWith("/files/");
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// A member city.

export type MemberField = "partner" | "joinedOn" | "status";
export interface MemberInput {
  partnerId?: number;
  joinedOn?: string;
  status?: string;
}
export interface MemberDraft {
  partnerId: number;
  joinedOn: string;
  status: MemberStatus;
}

export function validateMember(input: MemberInput, today: string): Result<MemberDraft, MemberField> {
  const errors: Errors<MemberField> = {};
  if (input.partnerId === undefined) errors.partner = { code: "required" };
  const joinedOn = dateField(errors, "joinedOn", input.joinedOn, true);
  if (joinedOn && joinedOn > today) errors.joinedOn = { code: "future" };
  const status = (MEMBER_STATUSES as readonly string[]).includes(input.status ?? "")
    ? (input.status as MemberStatus)
    : "active";
  return done(errors, { partnerId: input.partnerId ?? 0, joinedOn: joinedOn ?? "", status });
}

// ---------------------------------------------------------------------------------------------
// A meeting of a governing body, and its minutes.

export type MeetingField = "body" | "heldOn" | "place" | "online" | "agenda";
export interface MeetingInput {
  body?: string;
  heldOn?: string;
  place?: string;
  online?: boolean;
  agenda?: string;
}
export interface MeetingDraft {
  body: Body;
  heldOn: string;
  place: string | null;
  online: boolean;
  agenda: string;
}

export function validateMeeting(input: MeetingInput): Result<MeetingDraft, MeetingField> {
  const errors: Errors<MeetingField> = {};
  const body = (BODIES as readonly string[]).includes(input.body ?? "") ? (input.body as Body) : undefined;
  if (!body) errors.body = { code: "required" };
  const heldOn = dateField(errors, "heldOn", input.heldOn, true);
  const place = textField(errors, "place", input.place, LIMITS.place);
  const online = input.online === true;
  if (!place && !online) errors.place = { code: "placeOrOnline" };
  const agenda = textField(errors, "agenda", input.agenda, LIMITS.agenda, true);
  return done(errors, {
    body: body ?? "board",
    heldOn: heldOn ?? "",
    place: place ?? null,
    online,
    agenda: agenda ?? "",
  });
}

export type MinutesField = "minutesText" | "minutesLink";
export interface MinutesDraft {
  minutesText: string | null;
  minutesLink: string | null;
}

/** The minutes: their text, a link (or a Slack file's permalink), or both; not neither. */
export function validateMinutes(input: {
  minutesText?: string;
  minutesLink?: string;
}): Result<MinutesDraft, MinutesField> {
  const errors: Errors<MinutesField> = {};
  const minutesText = textField(errors, "minutesText", input.minutesText, LIMITS.minutes);
  const minutesLink = linkField(errors, "minutesLink", input.minutesLink);
  if (!minutesText && !minutesLink && !errors.minutesLink) errors.minutesText = { code: "required" };
  return done(errors, { minutesText: minutesText ?? null, minutesLink: minutesLink ?? null });
}

// ---------------------------------------------------------------------------------------------
// A good practice ("Innovations to Spread").

export type PracticeField = "member" | "title" | "field" | "description" | "link";
export interface PracticeInput {
  memberId?: number;
  title?: string;
  field?: string;
  description?: string;
  link?: string;
}
export interface PracticeDraft {
  memberId: number;
  title: string;
  field: string;
  description: string;
  link: string | null;
}

export function validatePractice(input: PracticeInput): Result<PracticeDraft, PracticeField> {
  const errors: Errors<PracticeField> = {};
  if (input.memberId === undefined) errors.member = { code: "required" };
  const title = textField(errors, "title", input.title, LIMITS.title, true);
  const field = textField(errors, "field", input.field, LIMITS.field, true);
  const description = textField(errors, "description", input.description, LIMITS.description, true);
  const url = linkField(errors, "link", input.link);
  return done(errors, {
    memberId: input.memberId ?? 0,
    title: title ?? "",
    field: field ?? "",
    description: description ?? "",
    link: url ?? null,
  });
}

// ---------------------------------------------------------------------------------------------
// A member's dues for a year.

export type DuesField = "year" | "amount" | "dueOn" | "paidOn";
export interface DuesInput {
  year?: string;
  amount?: string;
  dueOn?: string;
  paidOn?: string;
}
export interface DuesDraft {
  year: number;
  cents: bigint;
  dueOn: string;
  paidOn: string | null;
}

export function validateDues(input: DuesInput, today: string): Result<DuesDraft, DuesField> {
  const errors: Errors<DuesField> = {};
  const yearText = cleanText(input.year);
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  if (!yearText) errors.year = { code: "required" };
  else if (year === undefined || year < 2000 || year > 2100) errors.year = { code: "year" };
  let cents = 0n;
  const amount = cleanText(input.amount);
  if (!amount) errors.amount = { code: "required" };
  else {
    const parsed = parseEuros(amount);
    if ("error" in parsed) errors.amount = { code: "money", error: parsed.error };
    else cents = parsed.cents;
  }
  const dueOn = dateField(errors, "dueOn", input.dueOn, true);
  const paidOn = dateField(errors, "paidOn", input.paidOn);
  if (paidOn && paidOn > today) errors.paidOn = { code: "future" };
  return done(errors, {
    year: year ?? 0,
    cents: cents > MAX_CENTS ? MAX_CENTS : cents,
    dueOn: dueOn ?? "",
    paidOn: paidOn ?? null,
  });
}

/** Where a year's dues stand on `today`: paid, due (not yet past its day), or unpaid past due. */
export type DuesStanding = "paid" | "due" | "overdue";
export function duesStanding(d: { dueOn: string; paidOn: string | null }, today: string): DuesStanding {
  if (d.paidOn) return "paid";
  return d.dueOn < today ? "overdue" : "due";
}

// ---------------------------------------------------------------------------------------------
// Who may do what: staff record (members, meetings, minutes, practices, dues and payments); a
// manager approves the minutes.

export type Right = "record" | "approve";
export function mayDo(right: Right, roles: { staff: boolean; manager: boolean }): boolean {
  return right === "approve" ? roles.manager : roles.staff || roles.manager;
}

/** Minutes may be approved once they are recorded, and only once. */
export function minutesApprovable(m: {
  minutesAt: Date | null;
  approvedAt: Date | null;
}): "ok" | "no_minutes" | "already_approved" {
  if (m.approvedAt) return "already_approved";
  if (!m.minutesAt) return "no_minutes";
  return "ok";
}

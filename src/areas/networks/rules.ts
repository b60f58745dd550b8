// The networks' pure rules: the forms' answers checked (a network with its membership's council
// decision, a year's dues, a meeting, the managers' decision, the delegate's report), the day the
// report is asked for (two working days after the meeting), and the days a follow-up action is
// reminded on (two working days before and on the day). Each error is a code the views say under
// its field.
import { normaliseAda } from "../../lib/ada.js";
import { cleanText, dateField, linkField, textField } from "../../lib/form-fields.js";
import { greeklishSkeleton } from "../../lib/greeklish.js";
import { type MoneyError, parseEuros } from "../../lib/money.js";

export type FormError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "date" }
  | { code: "future" }
  | { code: "link" }
  | { code: "ada" }
  | { code: "year" }
  | { code: "money"; reason: MoneyError }
  | { code: "endBeforeStart" }
  | { code: "deadlineAfterStart" }
  | { code: "placeOrOnline" }
  | { code: "hostRequired" }
  | { code: "attendeesRequired" }
  | { code: "ownerRequired" }
  | { code: "dueRequired" };

export type Errors<F extends string> = Partial<Record<F, FormError>>;
type Result<D, F extends string> = { ok: true; draft: D } | { ok: false; errors: Errors<F> };

export const LIMITS = { name: 200, notes: 2000, forum: 100, place: 200, agenda: 3000, reason: 1000, outcomes: 3000 };
/** How many follow-up actions one report's form has rows for. */
export const FOLLOW_UP_ROWS = 3;
/** How many contacts made one report enters, at most. */
export const MAX_CONTACTS = 20;

const ok = <D, F extends string>(errors: Errors<F>, draft: D): Result<D, F> =>
  Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, draft };

// --- a network and its membership ------------------------------------------------------------

export type NetworkField =
  | "name"
  | "nameLatin"
  | "website"
  | "memberSince"
  | "decisionNumber"
  | "decisionDate"
  | "ada"
  | "notes";
export type NetworkInput = Partial<Record<NetworkField, string>>;
export interface NetworkDraft {
  name: string;
  nameLatin: string | null;
  website: string | null;
  memberSince: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  ada: string | null;
  notes: string | null;
}

/**
 * A network: its name, and the membership's council decision (number, date, ΑΔΑ, all three or
 * none: a decision is named by all of them), since when, none of it in the future.
 */
export function validateNetwork(input: NetworkInput, today: string): Result<NetworkDraft, NetworkField> {
  const errors: Errors<NetworkField> = {};
  const name = textField(errors, "name", input.name, LIMITS.name, true);
  const nameLatin = textField(errors, "nameLatin", input.nameLatin, LIMITS.name);
  const website = linkField(errors, "website", input.website);
  const memberSince = dateField(errors, "memberSince", input.memberSince);
  if (memberSince && memberSince > today) errors.memberSince = { code: "future" };
  const decisionNumber = textField(errors, "decisionNumber", input.decisionNumber, 50);
  const decisionDate = dateField(errors, "decisionDate", input.decisionDate);
  if (decisionDate && decisionDate > today) errors.decisionDate = { code: "future" };
  const adaText = cleanText(input.ada);
  const ada = adaText ? normaliseAda(adaText) : undefined;
  if (adaText && !ada) errors.ada = { code: "ada" };
  // A decision is its number, its date and its ΑΔΑ: one given asks for the others.
  if (decisionNumber || input.decisionDate || adaText) {
    if (!decisionNumber && !errors.decisionNumber) errors.decisionNumber = { code: "required" };
    if (!input.decisionDate) errors.decisionDate = { code: "required" };
    if (!adaText) errors.ada = { code: "required" };
  }
  const notes = textField(errors, "notes", input.notes, LIMITS.notes);
  return ok(errors, {
    name: name ?? "",
    nameLatin: nameLatin ?? null,
    website: website ?? null,
    memberSince: memberSince ?? null,
    decisionNumber: decisionNumber ?? null,
    decisionDate: decisionDate ?? null,
    ada: ada ?? null,
    notes: notes ?? null,
  });
}

// --- a year's dues ---------------------------------------------------------------------------

export type DuesField = "year" | "amount" | "dueOn";
export interface DuesDraft {
  year: number;
  cents: bigint;
  dueOn: string;
}

export function validateDues(input: Partial<Record<DuesField, string>>): Result<DuesDraft, DuesField> {
  const errors: Errors<DuesField> = {};
  const yearText = cleanText(input.year);
  const year = Number(yearText);
  if (!yearText) errors.year = { code: "required" };
  else if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) errors.year = { code: "year" };
  let cents = 0n;
  const amountText = cleanText(input.amount);
  if (!amountText) errors.amount = { code: "required" };
  else {
    const parsed = parseEuros(amountText);
    if ("error" in parsed) errors.amount = { code: "money", reason: parsed.error };
    else cents = parsed.cents;
  }
  const dueOn = dateField(errors, "dueOn", input.dueOn, true);
  return ok(errors, { year, cents, dueOn: dueOn ?? "" });
}

// --- a meeting -------------------------------------------------------------------------------

export type MeetingField =
  | "host"
  | "title"
  | "startsOn"
  | "endsOn"
  | "place"
  | "online"
  | "agenda"
  | "registrationDeadline";
export interface MeetingInput {
  /** `network:3` or `partner:12`, decoded by the listener. */
  host?: { kind: "network" | "partner"; id: number };
  title?: string;
  startsOn?: string;
  endsOn?: string;
  place?: string;
  online?: boolean;
  agenda?: string;
  registrationDeadline?: string;
}
export interface MeetingDraft {
  networkId: number | null;
  partnerId: number | null;
  title: string;
  startsOn: string;
  endsOn: string | null;
  place: string | null;
  online: boolean;
  agenda: string | null;
  registrationDeadline: string | null;
}

/** A meeting: whose, when (its end not before its start), where or online, the deadline to register. */
export function validateMeeting(input: MeetingInput): Result<MeetingDraft, MeetingField> {
  const errors: Errors<MeetingField> = {};
  if (!input.host) errors.host = { code: "hostRequired" };
  const title = textField(errors, "title", input.title, LIMITS.name, true);
  const startsOn = dateField(errors, "startsOn", input.startsOn, true);
  const endsOn = dateField(errors, "endsOn", input.endsOn);
  if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = { code: "endBeforeStart" };
  const place = textField(errors, "place", input.place, LIMITS.place);
  const online = input.online ?? false;
  if (!place && !online && !errors.place) errors.place = { code: "placeOrOnline" };
  const agenda = textField(errors, "agenda", input.agenda, LIMITS.agenda);
  const deadline = dateField(errors, "registrationDeadline", input.registrationDeadline);
  if (deadline && startsOn && deadline > startsOn) errors.registrationDeadline = { code: "deadlineAfterStart" };
  return ok(errors, {
    networkId: input.host?.kind === "network" ? input.host.id : null,
    partnerId: input.host?.kind === "partner" ? input.host.id : null,
    title: title ?? "",
    startsOn: startsOn ?? "",
    endsOn: endsOn ?? null,
    place: place ?? null,
    online,
    agenda: agenda ?? null,
    registrationDeadline: deadline ?? null,
  });
}

// --- the managers' decision --------------------------------------------------------------------

export type DecisionField = "decision" | "attendees" | "reason";
export type DecisionDraft =
  | { decision: "attend"; attendees: string[]; reason: string | null }
  | { decision: "decline"; attendees: []; reason: string };

/** Attend, with whom (someone); or not, with why. */
export function validateDecision(input: {
  decision?: string;
  attendees?: string[];
  reason?: string;
}): Result<DecisionDraft, DecisionField> {
  const errors: Errors<DecisionField> = {};
  const reason = textField(errors, "reason", input.reason, LIMITS.reason);
  const attendees = [...new Set(input.attendees ?? [])].slice(0, 20);
  if (input.decision === "attend") {
    if (attendees.length === 0) errors.attendees = { code: "attendeesRequired" };
    return ok(errors, { decision: "attend", attendees, reason: reason ?? null });
  }
  if (input.decision === "decline") {
    if (!reason && !errors.reason) errors.reason = { code: "required" };
    return ok(errors, { decision: "decline", attendees: [], reason: reason ?? "" });
  }
  errors.decision = { code: "required" };
  return { ok: false, errors };
}

// --- the delegate's report -----------------------------------------------------------------

export type ReportField = "outcomes" | "contacts" | `followUp${number}` | `owner${number}` | `due${number}`;
export interface ReportInput {
  outcomes?: string;
  /** One a line: «Name, Organisation». */
  contacts?: string;
  followUps: { description?: string; owner?: string; dueOn?: string }[];
}
export interface ContactMade {
  name: string;
  organisation: string | null;
}
export interface ReportDraft {
  outcomes: string;
  contacts: ContactMade[];
  followUps: { description: string; owner: string; dueOn: string }[];
}

/** Each line a person: «Μαρία Ρόσι, Comune di Faenza» → the name and the organisation. */
export function parseContactsMade(text: string | undefined): ContactMade[] {
  return (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, MAX_CONTACTS)
    .map((line) => {
      const [name = "", ...rest] = line.split(/\s*[,;–—]\s*|\s+-\s+/);
      const organisation = rest.join(", ").trim();
      return {
        name: name.trim().slice(0, LIMITS.name),
        organisation: organisation ? organisation.slice(0, LIMITS.name) : null,
      };
    })
    .filter((c) => c.name.length > 0);
}

/**
 * The report: what came of it (required), the contacts made, and each follow-up row that is
 * filled in with its owner and due date (a row with a description needs both, under its field).
 */
export function validateReport(input: ReportInput): Result<ReportDraft, ReportField> {
  const errors: Errors<ReportField> = {};
  const outcomes = textField(errors, "outcomes", input.outcomes, LIMITS.outcomes, true);
  const followUps: ReportDraft["followUps"] = [];
  input.followUps.slice(0, FOLLOW_UP_ROWS).forEach((row, i) => {
    const description = textField(errors, `followUp${i}`, row.description, 500);
    if (!description) return;
    const dueOn = dateField(errors, `due${i}`, row.dueOn);
    if (!row.owner) errors[`owner${i}`] = { code: "ownerRequired" };
    if (!row.dueOn) errors[`due${i}`] = { code: "dueRequired" };
    if (row.owner && dueOn) followUps.push({ description, owner: row.owner, dueOn });
  });
  return ok(errors, { outcomes: outcomes ?? "", contacts: parseContactsMade(input.contacts), followUps });
}

// --- who may -------------------------------------------------------------------------------

export type NetworkRefusal =
  | "staff_only"
  | "managers_only"
  | "already_decided"
  | "not_attending"
  | "not_yet_held"
  | "already_reported"
  | "delegates_only"
  | "owner_or_manager"
  | "already_done"
  | "letter_unknown"
  | "letter_outgoing";

export interface Actor {
  staff: boolean;
  manager: boolean;
}

/** The managers decide, once. */
export function checkDecision(m: { decision: string | null }, actor: Actor): NetworkRefusal | undefined {
  if (!actor.manager) return "managers_only";
  if (m.decision) return "already_decided";
  return undefined;
}

/**
 * The report is the attendees' (or a manager's), once the meeting has begun, and once: a meeting
 * not attended has none.
 */
export function checkReport(
  m: { decision: string | null; attendees: string[]; startsOn: string; reportedAt: Date | null },
  who: string,
  actor: Actor,
  today: string,
): NetworkRefusal | undefined {
  if (!actor.staff) return "staff_only";
  if (m.decision !== "attend") return "not_attending";
  if (m.reportedAt) return "already_reported";
  if (!actor.manager && !m.attendees.includes(who)) return "delegates_only";
  if (m.startsOn > today) return "not_yet_held";
  return undefined;
}

// --- days ----------------------------------------------------------------------------------

/** The working calendar as the rules need it (the office's, or the pure functions with facts). */
export interface WorkingDays {
  isWorkingDay(date: string): boolean | Promise<boolean>;
  previousWorkingDay(date: string): string | Promise<string>;
  nextWorkingDay(date: string): string | Promise<string>;
}

/** The meeting's last day. */
export const lastDayOf = (m: { startsOn: string; endsOn: string | null }) => m.endsOn ?? m.startsOn;

/** The report is asked for two working days after the meeting's last day. */
export async function reportPromptDay(lastDay: string, calendar: WorkingDays): Promise<string> {
  return calendar.nextWorkingDay(await calendar.nextWorkingDay(lastDay));
}

/**
 * A follow-up action's reminders, as the agreements' obligations are: two working days before the
 * due date and on the day (a due date on a weekend or holiday: the working day before it).
 */
export async function followUpReminderDays(
  due: string,
  calendar: Pick<WorkingDays, "isWorkingDay" | "previousWorkingDay">,
): Promise<{ before: string; onDay: string }> {
  const onDay = (await calendar.isWorkingDay(due)) ? due : await calendar.previousWorkingDay(due);
  const before = await calendar.previousWorkingDay(await calendar.previousWorkingDay(due));
  return { before, onDay };
}

// --- a meeting from an invitation of the correspondence register --------------------------------

/** A letter of the register, as the networks are told of it (LettersForNetworks). */
export interface LetterForMeeting {
  id: number;
  /** Its protocol number, `2026/0012`. */
  protocol: string;
  direction: "incoming" | "outgoing";
  subject: string;
  counterpart: string;
  contactId: number | null;
  /** The answer's deadline (an invitation's: the day to register by), YYYY-MM-DD. */
  dueOn: string | null;
}

/** Only what came in can be an invitation to a meeting. */
export function checkLetterForMeeting(letter: Pick<LetterForMeeting, "direction">): NetworkRefusal | undefined {
  return letter.direction === "incoming" ? undefined : "letter_outgoing";
}

export interface HostChoices {
  networks: { id: number; name: string; nameLatin?: string | null }[];
  partners: {
    id: number;
    nameEl: string;
    nameLatin?: string | null;
    contactId?: number | null;
    contacts?: { contactId: number }[];
  }[];
}

const skeletonHolds = (whole: string, name: string | null | undefined) => {
  const part = name ? greeklishSkeleton(name) : "";
  return part.length >= 4 && whole.includes(part);
};

/**
 * The host a meeting made of `letter` is offered with, when the letter is linked to one: the
 * partner whose organisation or people are the letter's contact; else the one partner or network
 * the counterpart is named like (the partner's timeline's rule: the name's skeleton inside the
 * counterpart's, four letters at least). Two candidates, or none: nothing is chosen for the person.
 */
export function hostOfLetter(
  letter: Pick<LetterForMeeting, "contactId" | "counterpart">,
  hosts: HostChoices,
): { kind: "network" | "partner"; id: number } | undefined {
  const byContact =
    letter.contactId === null
      ? []
      : hosts.partners.filter(
          (p) => p.contactId === letter.contactId || (p.contacts ?? []).some((c) => c.contactId === letter.contactId),
        );
  if (byContact.length === 1 && byContact[0]) return { kind: "partner", id: byContact[0].id };
  if (byContact.length > 1) return undefined;
  const whole = greeklishSkeleton(letter.counterpart);
  const named = [
    ...hosts.partners
      .filter((p) => skeletonHolds(whole, p.nameEl) || skeletonHolds(whole, p.nameLatin))
      .map((p) => ({ kind: "partner" as const, id: p.id })),
    ...hosts.networks
      .filter((n) => skeletonHolds(whole, n.name) || skeletonHolds(whole, n.nameLatin))
      .map((n) => ({ kind: "network" as const, id: n.id })),
  ];
  return named.length === 1 ? named[0] : undefined;
}

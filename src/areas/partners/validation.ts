// The forms' answers checked: a partner, an agreement, a step's particulars, an obligation, and
// what settles a due date. Pure; each error is a code the views say under its field.
import { cleanText, dateField, linkField, textField } from "../../lib/form-fields.js";
import { AGREEMENT_KINDS, type AgreementKind, normaliseAda, RENEWALS, type Renewal } from "./agreement-flow.js";
import { parseCountry, parseLanguage } from "./countries.js";
import { RECURRENCES, type Recurrence } from "./obligation-rules.js";

export const PARTNER_KINDS = [
  "twinned_city",
  "friendship_city",
  "candidate_city",
  "university",
  "institute",
  "embassy",
  "local_authorities",
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_STATUSES = ["active", "dormant", "ended"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export type FormError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "country" }
  | { code: "language"; word: string }
  | { code: "date" }
  | { code: "future" }
  | { code: "link" }
  | { code: "ada" }
  | { code: "years" }
  | { code: "notAfter" };

export type Errors<F extends string> = Partial<Record<F, FormError>>;
type Result<D, F extends string> = { ok: true; draft: D } | { ok: false; errors: Errors<F> };

export const LIMITS = { name: 200, notes: 2000, title: 300, field: 100, place: 200, decision: 50, note: 1000 };

const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | undefined =>
  v !== undefined && (values as readonly string[]).includes(v) ? (v as T) : undefined;

// ---------------------------------------------------------------------------------------------

export type PartnerField = "kind" | "nameEl" | "nameLatin" | "country" | "languages" | "since" | "notes";
export interface PartnerInput {
  kind?: string;
  nameEl?: string;
  nameLatin?: string;
  country?: string;
  languages?: string;
  since?: string;
  notes?: string;
}
export interface PartnerDraft {
  kind: PartnerKind;
  nameEl: string;
  nameLatin: string | null;
  country: string;
  languages: string[];
  since: string | null;
  notes: string | null;
}

export function validatePartner(input: PartnerInput, today: string): Result<PartnerDraft, PartnerField> {
  const errors: Errors<PartnerField> = {};
  const kind = oneOf(PARTNER_KINDS, input.kind);
  if (!kind) errors.kind = { code: "required" };
  const nameEl = textField(errors, "nameEl", input.nameEl, LIMITS.name, true);
  const nameLatin = textField(errors, "nameLatin", input.nameLatin, LIMITS.name);
  const countryText = cleanText(input.country);
  const country = parseCountry(countryText);
  if (!countryText) errors.country = { code: "required" };
  else if (!country) errors.country = { code: "country" };
  const languages: string[] = [];
  for (const word of (input.languages ?? "")
    .split(/[,;/\n]+/)
    .map((w) => w.trim())
    .filter(Boolean)) {
    const code = parseLanguage(word);
    if (!code) {
      errors.languages = { code: "language", word: word.slice(0, 40) };
      break;
    }
    if (!languages.includes(code)) languages.push(code);
  }
  const since = dateField(errors, "since", input.since);
  if (since && !errors.since && since > today) errors.since = { code: "future" };
  const notes = textField(errors, "notes", input.notes, LIMITS.notes);
  if (Object.keys(errors).length > 0 || !kind || !nameEl || !country) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      kind,
      nameEl,
      nameLatin: nameLatin ?? null,
      country,
      languages,
      since: since ?? null,
      notes: notes ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------

export type AgreementField =
  | "kind"
  | "title"
  | "parties"
  | "fields"
  | "documentUrl"
  | "durationYears"
  | "expiresOn"
  | "renewal"
  | "notes";
export interface AgreementInput {
  kind?: string;
  title?: string;
  partyIds: number[];
  fields?: string;
  documentUrl?: string;
  durationYears?: string;
  expiresOn?: string;
  renewal?: string;
  notes?: string;
}
export interface AgreementDraft {
  kind: AgreementKind;
  title: string;
  partyIds: number[];
  fields: string[];
  documentUrl: string | null;
  durationYears: number | null;
  expiresOn: string | null;
  renewal: Renewal;
  notes: string | null;
}

export function validateAgreement(input: AgreementInput): Result<AgreementDraft, AgreementField> {
  const errors: Errors<AgreementField> = {};
  const kind = oneOf(AGREEMENT_KINDS, input.kind);
  if (!kind) errors.kind = { code: "required" };
  const title = textField(errors, "title", input.title, LIMITS.title, true);
  const partyIds = [...new Set(input.partyIds)];
  if (partyIds.length === 0) errors.parties = { code: "required" };
  const fields = (input.fields ?? "")
    .split(/\n|,/)
    .map((f) => f.replace(/^[•*-]\s*/, "").trim())
    .filter(Boolean);
  if (fields.some((f) => f.length > LIMITS.field)) errors.fields = { code: "tooLong", max: LIMITS.field };
  const documentUrl = linkField(errors, "documentUrl", input.documentUrl);
  let durationYears: number | null = null;
  const years = cleanText(input.durationYears);
  if (years) {
    durationYears = /^\d{1,2}$/.test(years) ? Number(years) : Number.NaN;
    if (!(durationYears >= 1 && durationYears <= 99)) errors.durationYears = { code: "years" };
  }
  const expiresOn = dateField(errors, "expiresOn", input.expiresOn);
  const renewal = oneOf(RENEWALS, input.renewal) ?? "by_decision";
  const notes = textField(errors, "notes", input.notes, LIMITS.notes);
  if (Object.keys(errors).length > 0 || !kind || !title) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      kind,
      title,
      partyIds,
      fields: fields.slice(0, 20),
      documentUrl: documentUrl ?? null,
      durationYears,
      expiresOn: expiresOn ?? null,
      renewal,
      notes: notes ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------

export type StepField =
  | "decisionNumber"
  | "decisionDate"
  | "ada"
  | "signedOn"
  | "signedPlace"
  | "documentUrl"
  | "expiresOn"
  | "reason";
export interface StepInput {
  decisionNumber?: string;
  decisionDate?: string;
  ada?: string;
  signedOn?: string;
  signedPlace?: string;
  documentUrl?: string;
  expiresOn?: string;
  reason?: string;
}
export interface StepDetails {
  decisionNumber?: string;
  decisionDate?: string;
  ada?: string;
  signedOn?: string;
  signedPlace?: string;
  documentUrl?: string;
  expiresOn?: string;
  reason?: string;
}

/** A step's particulars, as `needs` asks for them (see STEP_RULES). */
export function validateStep(
  needs: readonly ("decision" | "signing" | "expiry" | "reason")[],
  input: StepInput,
  today: string,
): Result<StepDetails, StepField> {
  const errors: Errors<StepField> = {};
  const d: StepDetails = {};
  if (needs.includes("decision")) {
    d.decisionNumber = textField(errors, "decisionNumber", input.decisionNumber, LIMITS.decision, true);
    d.decisionDate = dateField(errors, "decisionDate", input.decisionDate, true);
    if (d.decisionDate && !errors.decisionDate && d.decisionDate > today) errors.decisionDate = { code: "future" };
    const ada = cleanText(input.ada);
    if (!ada) errors.ada = { code: "required" };
    else {
      d.ada = normaliseAda(ada);
      if (!d.ada) errors.ada = { code: "ada" };
    }
  }
  if (needs.includes("signing")) {
    d.signedOn = dateField(errors, "signedOn", input.signedOn, true);
    if (d.signedOn && !errors.signedOn && d.signedOn > today) errors.signedOn = { code: "future" };
    d.signedPlace = textField(errors, "signedPlace", input.signedPlace, LIMITS.place, true);
    d.documentUrl = linkField(errors, "documentUrl", input.documentUrl);
  }
  if (needs.includes("expiry")) {
    d.expiresOn = dateField(errors, "expiresOn", input.expiresOn, true);
    if (d.expiresOn && !errors.expiresOn && d.expiresOn <= today) errors.expiresOn = { code: "notAfter" };
  }
  if (needs.includes("reason")) d.reason = textField(errors, "reason", input.reason, LIMITS.note, true);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  for (const k of Object.keys(d) as (keyof StepDetails)[]) if (d[k] === undefined) delete d[k];
  return { ok: true, draft: d };
}

// ---------------------------------------------------------------------------------------------

export type ObligationField = "description" | "owner" | "recurrence" | "firstDueOn";
export interface ObligationInput {
  description?: string;
  owner?: string;
  recurrence?: string;
  firstDueOn?: string;
}
export interface ObligationDraft {
  description: string;
  owner: string;
  recurrence: Recurrence;
  firstDueOn: string;
}

export function validateObligation(input: ObligationInput): Result<ObligationDraft, ObligationField> {
  const errors: Errors<ObligationField> = {};
  const description = textField(errors, "description", input.description, LIMITS.title, true);
  const owner = cleanText(input.owner);
  if (!owner || !/^[UW][A-Z0-9]{2,20}$/.test(owner)) errors.owner = { code: "required" };
  const recurrence = oneOf(RECURRENCES, input.recurrence) ?? "once";
  const firstDueOn = dateField(errors, "firstDueOn", input.firstDueOn, true);
  if (Object.keys(errors).length > 0 || !description || !owner || !firstDueOn) return { ok: false, errors };
  return { ok: true, draft: { description, owner, recurrence, firstDueOn } };
}

/**
 * What fulfilled a due date, as typed: `event 12` (as `/event 12`) or `letter 2026/0034` (its
 * protocol number); kept as `event:12` or `letter:2026/0034`. Empty: null; anything else: undefined.
 */
export function parseFulfilmentLink(text: string | undefined): string | null | undefined {
  const value = cleanText(text);
  if (!value) return null;
  const event = /^(?:event|εκδήλωση|εκδηλωση)\s*#?\s*(\d{1,9})$/iu.exec(value);
  if (event) return `event:${Number(event[1])}`;
  const letter = /^(?:letter|επιστολή|επιστολη)\s*(\d{4})\/(\d{1,5})$/iu.exec(value);
  if (letter) return `letter:${letter[1]}/${String(Number(letter[2])).padStart(4, "0")}`;
  return undefined;
}

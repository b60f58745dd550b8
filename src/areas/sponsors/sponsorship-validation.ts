// The rules a sponsorship meets. Pure: no database, no Slack.
import { isRealIsoDate } from "../../lib/clock.js";
import { type MoneyError, parseEuros } from "../../lib/money.js";
import { parseWebUrl } from "../clippings/url.js";

export const CONTRIBUTION_TYPES = ["money", "goods", "services", "media"] as const;
export type ContributionType = (typeof CONTRIBUTION_TYPES)[number];
export const SPONSOR_LIMITS = {
  organisation: 200,
  contactPerson: 200,
  pledgedDescription: 500,
  eventName: 200,
  notes: 2000,
  documents: 3000,
} as const;

export interface SponsorshipInput {
  organisation?: string;
  contactPerson?: string;
  contributionType?: string;
  pledgedAmount?: string;
  pledgedDescription?: string;
  eventName?: string;
  eventDate?: string;
  notes?: string;
  documents?: string;
  /** The agreed benefits, one a line. */
  benefits?: string;
}

export type SponsorField = keyof SponsorshipInput;
export type SponsorError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "amount"; error: MoneyError }
  | { code: "amountOrDescription" }
  | { code: "dateInvalid" }
  | { code: "documentNotLink"; line: number }
  | { code: "benefitTooLong"; line: number };

export interface SponsorshipDraft {
  organisation: string;
  contactPerson: string | null;
  contributionType: ContributionType;
  pledgedCents: bigint | null;
  pledgedDescription: string | null;
  eventName: string;
  eventDate: string | null;
  notes: string | null;
  documents: string | null;
  benefits: string[];
  /** The event in the office's calendar (set by the form, not validated text). */
  eventId?: number | null;
}

const clean = (s?: string) => (s ?? "").replace(/\s+/g, " ").trim();

export function validateSponsorship(
  input: SponsorshipInput,
): { ok: true; draft: SponsorshipDraft } | { ok: false; errors: Partial<Record<SponsorField, SponsorError>> } {
  const errors: Partial<Record<SponsorField, SponsorError>> = {};
  const text = (field: keyof typeof SPONSOR_LIMITS, required: boolean, multiline = false) => {
    const v = multiline ? (input[field] ?? "").trim() : clean(input[field]);
    if (!v && required) errors[field] = { code: "required" };
    else if (v.length > SPONSOR_LIMITS[field]) errors[field] = { code: "tooLong", max: SPONSOR_LIMITS[field] };
    return v || null;
  };
  const organisation = text("organisation", true);
  const contactPerson = text("contactPerson", false);
  const contributionType = CONTRIBUTION_TYPES.find((c) => c === input.contributionType);
  if (!contributionType) errors.contributionType = { code: "required" };
  let pledgedCents: bigint | null = null;
  const amountText = clean(input.pledgedAmount);
  if (amountText) {
    const parsed = parseEuros(amountText);
    if ("error" in parsed) errors.pledgedAmount = { code: "amount", error: parsed.error };
    else pledgedCents = parsed.cents;
  }
  const pledgedDescription = text("pledgedDescription", false);
  // Money is pledged as an amount; goods, services and media as an amount (their value) or in words.
  if (!errors.pledgedAmount && pledgedCents === null && (contributionType === "money" || !pledgedDescription))
    errors.pledgedAmount = { code: "amountOrDescription" };
  const eventName = text("eventName", true);
  const eventDate = clean(input.eventDate) || null;
  if (eventDate && !isRealIsoDate(eventDate)) errors.eventDate = { code: "dateInvalid" };
  const notes = text("notes", false, true);
  const documents = text("documents", false, true);
  if (documents && !errors.documents) {
    const lines = documents
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const bad = lines.findIndex((l) => !parseWebUrl(l));
    if (bad >= 0) errors.documents = { code: "documentNotLink", line: bad + 1 };
  }
  const benefits = (input.benefits ?? "")
    .split(/\n+/)
    .map((b) => b.replace(/^[-•·*\s]+/, "").trim())
    .filter(Boolean);
  const longBenefit = benefits.findIndex((b) => b.length > 200);
  if (longBenefit >= 0) errors.benefits = { code: "benefitTooLong", line: longBenefit + 1 };
  if (Object.keys(errors).length > 0 || !organisation || !contributionType || !eventName) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      organisation,
      contactPerson,
      contributionType,
      pledgedCents,
      pledgedDescription,
      eventName,
      eventDate,
      notes,
      documents,
      benefits: benefits.slice(0, 20),
    },
  };
}

// The sponsors registry's use cases: entering a sponsorship once, its steps (each recorded; the
// approval by a manager who did not ask for it), the amount received, the benefits promised, and
// what reports, reminders and the digest need. Each use case that needs a right takes the actor
// (a Slack user id) and checks it here; a refusal is a value, never an exception.

import { parsePeriod } from "../../calendar/period.js";
import { isUniqueViolation } from "../../db/errors.js";
import { type Clock, localDate } from "../../lib/clock.js";
import { decimalToCents } from "../../lib/money.js";
import type { Role } from "../users/roles.js";
import {
  approversFor,
  BENEFITS_OWED,
  checkSponsorStep,
  mayEditBenefits,
  SPONSOR_STEPS,
  type SponsorRefusal,
  type SponsorshipAction,
  THANKS_OWED,
} from "./sponsorship-flow.js";
import {
  type SponsorError,
  type SponsorField,
  type SponsorshipDraft,
  type SponsorshipInput,
  validateSponsorship,
} from "./sponsorship-validation.js";
import type { SponsorBenefitWithSponsorship, SponsorshipWithBenefits, SponsorsStore } from "./store.js";

/** What the sponsors need of the roles: who holds one, and who the managers are. */
export interface RolesForSponsors {
  hasRole(slackUserId: string, role: Role): Promise<boolean>;
  holdersOf(role: Role): Promise<string[]>;
}

/** What the sponsors need of the contacts' greetings: the thank-you letter, asked for and recorded. */
export interface GreetingsForSponsors {
  requestThankYou(options: { contactId: number; occasion: string; reason: string }): Promise<unknown>;
  record(options: {
    contactId: number;
    kind: "thank_you";
    occasion: string;
    outcome: "sent";
    by: string;
  }): Promise<unknown>;
}

/** An event of the office's calendar, as a sponsorship is tied to it. */
export interface SponsorEvent {
  id: number;
  title: string;
  startsAt: Date;
}

/** What the sponsors need of the events: one event, and the coming ones. */
export interface EventsForSponsors {
  get(id: number): Promise<SponsorEvent | null>;
  between(from: Date, to: Date): Promise<SponsorEvent[]>;
}

export type SponsorStepOutcome =
  | {
      status: "done";
      sponsorship: SponsorshipWithBenefits;
      changeId: number;
      /** After `ask_approval`: the managers to ask (never the asker). */
      approvers: string[];
    }
  | { status: "refused"; reason: SponsorRefusal; sponsorship?: SponsorshipWithBenefits }
  | { status: "not_found" };

export type RegisterOutcome =
  | { status: "created" | "already_stored"; sponsorship: SponsorshipWithBenefits }
  | { status: "invalid"; errors: Partial<Record<SponsorField, SponsorError>> }
  | { status: "refused"; reason: "staff_only" };

export type BenefitsOutcome =
  | { status: "saved"; sponsorship: SponsorshipWithBenefits; settled: number; added: boolean }
  | { status: "refused"; reason: SponsorRefusal; sponsorship?: SponsorshipWithBenefits }
  | { status: "not_found" };

/** What the sponsors need of the contact archive: the sponsor's contact, found or entered. */
export interface ContactsForSponsors {
  organisationContact(options: {
    organisation: string;
    categorySlug: string;
    source: string;
    actor: string;
    auditDetail: string;
  }): Promise<{ id: number }>;
}

export interface SponsorsServiceDeps {
  store: SponsorsStore;
  contacts: ContactsForSponsors;
  roles: RolesForSponsors;
  greetings: GreetingsForSponsors;
  events: EventsForSponsors;
  clock: Clock;
  timeZone: string;
}

/** How far ahead the form offers the calendar's events. */
const EVENTS_AHEAD_MS = 400 * 86_400_000;
const SEARCH_LIMIT = 10;

const occasionOf = (s: { id: number }) => `sponsorship:${s.id}`;
// The letter's reason is the event: the sponsor is already the contact it is asked of.
const reasonOf = (s: { eventName: string }) => s.eventName;

export function createSponsorsService(deps: SponsorsServiceDeps) {
  const { store, roles, greetings, events, contacts, clock } = deps;
  const isStaff = (actor: string) => roles.hasRole(actor, "staff");

  async function create(options: {
    actor: string;
    draft: SponsorshipDraft;
    submissionKey: string;
  }): Promise<Exclude<RegisterOutcome, { status: "invalid" }>> {
    const { actor, draft, submissionKey } = options;
    if (!(await isStaff(actor))) return { status: "refused", reason: "staff_only" };
    const earlier = await store.findBySubmissionKey(submissionKey);
    if (earlier) return { status: "already_stored", sponsorship: earlier };
    let sponsorship: SponsorshipWithBenefits;
    try {
      sponsorship = await store.insertSponsorship({ draft, createdBy: actor, submissionKey, at: clock.now() });
    } catch (error) {
      // Two deliveries of one submission at once: the unique key let one in.
      if (!isUniqueViolation(error)) throw error;
      const raced = await store.findBySubmissionKey(submissionKey);
      if (!raced) throw error;
      return { status: "already_stored", sponsorship: raced };
    }
    // Only the delivery that stored the sponsorship gets here, so the sponsor enters the archive
    // once: found there by its name spelt any way, or entered so that its thank-you letter and next
    // year's greetings have somewhere to go.
    const contact = await contacts.organisationContact({
      organisation: draft.organisation,
      categorySlug: "businesses",
      source: "sponsors registry",
      actor,
      auditDetail: "from a sponsorship",
    });
    return { status: "created", sponsorship: await store.linkContact(sponsorship.id, contact.id) };
  }

  /**
   * The thank-you letter is tracked with the contact's greetings too (`/contact thanks`), once the
   * event has taken place: a sponsorship approved weeks ahead is thanked after its event (the daily
   * reminder asks for it then), not before.
   */
  async function trackThankYou(s: SponsorshipWithBenefits, action: SponsorshipAction, actor: string) {
    if (!s.contactId) return;
    const today = localDate(clock.now(), deps.timeZone);
    const eventHappened = !s.eventDate || s.eventDate.toISOString().slice(0, 10) < today;
    if ((action === "approve" || action === "receive") && eventHappened)
      await greetings.requestThankYou({ contactId: s.contactId, occasion: occasionOf(s), reason: reasonOf(s) });
    if (action === "thank")
      await greetings.record({
        contactId: s.contactId,
        kind: "thank_you",
        occasion: occasionOf(s),
        outcome: "sent",
        by: actor,
      });
  }

  /** Whether the actor may take this step now, without taking it (a form opens only if so). */
  async function checkStep(options: {
    actor: string;
    id: number;
    action: SponsorshipAction;
  }): Promise<
    { status: "allowed"; sponsorship: SponsorshipWithBenefits } | Exclude<SponsorStepOutcome, { status: "done" }>
  > {
    const { actor, id, action } = options;
    const current = await store.findById(id);
    if (!current) return { status: "not_found" };
    if (!(await isStaff(actor))) return { status: "refused", reason: "staff_only", sponsorship: current };
    const manager = await roles.hasRole(actor, "manager");
    const refusal = checkSponsorStep(action, current, { userId: actor, manager });
    if (refusal) return { status: "refused", reason: refusal, sponsorship: current };
    return { status: "allowed", sponsorship: current };
  }

  /** Whether the actor may change the sponsorship's benefits (the form opens only if so). */
  async function checkBenefits(options: {
    actor: string;
    id: number;
  }): Promise<
    | { status: "allowed"; sponsorship: SponsorshipWithBenefits }
    | { status: "refused"; reason: SponsorRefusal; sponsorship: SponsorshipWithBenefits }
    | { status: "not_found" }
  > {
    const sponsorship = await store.findById(options.id);
    if (!sponsorship) return { status: "not_found" };
    if (!(await isStaff(options.actor))) return { status: "refused", reason: "staff_only", sponsorship };
    if (!mayEditBenefits(sponsorship.status)) return { status: "refused", reason: "not_allowed_now", sponsorship };
    return { status: "allowed", sponsorship };
  }

  return {
    get: (id: number) => store.findById(id),
    history: (id: number) => store.history(id),
    /** A GDPR erasure's step here (the contacts area's PersonalDataHolder): see the store. */
    eraseContact: store.eraseContact,

    create,

    /** The form's answers: validated, the calendar's event lending its title and day, then stored once. */
    async register(options: {
      actor: string;
      input: SponsorshipInput;
      eventId?: number;
      submissionKey: string;
    }): Promise<RegisterOutcome> {
      const { actor, input, submissionKey } = options;
      if (!(await isStaff(actor))) return { status: "refused", reason: "staff_only" };
      const event = options.eventId !== undefined ? await events.get(options.eventId) : null;
      const result = validateSponsorship({
        ...input,
        eventName: input.eventName || event?.title,
        eventDate: input.eventDate ?? (event ? localDate(event.startsAt, deps.timeZone) : undefined),
      });
      if (!result.ok) return { status: "invalid", errors: result.errors };
      return create({ actor, draft: { ...result.draft, eventId: event?.id ?? null }, submissionKey });
    },

    /** The calendar's coming events, for a sponsorship to be tied to. */
    async upcomingEvents(): Promise<SponsorEvent[]> {
      const now = clock.now();
      return events.between(now, new Date(now.getTime() + EVENTS_AHEAD_MS));
    },

    checkStep,

    /**
     * One step, once: refused unless the actor may take it from the status it is in (approval by a
     * manager, never of their own request); the write is conditional on the status it was read in.
     */
    async step(options: {
      actor: string;
      id: number;
      action: SponsorshipAction;
      /** For `receive`: the amount received (the pledged amount when not given). */
      receivedCents?: bigint;
      note?: string;
    }): Promise<SponsorStepOutcome> {
      const { actor, id, action } = options;
      const checked = await checkStep({ actor, id, action });
      if (checked.status !== "allowed") return checked;
      const current = checked.sponsorship;
      const now = clock.now();
      const moved = await store.moveStatus({
        id,
        from: current.status,
        to: SPONSOR_STEPS[action].to,
        action,
        by: actor,
        at: now,
        note: options.note ?? null,
        ...(action === "ask_approval" ? { approvalAskedBy: actor } : {}),
        ...(action === "approve" ? { approvedBy: actor, approvedAt: now } : {}),
        ...(action === "receive"
          ? {
              receivedCents:
                options.receivedCents ??
                (current.pledgedAmount !== null ? decimalToCents(current.pledgedAmount) : null),
            }
          : {}),
      });
      if (!moved.moved) return { status: "refused", reason: "not_allowed_now", sponsorship: moved.sponsorship };
      await trackThankYou(moved.sponsorship, action, actor);
      const approvers = action === "ask_approval" ? approversFor(await roles.holdersOf("manager"), actor) : [];
      return { status: "done", sponsorship: moved.sponsorship, changeId: moved.changeId, approvers };
    },

    checkBenefits,

    /**
     * The benefits form: some of the sponsorship's pending benefits done or waived, perhaps a new one
     * (added once per `submissionKey`, so a Slack retry adds nothing more).
     */
    async updateBenefits(options: {
      actor: string;
      id: number;
      done: number[];
      waived: number[];
      added?: { description: string; owner?: string; dueOn?: string };
      submissionKey: string;
    }): Promise<BenefitsOutcome> {
      const { actor, id } = options;
      const checked = await checkBenefits({ actor, id });
      if (checked.status !== "allowed") return checked;
      const at = clock.now();
      let settled = 0;
      for (const [status, ids] of [
        ["done", options.done],
        ["waived", options.waived],
      ] as const)
        settled += await store.settlePendingBenefits({ sponsorshipId: id, ids, status, by: actor, at });
      const added = options.added
        ? await store.insertBenefitOnce({
            sponsorshipId: id,
            description: options.added.description,
            owner: options.added.owner ?? null,
            dueOn: options.added.dueOn ?? null,
            submissionKey: options.submissionKey,
          })
        : false;
      return { status: "saved", sponsorship: (await store.findById(id)) ?? checked.sponsorship, settled, added };
    },

    async search(text: string): Promise<SponsorshipWithBenefits[]> {
      return store.search(text.split(/\s+/).filter(Boolean).slice(0, 6), SEARCH_LIMIT);
    },

    /** An event's sponsors that have not been thanked (for its follow-up). */
    unthankedOf: (eventId: number) => store.findOfEvent(eventId, THANKS_OWED),

    awaitingApproval: () => store.findInStatus("awaiting_approval"),

    /** Sponsors of events that have taken place and that nobody has thanked yet. */
    thanksOwed: (today: string) => store.findWithEventBefore(today, THANKS_OWED),

    /**
     * The same, each with its thank-you letter asked for in the contact's greetings (asking twice is
     * one request), for the daily reminder.
     */
    async requestThanksOwed(today: string): Promise<SponsorshipWithBenefits[]> {
      const owed = await store.findWithEventBefore(today, THANKS_OWED);
      for (const s of owed)
        if (s.contactId)
          await greetings.requestThankYou({ contactId: s.contactId, occasion: occasionOf(s), reason: reasonOf(s) });
      return owed;
    },

    /** Benefits still to deliver that are due by `until` (or have no date), of live sponsorships. */
    benefitsDue: (until: string): Promise<SponsorBenefitWithSponsorship[]> =>
      store.findPendingBenefitsDueBy(until, BENEFITS_OWED),

    /**
     * A year's sponsorships for its report: the year of the office's calendar (Athens midnights),
     * as the period reports count it, not UTC's.
     */
    forYear: (year: number) => {
      const year_ = parsePeriod(String(year), {
        today: localDate(clock.now(), deps.timeZone),
        timeZone: deps.timeZone,
      });
      if (!year_.ok) throw new RangeError(`not a year: ${year}`);
      return store.findForReport(year_.period);
    },

    /** The period reports' data (see the store's findForReport). */
    forReport: (range: { from: string; to: string; start: Date; end: Date }) => store.findForReport(range),
  };
}

export type SponsorsService = ReturnType<typeof createSponsorsService>;

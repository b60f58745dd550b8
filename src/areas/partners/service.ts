// The partners' use cases: entering a partner once (its organisation's contact found or entered in
// the archive), its edits and status with why, its people, the search in any script, and its
// timeline, gathered from the other areas through the small interfaces they export. Each use case
// that needs a right takes the actor and checks it here; a refusal is a value.
import { isUniqueViolation } from "../../db/errors.js";
import { type Clock, localDate, shiftDate } from "../../lib/clock.js";
import { parseCountry } from "./countries.js";
import type { Partner, PartnersStore } from "./store.js";
import {
  type Errors,
  type PartnerField,
  type PartnerInput,
  type PartnerStatus,
  validatePartner,
} from "./validation.js";

export type { Partner };

/** What the partners need of the roles. */
export interface RolesForPartners {
  hasRole(slackUserId: string, role: "staff" | "manager"): Promise<boolean>;
  holdersOf(role: "manager"): Promise<string[]>;
}

/** What the partners need of the contact archive: the organisation's contact, and people by name. */
export interface ContactsForPartners {
  organisationContact(options: {
    organisation: string;
    categorySlug: string;
    source: string;
    actor: string;
    auditDetail: string;
  }): Promise<{ id: number }>;
  soundingLike(name: string): Promise<{ id: number; nameEl: string } | null>;
  get(id: number): Promise<{ id: number; nameEl: string; title: string | null } | null>;
}

/** The correspondence register, as the timeline asks it. */
export interface LettersForPartners {
  lettersWith(o: { names: string[]; contactIds: number[] }): Promise<
    {
      id: number;
      registerYear: number;
      registerSeq: number;
      direction: "incoming" | "outgoing";
      letterDate: Date;
      subject: string;
      translationRequestId: number | null;
    }[]
  >;
}

/** The translations, as the timeline asks them. */
export interface TranslationsForPartners {
  translationsAbout(o: {
    names: string[];
    ids: number[];
  }): Promise<{ id: number; title: string; sourceLang: string; targetLang: string; status: string; createdAt: Date }[]>;
}

/**
 * The events, as the timeline asks them: those it took part in (chosen as their partner, or naming
 * it), and the gifts given.
 */
export interface EventsForPartners {
  eventsWith(o: { names: string[]; partnerId: number }): Promise<{
    events: { id: number; title: string; startsAt: Date; status: string }[];
    gifts: { id: number; eventId: number; what: string; forWhom: string; addedAt: Date }[];
  }>;
}

/** The agreements, as the timeline asks them (this area's own agreement service). */
export interface AgreementsForTimeline {
  timelineOf(partnerId: number): Promise<TimelineItem[]>;
}

export type TimelineKind =
  | "agreement_step"
  | "obligation_done"
  | "obligation_waived"
  | "obligation_due"
  | "letter_in"
  | "letter_out"
  | "translation"
  | "event"
  | "gift";

/** One thing that happened with a partner (or is due), for its card. */
export interface TimelineItem {
  /** YYYY-MM-DD. */
  date: string;
  kind: TimelineKind;
  /** `#12`, `2026/0034`: what to type to find it. */
  ref: string;
  title: string;
  /** A step's or a status's code, rendered by the view. */
  code?: string;
  /** Free detail (an obligation's note, a gift's recipient). */
  detail?: string;
}

export type PartnerRefusal = "staff_only" | "not_allowed_now";

export type PartnerSaveOutcome =
  | { status: "created" | "already_stored" | "saved"; partner: Partner; unknownPeople: string[] }
  | { status: "invalid"; errors: Errors<PartnerField | "people"> }
  | { status: "refused"; reason: PartnerRefusal }
  | { status: "not_found" };

/** A partner with nothing in its timeline for this long is flagged dormant in the digest. */
export const DORMANT_AFTER_DAYS = 365;
const SEARCH_LIMIT = 10;

const CONTACT_CATEGORY: Record<string, string> = {
  twinned_city: "twin_cities",
  friendship_city: "twin_cities",
  candidate_city: "twin_cities",
  embassy: "embassies",
  local_authorities: "local_government",
  university: "associations",
  institute: "associations",
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

export interface PartnersServiceDeps {
  store: PartnersStore;
  roles: RolesForPartners;
  contacts: ContactsForPartners;
  letters: LettersForPartners;
  translations: TranslationsForPartners;
  events: EventsForPartners;
  clock: Clock;
  timeZone: string;
}

export function createPartnersService(deps: PartnersServiceDeps) {
  const { store, roles, contacts, clock } = deps;
  const isStaff = (actor: string) => roles.hasRole(actor, "staff");
  const today = () => localDate(clock.now(), deps.timeZone);
  let agreements: AgreementsForTimeline | undefined;

  /** Each line of `people` found in the archive (any spelling), or named back as unknown. */
  async function findPeople(people: string | undefined) {
    const ids: number[] = [];
    const unknown: string[] = [];
    for (const name of (people ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 20)) {
      const found = await contacts.soundingLike(name);
      if (found) ids.push(found.id);
      else unknown.push(name.slice(0, 80));
    }
    return { ids, unknown };
  }

  /** Every name the partner goes by, for the other areas' matching. */
  const namesOf = (p: Partner) => [p.nameEl, ...(p.nameLatin ? [p.nameLatin] : [])];

  async function timeline(p: Partner): Promise<TimelineItem[]> {
    const names = namesOf(p);
    const contactIds = [...(p.contactId ? [p.contactId] : []), ...p.contacts.map((c) => c.contactId)];
    const letters = await deps.letters.lettersWith({ names, contactIds });
    const translations = await deps.translations.translationsAbout({
      names,
      ids: letters.flatMap((l) => (l.translationRequestId ? [l.translationRequestId] : [])),
    });
    const { events, gifts } = await deps.events.eventsWith({ names, partnerId: p.id });
    const items: TimelineItem[] = [
      ...((await agreements?.timelineOf(p.id)) ?? []),
      ...letters.map((l) => ({
        date: iso(l.letterDate),
        kind: (l.direction === "incoming" ? "letter_in" : "letter_out") as TimelineKind,
        ref: `${l.registerYear}/${String(l.registerSeq).padStart(4, "0")}`,
        title: l.subject,
      })),
      ...translations.map((r) => ({
        date: localDate(r.createdAt, deps.timeZone),
        kind: "translation" as const,
        ref: `#${r.id}`,
        title: r.title,
        code: r.status,
        detail: `${r.sourceLang} → ${r.targetLang}`,
      })),
      ...events.map((e) => ({
        date: localDate(e.startsAt, deps.timeZone),
        kind: "event" as const,
        ref: `#${e.id}`,
        title: e.title,
        code: e.status,
      })),
      ...gifts.map((g) => ({
        date: localDate(g.addedAt, deps.timeZone),
        kind: "gift" as const,
        ref: `#${g.eventId}`,
        title: g.what,
        detail: g.forWhom,
      })),
    ];
    return items.sort((a, b) => (a.date === b.date ? a.kind.localeCompare(b.kind) : b.date.localeCompare(a.date)));
  }

  /** The last day something happened with the partner (not what is only due), or null. */
  function lastActivity(items: TimelineItem[], todayIso: string): string | null {
    const past = items.filter((i) => i.kind !== "obligation_due" && i.date <= todayIso).map((i) => i.date);
    return past.length > 0 ? ([...past].sort().at(-1) ?? null) : null;
  }

  return {
    /** The agreement service gives the timeline its agreements (built after this one). */
    useAgreements(a: AgreementsForTimeline) {
      agreements = a;
    },
    today,
    get: store.findPartner,
    changesOf: store.changesOf,
    eraseContact: store.eraseContact,

    /** The form's answers: validated, stored once per submission, its organisation in the archive. */
    async create(o: {
      actor: string;
      input: PartnerInput;
      people?: string;
      submissionKey: string;
    }): Promise<PartnerSaveOutcome> {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      const checked = validatePartner(o.input, today());
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      const earlier = await store.findPartnerBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", partner: earlier, unknownPeople: [] };
      const people = await findPeople(o.people);
      let partner: Partner;
      try {
        partner = await store.insertPartner({
          draft: checked.draft,
          contactId: null,
          createdBy: o.actor,
          submissionKey: o.submissionKey,
          at: clock.now(),
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.findPartnerBySubmissionKey(o.submissionKey);
        if (!raced) throw error;
        return { status: "already_stored", partner: raced, unknownPeople: [] };
      }
      // Only the delivery that stored the partner gets here: the organisation enters the archive once.
      const contact = await contacts.organisationContact({
        organisation: checked.draft.nameEl,
        categorySlug: CONTACT_CATEGORY[checked.draft.kind] ?? "associations",
        source: "partners",
        actor: o.actor,
        auditDetail: "from a partner",
      });
      await store.linkContacts(partner.id, people.ids, o.actor);
      await store.setOwnContact(partner.id, contact.id);
      return {
        status: "created",
        partner: (await store.findPartner(partner.id)) ?? partner,
        unknownPeople: people.unknown,
      };
    },

    /** An edit: once per form, recorded with who and when. */
    async edit(o: {
      actor: string;
      id: number;
      input: PartnerInput;
      people?: string;
      submissionKey: string;
    }): Promise<PartnerSaveOutcome> {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      const current = await store.findPartner(o.id);
      if (!current) return { status: "not_found" };
      const checked = validatePartner(o.input, today());
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      const people = await findPeople(o.people);
      await store.linkContacts(o.id, people.ids, o.actor);
      const partner = await store.updatePartner({
        id: o.id,
        draft: checked.draft,
        by: o.actor,
        at: clock.now(),
        submissionKey: o.submissionKey,
      });
      return { status: "saved", partner, unknownPeople: people.unknown };
    },

    /** Active, dormant or ended, with why (an end needs its reason). */
    async setStatus(o: {
      actor: string;
      id: number;
      to: PartnerStatus;
      reason?: string;
      submissionKey: string;
    }): Promise<
      | { status: "saved"; partner: Partner }
      | { status: "refused"; reason: PartnerRefusal }
      | { status: "not_found" }
      | { status: "reason_required" }
    > {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      const current = await store.findPartner(o.id);
      if (!current) return { status: "not_found" };
      const reason = o.reason?.trim().slice(0, 1000) || null;
      if (o.to !== "active" && !reason) return { status: "reason_required" };
      if (current.status === o.to) return { status: "refused", reason: "not_allowed_now" };
      const moved = await store.setPartnerStatus({
        id: o.id,
        from: current.status,
        to: o.to,
        reason,
        by: o.actor,
        at: clock.now(),
        submissionKey: o.submissionKey,
      });
      const partner = (await store.findPartner(o.id)) ?? current;
      return moved ? { status: "saved", partner } : { status: "refused", reason: "not_allowed_now" };
    },

    /** Names in any script (Greek, Greeklish, Latin); a word that is a country's name finds its partners. */
    async search(text: string): Promise<Partner[]> {
      const words = text.split(/\s+/).filter(Boolean).slice(0, 6);
      const countries = words.flatMap((w) => parseCountry(w) ?? []);
      const terms = words.filter((w) => !parseCountry(w));
      if (terms.length === 0 && countries.length === 0) return [];
      return store.searchPartners(terms, countries, SEARCH_LIMIT);
    },

    /** For the agreement form's parties: every partner that has not ended. */
    choosable: () => store.partnersIn(["active", "dormant"], 100),

    /** The card: the partner, its people (from the archive), its timeline. */
    async card(id: number) {
      const partner = await store.findPartner(id);
      if (!partner) return null;
      const people = (await Promise.all(partner.contacts.slice(0, 15).map((c) => contacts.get(c.contactId)))).flatMap(
        (c) => (c ? [c] : []),
      );
      const items = await timeline(partner);
      return { partner, people, timeline: items, lastActivity: lastActivity(items, today()) };
    },

    timeline,

    /**
     * Active partners with nothing in their timeline for a year (since their entry, when they have
     * nothing at all): the digest flags them as dormant.
     */
    async dormant(todayIso: string): Promise<{ partner: Partner; lastActivity: string | null }[]> {
      const cutoff = shiftDate(todayIso, -DORMANT_AFTER_DAYS);
      const found: { partner: Partner; lastActivity: string | null }[] = [];
      for (const partner of await store.partnersIn(["active"])) {
        const last = lastActivity(await timeline(partner), todayIso);
        const since = last ?? localDate(partner.createdAt, deps.timeZone);
        if (since < cutoff) found.push({ partner, lastActivity: last });
      }
      return found;
    },
  };
}

export type PartnersService = ReturnType<typeof createPartnersService>;

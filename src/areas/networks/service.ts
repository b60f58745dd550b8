// The networks' use cases: a network with its membership (staff), a year's dues and their payment,
// the delegates of each forum or working group; meetings of a network or of a partner (staff), the
// managers' decision on each (once), the delegate's report after it (once: outcomes, contacts made,
// entered into the contact archive, follow-up actions with owners and due dates), each follow-up
// done once; and what the digest, the Home, the reminders and the period reports read. Each use
// case that needs a right takes the actor and checks it here; a refusal is a value.
import { isUniqueViolation } from "../../db/errors.js";
import { type Clock, localDate, shiftDate } from "../../lib/clock.js";
import {
  type Actor,
  checkDecision,
  checkLetterForMeeting,
  checkReport,
  type DecisionField,
  type DuesField,
  type Errors,
  hostOfLetter,
  type LetterForMeeting,
  LIMITS,
  lastDayOf,
  type MeetingField,
  type MeetingInput,
  type NetworkField,
  type NetworkInput,
  type NetworkRefusal,
  type ReportField,
  type ReportInput,
  reportPromptDay,
  validateDecision,
  validateDues,
  validateMeeting,
  validateNetwork,
  validateReport,
  type WorkingDays,
} from "./rules.js";
import type { FollowUpRecord, MeetingRecord, NetworkRecord, NetworksStore } from "./store.js";

export type { FollowUpRecord, MeetingRecord, NetworkRecord };

/** What the networks need of the roles. */
export interface RolesForNetworks {
  hasRole(slackUserId: string, role: "staff" | "manager"): Promise<boolean>;
}

/**
 * What the networks need of the partners area: a partner by its id, and those one may choose (with
 * the contacts that are theirs, when known: a letter from one of them is the partner's).
 */
export interface PartnersForNetworks {
  get(id: number): Promise<{ id: number; nameEl: string; nameLatin: string | null } | null>;
  choosable(): Promise<
    {
      id: number;
      nameEl: string;
      nameLatin: string | null;
      contactId?: number | null;
      contacts?: { contactId: number }[];
    }[]
  >;
}

/** What the networks need of the correspondence register: a letter by its id (a meeting's invitation). */
export interface LettersForNetworks {
  get(id: number): Promise<LetterForMeeting | null>;
}

/** What the networks need of the contact archive: a person found by name, or entered. */
export interface ContactsForNetworks {
  soundingLike(name: string): Promise<{ id: number } | null>;
  create(options: {
    draft: {
      nameEl: string;
      nameLatin: string | null;
      title: string | null;
      organisation: string | null;
      categorySlug: string | null;
      country: string | null;
      language: string | null;
      email: string | null;
      phone: string | null;
      address: string | null;
      vip: boolean;
      nameDayKey: string | null;
      notes: string | null;
      consent: string | null;
      source: string | null;
      optOutGreetings: boolean;
    };
    createdBy: string;
    submissionKey?: string;
  }): Promise<{ contact: { id: number } }>;
}

export type Refused = { status: "refused"; reason: NetworkRefusal };
export type NotFound = { status: "not_found" };

/** A meeting as the views show it: with its host's name (a network's, or a partner's). */
export interface MeetingView {
  meeting: MeetingRecord;
  host: string;
  /** The day its report is (or was) asked for; null when it is not attended. */
  reportDue: string | null;
  /** The invitation of the correspondence register it was made from. */
  letter: { id: number; protocol: string } | null;
}

/** The meeting form opened from an invitation: what it is filled in with. */
export interface MeetingPrefill {
  letter: { id: number; protocol: string };
  title: string;
  registrationDeadline: string | null;
  host?: { kind: "network" | "partner"; id: number };
}

const SEARCH_LIMIT = 10;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const isoOrNull = (d: Date | null) => (d ? iso(d) : null);

export interface NetworksServiceDeps {
  store: NetworksStore;
  roles: RolesForNetworks;
  partners: PartnersForNetworks;
  letters: LettersForNetworks;
  contacts: ContactsForNetworks;
  calendar: WorkingDays;
  clock: Clock;
  timeZone: string;
}

export function createNetworksService(deps: NetworksServiceDeps) {
  const { store, roles, clock } = deps;
  const today = () => localDate(clock.now(), deps.timeZone);
  const actorOf = async (actor: string): Promise<Actor> => ({
    staff: await roles.hasRole(actor, "staff"),
    manager: await roles.hasRole(actor, "manager"),
  });
  const isStaff = (actor: string) => roles.hasRole(actor, "staff");

  async function hostName(m: MeetingRecord): Promise<string> {
    if (m.network) return m.network.name;
    if (m.partnerId) return (await deps.partners.get(m.partnerId))?.nameEl ?? `#${m.partnerId}`;
    return "—";
  }

  async function viewOf(m: MeetingRecord): Promise<MeetingView> {
    const reportDue =
      m.decision === "attend"
        ? await reportPromptDay(lastDayOf({ startsOn: iso(m.startsOn), endsOn: isoOrNull(m.endsOn) }), deps.calendar)
        : null;
    const letter = m.letterId === null ? null : await deps.letters.get(m.letterId);
    return {
      meeting: m,
      host: await hostName(m),
      reportDue,
      letter: letter ? { id: letter.id, protocol: letter.protocol } : null,
    };
  }

  /** The letter a meeting is made of: staff, an incoming entry of the register that exists. */
  async function letterFor(actor: string, letterId: number): Promise<LetterForMeeting | Refused | NotFound> {
    if (!(await isStaff(actor))) return { status: "refused", reason: "staff_only" };
    const letter = await deps.letters.get(letterId);
    if (!letter) return { status: "not_found" };
    const refusal = checkLetterForMeeting(letter);
    return refusal ? { status: "refused", reason: refusal } : letter;
  }

  const meetingFacts = (m: MeetingRecord) => ({
    decision: m.decision,
    attendees: m.attendees,
    startsOn: iso(m.startsOn),
    reportedAt: m.reportedAt,
  });

  /** Reports owed on `todayIso`: attended, unreported, the prompt's day come (the last 180 days). */
  async function reportsOwed(todayIso: string): Promise<MeetingView[]> {
    const owed: MeetingView[] = [];
    for (const m of await store.unreported(shiftDate(todayIso, -180))) {
      const v = await viewOf(m);
      if (v.reportDue && v.reportDue <= todayIso) owed.push(v);
    }
    return owed;
  }

  /** For the meeting form: the networks and the partners a meeting may be of. */
  async function hosts() {
    return { networks: await store.allNetworks(), partners: await deps.partners.choosable() };
  }

  async function meeting(id: number): Promise<MeetingView | null> {
    const m = await store.findMeeting(id);
    return m ? viewOf(m) : null;
  }

  /** Whether the actor may decide on the meeting now (the form opens only if so). */
  async function checkDecide(o: {
    actor: string;
    id: number;
  }): Promise<{ status: "allowed"; meeting: MeetingView } | Refused | NotFound> {
    const m = await store.findMeeting(o.id);
    if (!m) return { status: "not_found" };
    const refusal = checkDecision(m, await actorOf(o.actor));
    return refusal ? { status: "refused", reason: refusal } : { status: "allowed", meeting: await viewOf(m) };
  }

  /** Whether the actor may write the meeting's report now. */
  async function checkReportOf(o: {
    actor: string;
    id: number;
  }): Promise<{ status: "allowed"; meeting: MeetingView } | Refused | NotFound> {
    const m = await store.findMeeting(o.id);
    if (!m) return { status: "not_found" };
    const refusal = checkReport(meetingFacts(m), o.actor, await actorOf(o.actor), today());
    return refusal ? { status: "refused", reason: refusal } : { status: "allowed", meeting: await viewOf(m) };
  }

  return {
    today,
    meeting,
    checkDecide,
    checkReport: checkReportOf,
    getNetwork: store.findNetwork,
    eraseContact: store.eraseContact,

    // --- networks ---------------------------------------------------------------------------

    /** A network with its membership, stored once per submission (staff). */
    async createNetwork(o: {
      actor: string;
      input: NetworkInput;
      submissionKey: string;
    }): Promise<
      | { status: "created" | "already_stored"; network: NetworkRecord }
      | { status: "invalid"; errors: Errors<NetworkField> }
      | Refused
    > {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      const checked = validateNetwork(o.input, today());
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      const earlier = await store.networkBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", network: earlier };
      try {
        return {
          status: "created",
          network: await store.insertNetwork({
            draft: checked.draft,
            createdBy: o.actor,
            submissionKey: o.submissionKey,
            at: clock.now(),
          }),
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.networkBySubmissionKey(o.submissionKey);
        if (!raced) throw error;
        return { status: "already_stored", network: raced };
      }
    },

    /** The membership's particulars changed (staff); the same form again writes the same values. */
    async editNetwork(o: {
      actor: string;
      id: number;
      input: NetworkInput;
    }): Promise<
      | { status: "saved"; network: NetworkRecord }
      | { status: "invalid"; errors: Errors<NetworkField> }
      | Refused
      | NotFound
    > {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      if (!(await store.findNetwork(o.id))) return { status: "not_found" };
      const checked = validateNetwork(o.input, today());
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      return { status: "saved", network: await store.updateNetwork(o.id, checked.draft) };
    },

    async search(text: string): Promise<NetworkRecord[]> {
      const terms = text.split(/\s+/).filter(Boolean).slice(0, 6);
      return terms.length === 0 ? [] : store.searchNetworks(terms, SEARCH_LIMIT);
    },

    all: store.allNetworks,

    /** The card: the network, its dues and delegates, its latest meetings. */
    async card(id: number) {
      const network = await store.findNetwork(id);
      if (!network) return null;
      const meetings = await Promise.all((await store.meetingsOf({ networkId: id })).map(viewOf));
      return { network, meetings, today: today() };
    },

    // --- dues and delegates -------------------------------------------------------------------

    /** A year's dues (staff): once per network and year, and once per submission. */
    async addDues(o: {
      actor: string;
      networkId: number;
      input: Partial<Record<DuesField, string>>;
      submissionKey: string;
    }): Promise<
      | { status: "created" | "already_stored"; year: number }
      | { status: "invalid"; errors: Errors<DuesField> }
      | { status: "year_exists"; year: number }
      | Refused
      | NotFound
    > {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      if (!(await store.findNetwork(o.networkId))) return { status: "not_found" };
      const checked = validateDues(o.input);
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      const earlier = await store.duesBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", year: earlier.year };
      let created: boolean;
      try {
        created = await store.insertDues({
          networkId: o.networkId,
          draft: checked.draft,
          createdBy: o.actor,
          submissionKey: o.submissionKey,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        created = false;
      }
      if (created) return { status: "created", year: checked.draft.year };
      const raced = await store.duesBySubmissionKey(o.submissionKey);
      return raced
        ? { status: "already_stored", year: raced.year }
        : { status: "year_exists", year: checked.draft.year };
    },

    /** Paid (staff), on the day it is recorded, once. */
    async markPaid(o: {
      actor: string;
      duesId: number;
    }): Promise<{ status: "paid" | "already_paid"; year: number; network: string } | Refused | NotFound> {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      const dues = await store.findDues(o.duesId);
      if (!dues) return { status: "not_found" };
      const paid = await store.markPaid({ id: o.duesId, paidOn: today(), by: o.actor });
      return { status: paid ? "paid" : "already_paid", year: dues.year, network: dues.network.name };
    },

    /** Delegates of a forum or working group (staff); one already named is not added twice. */
    async addDelegates(o: {
      actor: string;
      networkId: number;
      forum?: string;
      userIds: string[];
    }): Promise<
      | { status: "added"; added: number; forum: string }
      | { status: "invalid"; errors: Errors<"forum" | "users"> }
      | Refused
      | NotFound
    > {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      if (!(await store.findNetwork(o.networkId))) return { status: "not_found" };
      const forum = o.forum?.trim();
      const errors: Errors<"forum" | "users"> = {};
      if (!forum) errors.forum = { code: "required" };
      else if (forum.length > LIMITS.forum) errors.forum = { code: "tooLong", max: LIMITS.forum };
      if (o.userIds.length === 0) errors.users = { code: "required" };
      if (!forum || Object.keys(errors).length > 0) return { status: "invalid", errors };
      const added = await store.addDelegates(o.networkId, forum, [...new Set(o.userIds)].slice(0, 20), o.actor);
      return { status: "added", added, forum };
    },

    // --- meetings -----------------------------------------------------------------------------

    hosts,

    /**
     * The meeting form from an invitation of the register (staff, an incoming entry): filled in
     * from the letter; or the meeting it already became, which is not made twice.
     */
    async fromLetter(o: {
      actor: string;
      letterId: number;
    }): Promise<
      | { status: "form"; hosts: Awaited<ReturnType<typeof hosts>>; prefill: MeetingPrefill }
      | { status: "exists"; meeting: MeetingView }
      | Refused
      | NotFound
    > {
      const letter = await letterFor(o.actor, o.letterId);
      if ("status" in letter) return letter;
      const made = await store.meetingOfLetter(letter.id);
      if (made) return { status: "exists", meeting: await viewOf(made) };
      const choices = await hosts();
      const host = hostOfLetter(letter, choices);
      return {
        status: "form",
        hosts: choices,
        prefill: {
          letter: { id: letter.id, protocol: letter.protocol },
          title: letter.subject.slice(0, LIMITS.name),
          registrationDeadline: letter.dueOn,
          ...(host ? { host } : {}),
        },
      };
    },

    /** Which of these letters became a meeting: letter id → meeting id. */
    async meetingsOfLetters(letterIds: number[]): Promise<Map<number, number>> {
      if (letterIds.length === 0) return new Map();
      return new Map((await store.meetingIdsOfLetters(letterIds)).map((m) => [m.letterId, m.id]));
    },

    /**
     * A meeting of a network or of a partner (staff), stored once per submission; made of an
     * invitation (`letterId`), once per letter: a second form of the same letter is answered with
     * the meeting it already became.
     */
    async createMeeting(o: {
      actor: string;
      input: MeetingInput;
      submissionKey: string;
      letterId?: number;
    }): Promise<
      | { status: "created" | "already_stored"; meeting: MeetingView }
      | { status: "letter_taken"; meeting: MeetingView }
      | { status: "invalid"; errors: Errors<MeetingField> }
      | Refused
      | NotFound
    > {
      if (!(await isStaff(o.actor))) return { status: "refused", reason: "staff_only" };
      if (o.letterId !== undefined) {
        const letter = await letterFor(o.actor, o.letterId);
        if ("status" in letter) return letter;
      }
      const checked = validateMeeting(o.input);
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      const d = checked.draft;
      const hostExists = d.networkId
        ? (await store.findNetwork(d.networkId)) !== null
        : d.partnerId !== null && (await deps.partners.get(d.partnerId)) !== null;
      if (!hostExists) return { status: "invalid", errors: { host: { code: "hostRequired" } } };
      const earlier = await store.meetingBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", meeting: await viewOf(earlier) };
      const taken = o.letterId === undefined ? null : await store.meetingOfLetter(o.letterId);
      if (taken) return { status: "letter_taken", meeting: await viewOf(taken) };
      try {
        const meeting = await store.insertMeeting({
          draft: d,
          letterId: o.letterId ?? null,
          createdBy: o.actor,
          submissionKey: o.submissionKey,
          at: clock.now(),
        });
        return { status: "created", meeting: await viewOf(meeting) };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.meetingBySubmissionKey(o.submissionKey);
        if (raced) return { status: "already_stored", meeting: await viewOf(raced) };
        // Another form of the same letter got there first.
        const other = o.letterId === undefined ? null : await store.meetingOfLetter(o.letterId);
        if (!other) throw error;
        return { status: "letter_taken", meeting: await viewOf(other) };
      }
    },

    /** The managers' decision: attend (with whom) or not (with why), recorded once. */
    async decide(o: {
      actor: string;
      id: number;
      input: { decision?: string; attendees?: string[]; reason?: string };
    }): Promise<
      | { status: "decided"; meeting: MeetingView }
      | { status: "invalid"; errors: Errors<DecisionField> }
      | Refused
      | NotFound
    > {
      const checked = await checkDecide(o);
      if (checked.status !== "allowed") return checked;
      const valid = validateDecision(o.input);
      if (!valid.ok) return { status: "invalid", errors: valid.errors };
      const done = await store.decide({ id: o.id, draft: valid.draft, by: o.actor, at: clock.now() });
      if (!done) return { status: "refused", reason: "already_decided" };
      return { status: "decided", meeting: (await meeting(o.id)) ?? checked.meeting };
    },

    /**
     * The report, once: its outcomes and follow-up actions in one write; then, by the one delivery
     * that stored it, each contact made found in the archive or entered into it.
     */
    async report(o: {
      actor: string;
      id: number;
      input: ReportInput;
      submissionKey: string;
    }): Promise<
      | { status: "reported"; meeting: MeetingView; contactsEntered: number; contactsFound: number }
      | { status: "invalid"; errors: Errors<ReportField> }
      | Refused
      | NotFound
    > {
      const checked = await checkReportOf(o);
      if (checked.status !== "allowed") return checked;
      const valid = validateReport(o.input);
      if (!valid.ok) return { status: "invalid", errors: valid.errors };
      const done = await store.report({
        id: o.id,
        outcomes: valid.draft.outcomes,
        followUps: valid.draft.followUps,
        by: o.actor,
        at: clock.now(),
      });
      if (!done) return { status: "refused", reason: "already_reported" };
      const ids: number[] = [];
      let entered = 0;
      for (const [i, c] of valid.draft.contacts.entries()) {
        const found = await deps.contacts.soundingLike(c.name);
        if (found) {
          ids.push(found.id);
          continue;
        }
        const made = await deps.contacts.create({
          draft: {
            nameEl: c.name,
            nameLatin: null,
            title: null,
            organisation: c.organisation,
            categorySlug: null,
            country: null,
            language: null,
            email: null,
            phone: null,
            address: null,
            vip: false,
            nameDayKey: null,
            notes: `${checked.meeting.host}: ${checked.meeting.meeting.title}`.slice(0, 500),
            consent: null,
            source: `networks: meeting #${o.id}`,
            optOutGreetings: false,
          },
          createdBy: o.actor,
          submissionKey: `${o.submissionKey}:contact:${i}`,
        });
        ids.push(made.contact.id);
        entered++;
      }
      if (ids.length > 0) await store.setContacts(o.id, [...new Set(ids)]);
      return {
        status: "reported",
        meeting: (await meeting(o.id)) ?? checked.meeting,
        contactsEntered: entered,
        contactsFound: ids.length - entered,
      };
    },

    /** A follow-up action done: by its owner or a manager, once. */
    async followUpDone(o: {
      actor: string;
      id: number;
    }): Promise<{ status: "done" | "already_done"; followUp: FollowUpRecord } | Refused | NotFound> {
      const f = await store.findFollowUp(o.id);
      if (!f) return { status: "not_found" };
      const actor = await actorOf(o.actor);
      if (!actor.staff) return { status: "refused", reason: "staff_only" };
      if (!actor.manager && f.owner !== o.actor) return { status: "refused", reason: "owner_or_manager" };
      const done = await store.followUpDone({ id: o.id, by: o.actor, at: clock.now() });
      return { status: done ? "done" : "already_done", followUp: (await store.findFollowUp(o.id)) ?? f };
    },

    // --- what the digest, the Home, the jobs and the reports read -----------------------------

    /** Meetings this week (today to six days on) and registration deadlines within 7 days. */
    async thisWeek(todayIso: string): Promise<{ meetings: MeetingView[]; deadlines: MeetingView[] }> {
      const all = await Promise.all((await store.meetingsAround(todayIso, shiftDate(todayIso, 7))).map(viewOf));
      const within = (d: Date | null, days: number) =>
        d !== null && iso(d) >= todayIso && iso(d) <= shiftDate(todayIso, days);
      return {
        meetings: all.filter((v) => within(v.meeting.startsOn, 6) && v.meeting.decision !== "decline"),
        deadlines: all.filter((v) => within(v.meeting.registrationDeadline, 7) && v.meeting.decision !== "decline"),
      };
    },

    /** Dues past their due date and not paid. */
    unpaidDues: (todayIso: string) => store.unpaidBefore(todayIso),

    reportsOwed,

    /** The person's own reports owed (the first attendee's, the delegate who reports). */
    async reportsOwedBy(actor: string, todayIso: string): Promise<MeetingView[]> {
      return (await reportsOwed(todayIso)).filter((v) => v.meeting.attendees[0] === actor);
    },

    /** Attended meetings, not yet reported, whose prompt's day is `todayIso` or earlier (the job). */
    promptsDue: reportsOwed,

    /** Open follow-up actions due in [from, to] (the reminders), or a person's (the Home). */
    openFollowUps: store.openFollowUps,

    /** The period reports: the meetings that began in [from, to], with their hosts. */
    async meetingsBetween(from: string, to: string): Promise<MeetingView[]> {
      return Promise.all((await store.meetingsBetween(from, to)).map(viewOf));
    },

    /** The export: every network with its dues, every meeting. */
    async exportData() {
      return {
        networks: await store.allNetworks(),
        meetings: await Promise.all((await store.allMeetings()).map(viewOf)),
      };
    },
  };
}

export type NetworksService = ReturnType<typeof createNetworksService>;

// Q-Cities' use cases: its member cities (partners, through the partners area's small interface),
// its governing bodies' meetings and their minutes (recorded by staff, approved by a manager), each
// member's dues for the year, and the register of good practices, searched as the other registers
// are. Each use case takes the actor and checks the right here; a refusal is a value. Returns data;
// the views render it.
import { isUniqueViolation } from "../../db/errors.js";
import { type Clock, localDate } from "../../lib/clock.js";
import { searchWords } from "../../lib/greeklish.js";
import { decimalToCents } from "../../lib/money.js";
import { phoneticPrefixQuery } from "../../lib/text.js";
import {
  type DuesField,
  type DuesInput,
  type DuesStanding,
  duesStanding,
  type Errors,
  type MeetingField,
  type MeetingInput,
  type MemberField,
  type MemberInput,
  type MemberStatus,
  type MinutesField,
  mayDo,
  minutesApprovable,
  type PracticeField,
  type PracticeInput,
  type Right,
  validateDues,
  validateMeeting,
  validateMember,
  validateMinutes,
  validatePractice,
} from "./rules.js";
import type { Dues, Meeting, Member, Practice, QCitiesStore } from "./store.js";

export type { Dues, Meeting, Member, Practice };

/** A partner as Q-Cities asks for it (the partners area's PartnersLookup). */
export interface PartnerForQCities {
  id: number;
  nameEl: string;
  nameLatin: string | null;
  country: string;
}

/** What Q-Cities needs of the partners area: one by id, the search in any script, the choosable ones. */
export interface PartnersForQCities {
  get(id: number): Promise<PartnerForQCities | null>;
  search(text: string): Promise<PartnerForQCities[]>;
  choosable(): Promise<PartnerForQCities[]>;
}

/** What Q-Cities needs of the roles. */
export interface RolesForQCities {
  hasRole(slackUserId: string, role: "staff" | "manager"): Promise<boolean>;
}

export type Refusal = { status: "refused"; reason: "staff_only" | "managers_only" };
export type Invalid<F extends string> = { status: "invalid"; errors: Errors<F> };

/** A member with its partner's names. */
export interface MemberView {
  member: Member;
  partner: PartnerForQCities | null;
}

/** A practice with its member city. */
export interface PracticeView {
  practice: Practice;
  city: PartnerForQCities | null;
}

/** A year's dues of a member, with its city and where it stands. */
export interface DuesRow {
  dues: Dues;
  cents: bigint;
  city: PartnerForQCities | null;
  standing: DuesStanding;
}

const PAGE = 10;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function createQCitiesService(deps: {
  store: QCitiesStore;
  clock: Clock;
  timeZone: string;
  roles: RolesForQCities;
  partners: PartnersForQCities;
}) {
  const { store, clock, roles, partners } = deps;
  const today = () => localDate(clock.now(), deps.timeZone);

  async function check(actor: string, right: Right): Promise<Refusal | null> {
    const [staff, manager] = await Promise.all([roles.hasRole(actor, "staff"), roles.hasRole(actor, "manager")]);
    if (mayDo(right, { staff, manager })) return null;
    return { status: "refused", reason: right === "approve" ? "managers_only" : "staff_only" };
  }

  /** Partners by id, asked once each. */
  async function partnersOf(ids: number[]): Promise<Map<number, PartnerForQCities>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => partners.get(id)));
    return new Map(found.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  }

  /** Each member's city, by member id. */
  async function citiesOf(memberIds: number[]): Promise<Map<number, PartnerForQCities>> {
    const members = await store.membersByIds([...new Set(memberIds)]);
    const byPartner = await partnersOf(members.map((m) => m.partnerId));
    return new Map(
      members.flatMap((m) => {
        const city = byPartner.get(m.partnerId);
        return city ? [[m.id, city] as const] : [];
      }),
    );
  }

  async function withCities(practices: Practice[]): Promise<PracticeView[]> {
    const cities = await citiesOf(practices.map((p) => p.memberId));
    return practices.map((practice) => ({ practice, city: cities.get(practice.memberId) ?? null }));
  }

  async function duesRows(rows: Dues[], on: string): Promise<DuesRow[]> {
    const cities = await citiesOf(rows.map((d) => d.memberId));
    return rows.map((dues) => ({
      dues,
      cents: decimalToCents(dues.amount),
      city: cities.get(dues.memberId) ?? null,
      standing: duesStanding({ dueOn: iso(dues.dueOn), paidOn: dues.paidOn ? iso(dues.paidOn) : null }, on),
    }));
  }

  return {
    today,

    /** Refused at the click, before a form opens: may the actor do this? */
    may: async (actor: string, right: Right): Promise<Refusal | { status: "ok" }> =>
      (await check(actor, right)) ?? { status: "ok" },

    // Members ------------------------------------------------------------------------------

    /** The member cities, the earliest to join first, each with its partner. */
    async members(actor: string): Promise<{ status: "found"; members: MemberView[] } | Refusal> {
      const refused = await check(actor, "record");
      if (refused) return refused;
      const members = await store.members();
      const byPartner = await partnersOf(members.map((m) => m.partnerId));
      return {
        status: "found",
        members: members.map((member) => ({ member, partner: byPartner.get(member.partnerId) ?? null })),
      };
    },

    getMember: store.findMember,

    /** The partners a member may be made of: those not ended, and not members already. */
    async joinable(): Promise<PartnerForQCities[]> {
      const members = new Set((await store.members()).map((m) => m.partnerId));
      return (await partners.choosable()).filter((p) => !members.has(p.id));
    },

    /** A partner becomes a member, once per form; a partner is a member once. */
    async addMember(o: {
      actor: string;
      input: MemberInput;
      submissionKey: string;
    }): Promise<
      | { status: "created"; member: Member; partner: PartnerForQCities }
      | { status: "already_stored"; member: Member }
      | { status: "already_member"; member: Member; partner: PartnerForQCities }
      | { status: "no_partner" }
      | Invalid<MemberField>
      | Refusal
    > {
      const refused = await check(o.actor, "record");
      if (refused) return refused;
      const earlier = await store.findMemberBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", member: earlier };
      const result = validateMember(o.input, today());
      if (!result.ok) return { status: "invalid", errors: result.errors };
      const partner = await partners.get(result.draft.partnerId);
      if (!partner) return { status: "no_partner" };
      const member = await store.findMemberByPartner(result.draft.partnerId);
      if (member) return { status: "already_member", member, partner };
      try {
        return {
          status: "created",
          member: await store.insertMember({
            draft: result.draft,
            createdBy: o.actor,
            submissionKey: o.submissionKey,
            at: clock.now(),
          }),
          partner,
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced =
          (await store.findMemberBySubmissionKey(o.submissionKey)) ??
          (await store.findMemberByPartner(result.draft.partnerId));
        if (!raced) throw error;
        return { status: "already_stored", member: raced };
      }
    },

    /** A member's status (active, suspended, left), with why; staff. */
    async setMemberStatus(o: {
      actor: string;
      id: number;
      to: MemberStatus;
      reason?: string;
    }): Promise<{ status: "saved" | "unchanged"; member: Member } | { status: "not_found" } | Refusal> {
      const refused = await check(o.actor, "record");
      if (refused) return refused;
      const member = await store.findMember(o.id);
      if (!member) return { status: "not_found" };
      if (member.status === o.to) return { status: "unchanged", member };
      const moved = await store.setMemberStatus(o.id, member.status, o.to, o.reason?.trim() || null);
      const now = (await store.findMember(o.id)) ?? member;
      return { status: moved ? "saved" : "unchanged", member: now };
    },

    // Meetings -----------------------------------------------------------------------------

    async meetings(actor: string): Promise<{ status: "found"; meetings: Meeting[] } | Refusal> {
      const refused = await check(actor, "record");
      if (refused) return refused;
      return { status: "found", meetings: await store.meetings(20) };
    },

    getMeeting: store.findMeeting,

    /** A meeting of the board or the general assembly, once per form; staff. */
    async addMeeting(o: {
      actor: string;
      input: MeetingInput;
      submissionKey: string;
    }): Promise<{ status: "created" | "already_stored"; meeting: Meeting } | Invalid<MeetingField> | Refusal> {
      const refused = await check(o.actor, "record");
      if (refused) return refused;
      const earlier = await store.findMeetingBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", meeting: earlier };
      const result = validateMeeting(o.input);
      if (!result.ok) return { status: "invalid", errors: result.errors };
      try {
        return {
          status: "created",
          meeting: await store.insertMeeting({
            draft: result.draft,
            createdBy: o.actor,
            submissionKey: o.submissionKey,
            at: clock.now(),
          }),
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.findMeetingBySubmissionKey(o.submissionKey);
        if (!raced) throw error;
        return { status: "already_stored", meeting: raced };
      }
    },

    /** The minutes, by staff, until a manager approves them; once per form. */
    async recordMinutes(o: {
      actor: string;
      id: number;
      input: { minutesText?: string; minutesLink?: string };
      submissionKey: string;
    }): Promise<
      | { status: "recorded" | "already_recorded"; meeting: Meeting }
      | { status: "not_found" }
      | { status: "already_approved" }
      | Invalid<MinutesField>
      | Refusal
    > {
      const refused = await check(o.actor, "record");
      if (refused) return refused;
      const meeting = await store.findMeeting(o.id);
      if (!meeting) return { status: "not_found" };
      if (meeting.approvedAt) return { status: "already_approved" };
      const result = validateMinutes(o.input);
      if (!result.ok) return { status: "invalid", errors: result.errors };
      const written = await store.recordMinutes(o.id, result.draft, o.actor, o.submissionKey, clock.now());
      const now = (await store.findMeeting(o.id)) ?? meeting;
      if (written) return { status: "recorded", meeting: now };
      return now.approvedAt ? { status: "already_approved" } : { status: "already_recorded", meeting: now };
    },

    /** A manager approves the recorded minutes: once, whoever clicks first. */
    async approveMinutes(o: {
      actor: string;
      id: number;
    }): Promise<
      | { status: "approved"; meeting: Meeting }
      | { status: "not_found" }
      | { status: "no_minutes" }
      | { status: "already_approved" }
      | Refusal
    > {
      const refused = await check(o.actor, "approve");
      if (refused) return refused;
      const meeting = await store.findMeeting(o.id);
      if (!meeting) return { status: "not_found" };
      const can = minutesApprovable(meeting);
      if (can === "no_minutes") return { status: "no_minutes" };
      if (can === "already_approved") return { status: "already_approved" };
      if (!(await store.approveMinutes(o.id, o.actor, clock.now()))) return { status: "already_approved" };
      const now = await store.findMeeting(o.id);
      return now ? { status: "approved", meeting: now } : { status: "not_found" };
    },

    // Dues ---------------------------------------------------------------------------------

    /** The member's dues of a year (for the form's initial values). */
    duesOf: (memberId: number, year: number) => store.findDues(memberId, year),

    /**
     * A member's dues for the year (amount, due date, paid when), by staff: one row per member and
     * year, so a retried form writes the same row. Who recorded a payment is kept from the first time.
     */
    async recordDues(o: {
      actor: string;
      memberId: number;
      input: DuesInput;
      submissionKey: string;
    }): Promise<
      | { status: "saved" | "already_stored"; dues: Dues; city: PartnerForQCities | null; standing: DuesStanding }
      | { status: "not_found" }
      | Invalid<DuesField>
      | Refusal
    > {
      const refused = await check(o.actor, "record");
      if (refused) return refused;
      const member = await store.findMember(o.memberId);
      if (!member) return { status: "not_found" };
      const result = validateDues(o.input, today());
      if (!result.ok) return { status: "invalid", errors: result.errors };
      const write = () =>
        store.upsertDues({
          memberId: o.memberId,
          draft: result.draft,
          by: o.actor,
          at: clock.now(),
          formKey: o.submissionKey,
        });
      let outcome: Awaited<ReturnType<typeof write>>;
      try {
        outcome = await write();
      } catch (error) {
        // Two submissions of a new year's dues at once: the other created the row; write again.
        if (!isUniqueViolation(error)) throw error;
        outcome = await write();
      }
      const [row] = await duesRows([outcome.dues], today());
      return {
        status: outcome.written ? "saved" : "already_stored",
        dues: outcome.dues,
        city: row?.city ?? (await partners.get(member.partnerId)),
        standing: row?.standing ?? "due",
      };
    },

    /** The year's dues list (the CSV and XLSX), by staff. */
    async duesList(actor: string, year: number): Promise<{ status: "found"; rows: DuesRow[] } | Refusal> {
      const refused = await check(actor, "record");
      if (refused) return refused;
      return { status: "found", rows: await duesRows(await store.duesOfYear(year), today()) };
    },

    /** The managers' digest: dues unpaid past their day on `date`, the oldest first. */
    overdueDues: async (date: string): Promise<DuesRow[]> => duesRows(await store.unpaidBefore(date), date),

    // Good practices -----------------------------------------------------------------------

    getPractice: async (id: number): Promise<PracticeView | null> => {
      const p = await store.findPractice(id);
      return p ? ((await withCities([p]))[0] ?? null) : null;
    },

    /** A member's good practice, once per form; staff. */
    async addPractice(o: {
      actor: string;
      input: PracticeInput;
      submissionKey: string;
    }): Promise<{ status: "created" | "already_stored"; practice: Practice } | Invalid<PracticeField> | Refusal> {
      const refused = await check(o.actor, "record");
      if (refused) return refused;
      const earlier = await store.findPracticeBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", practice: earlier };
      const result = validatePractice(o.input);
      if (!result.ok) return { status: "invalid", errors: result.errors };
      if (!(await store.findMember(result.draft.memberId)))
        return { status: "invalid", errors: { member: { code: "required" } } };
      try {
        return {
          status: "created",
          practice: await store.insertPractice({
            draft: result.draft,
            createdBy: o.actor,
            submissionKey: o.submissionKey,
            at: clock.now(),
          }),
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.findPracticeBySubmissionKey(o.submissionKey);
        if (!raced) throw error;
        return { status: "already_stored", practice: raced };
      }
    },

    /** The practice as the edit form says, once per form; staff. */
    async editPractice(o: {
      actor: string;
      id: number;
      input: PracticeInput;
      submissionKey: string;
    }): Promise<
      | { status: "saved" | "already_stored"; practice: Practice }
      | { status: "not_found" }
      | Invalid<PracticeField>
      | Refusal
    > {
      const refused = await check(o.actor, "record");
      if (refused) return refused;
      const current = await store.findPractice(o.id);
      if (!current) return { status: "not_found" };
      const result = validatePractice(o.input);
      if (!result.ok) return { status: "invalid", errors: result.errors };
      if (!(await store.findMember(result.draft.memberId)))
        return { status: "invalid", errors: { member: { code: "required" } } };
      const written = await store.updatePractice(o.id, result.draft, o.actor, o.submissionKey);
      const practice = (await store.findPractice(o.id)) ?? current;
      return { status: written ? "saved" : "already_stored", practice };
    },

    /**
     * The register's search: the words in Greek (stems), Greeklish or English (the skeleton's
     * prefixes, and English stems), as the letters' register; and a word naming a member city
     * (the partners' own search, any script) brings that city's practices. A page at a time.
     */
    async search(
      actor: string,
      words: string,
      page = 1,
    ): Promise<{ status: "found"; practices: PracticeView[]; hasMore: boolean } | Refusal> {
      const refused = await check(actor, "record");
      if (refused) return refused;
      // Articles and prepositions say nothing («η ανακύκλωση στο σχολείο»), unless they are all there is.
      const text = searchWords(words.trim());
      if (!text) return { status: "found", practices: [], hasMore: false };
      const prefix = phoneticPrefixQuery(await store.phoneticSkeleton(text));
      const matched = await store.findPracticeIdsMatching(text, prefix, 200, 0);
      // Practices of the member cities the words name («Φαέντσα», "faenza").
      const cities = await partners.search(text);
      const memberIds = new Set(
        (await Promise.all(cities.map((c) => store.findMemberByPartner(c.id)))).flatMap((m) => (m ? [m.id] : [])),
      );
      const ofCities = memberIds.size ? await store.practiceIdsOfMembers([...memberIds]) : [];
      const ids = [...new Set([...matched, ...ofCities])];
      const pageIds = ids.slice((page - 1) * PAGE, page * PAGE);
      const byId = new Map((await store.practicesByIds(pageIds)).map((p) => [p.id, p]));
      const practices = await withCities(pageIds.flatMap((id) => byId.get(id) ?? []));
      return { status: "found", practices, hasMore: ids.length > page * PAGE };
    },
  };
}

export type QCitiesService = ReturnType<typeof createQCitiesService>;

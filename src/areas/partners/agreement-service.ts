// The agreements' use cases: a proposal (staff), each later step once (managers: an opinion, a
// decision with its ΑΔΑ, a signature, force, a renewal's decision and the renewal, an end; staff
// also propose a renewal), obligations (staff) and each due
// date settled once (done by its owner or a manager, waived by a manager), and what the card, the
// digest, the reminders and the year's report need. Refusals are values.
import { isUniqueViolation } from "../../db/errors.js";
import { type Clock, localDate, shiftDate } from "../../lib/clock.js";
import {
  type AgreementRefusal,
  type AgreementStatus,
  type AgreementStep,
  checkAgreementStep,
  expiresSoon,
  STEP_RULES,
  stageAfter,
  statusAfter,
} from "./agreement-flow.js";
import {
  type DueStanding,
  dueDatesBetween,
  dueStanding,
  keptByYear,
  type ObligationSchedule,
  type YearRecord,
} from "./obligation-rules.js";
import type { RolesForPartners, TimelineItem } from "./service.js";
import type { AgreementRecord, ObligationRecord, PartnersStore } from "./store.js";
import {
  type AgreementField,
  type AgreementInput,
  type Errors,
  type ObligationField,
  type ObligationInput,
  parseFulfilmentLink,
  type StepField,
  type StepInput,
  validateAgreement,
  validateObligation,
  validateStep,
} from "./validation.js";

export type { AgreementRecord, ObligationRecord };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const isoOrNull = (d: Date | null) => (d ? iso(d) : null);

/** An obligation's schedule: no due date after its agreement expires or ends. */
export function scheduleOf(
  o: ObligationRecord | (AgreementRecord["obligations"][number] & { agreement?: unknown }),
  agreement: { expiresOn: Date | null },
): ObligationSchedule {
  return { recurrence: o.recurrence, firstDueOn: iso(o.firstDueOn), until: isoOrNull(agreement.expiresOn) };
}

/** One due date of an obligation, as the digest, the reminders and the card show it. */
export interface DueItem {
  obligation: ObligationRecord;
  due: string;
  standing: DueStanding;
}

export type StepOutcome =
  | { status: "done"; agreement: AgreementRecord; stepId: number }
  | { status: "already_recorded"; agreement: AgreementRecord }
  | { status: "invalid"; errors: Errors<StepField> }
  | { status: "refused"; reason: AgreementRefusal; agreement?: AgreementRecord }
  | { status: "not_found" };

export type SettleRefusal = "staff_only" | "managers_only" | "owner_or_manager" | "not_a_due_date";
export type SettleOutcome =
  | { status: "settled" | "already_settled"; obligation: ObligationRecord }
  | { status: "invalid"; errors: Errors<"note" | "link"> }
  | { status: "refused"; reason: SettleRefusal }
  | { status: "not_found" };

export interface AgreementsServiceDeps {
  store: PartnersStore;
  roles: RolesForPartners;
  clock: Clock;
  timeZone: string;
}

/** How far ahead a partner's card shows what is due. */
const DUE_AHEAD_DAYS = 90;

export function createAgreementsService(deps: AgreementsServiceDeps) {
  const { store, roles, clock } = deps;
  const today = () => localDate(clock.now(), deps.timeZone);
  const actorOf = async (actor: string) => ({
    staff: await roles.hasRole(actor, "staff"),
    manager: await roles.hasRole(actor, "manager"),
  });

  async function checkStep(o: { actor: string; id: number; step: AgreementStep }) {
    const agreement = await store.findAgreement(o.id);
    if (!agreement) return { status: "not_found" as const };
    const refusal = checkAgreementStep(o.step, agreement, await actorOf(o.actor));
    if (refusal) return { status: "refused" as const, reason: refusal, agreement };
    return { status: "allowed" as const, agreement };
  }

  /** Every due date of the live obligations from `from` to `to`, each with how it stands. */
  async function dueBetween(from: string, to: string, todayIso: string): Promise<DueItem[]> {
    const items: DueItem[] = [];
    for (const obligation of await store.liveObligations()) {
      const schedule = scheduleOf(obligation, obligation.agreement);
      const settled = new Map(obligation.occurrences.map((s) => [iso(s.dueOn), s.outcome]));
      for (const due of dueDatesBetween(schedule, from, to))
        items.push({ obligation, due, standing: dueStanding(schedule, due, settled.get(due), todayIso) });
    }
    return items.sort((a, b) => a.due.localeCompare(b.due) || a.obligation.id - b.obligation.id);
  }

  /** Whether the actor may settle the obligation's due dates this way (the form opens only if so). */
  async function checkSettle(o: { actor: string; obligationId: number; outcome: "done" | "waived" }) {
    const obligation = await store.findObligation(o.obligationId);
    if (!obligation) return { status: "not_found" as const };
    const { staff, manager } = await actorOf(o.actor);
    if (!staff) return { status: "refused" as const, reason: "staff_only" as SettleRefusal };
    if (o.outcome === "waived" && !manager)
      return { status: "refused" as const, reason: "managers_only" as SettleRefusal };
    if (o.outcome === "done" && !manager && obligation.owner !== o.actor)
      return { status: "refused" as const, reason: "owner_or_manager" as SettleRefusal };
    return { status: "allowed" as const, obligation };
  }

  return {
    today,
    get: store.findAgreement,
    getObligation: store.findObligation,

    /** A proposal (staff): its parties must be partners. Stored once per submission. */
    async propose(o: {
      actor: string;
      input: AgreementInput;
      submissionKey: string;
    }): Promise<
      | { status: "created" | "already_stored"; agreement: AgreementRecord }
      | { status: "invalid"; errors: Errors<AgreementField> }
      | { status: "refused"; reason: AgreementRefusal }
    > {
      if (!(await roles.hasRole(o.actor, "staff"))) return { status: "refused", reason: "staff_only" };
      const checked = validateAgreement(o.input);
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      const known = await store.existingPartnerIds(checked.draft.partyIds);
      if (known.length !== checked.draft.partyIds.length)
        return { status: "invalid", errors: { parties: { code: "required" } } };
      const earlier = await store.findAgreementBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", agreement: earlier };
      try {
        const agreement = await store.insertAgreement({
          draft: checked.draft,
          createdBy: o.actor,
          submissionKey: o.submissionKey,
          at: clock.now(),
        });
        return { status: "created", agreement };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.findAgreementBySubmissionKey(o.submissionKey);
        if (!raced) throw error;
        return { status: "already_stored", agreement: raced };
      }
    },

    checkStep,

    /**
     * An edit of the agreement's particulars (kind, title, parties, fields, document, duration, end,
     * renewal, notes; never its status or steps): staff, not once it has ended or expired; recorded
     * once per form with who and when.
     */
    async edit(o: {
      actor: string;
      id: number;
      input: AgreementInput;
      submissionKey: string;
    }): Promise<
      | { status: "saved" | "already_stored"; agreement: AgreementRecord }
      | { status: "invalid"; errors: Errors<AgreementField> }
      | { status: "refused"; reason: AgreementRefusal }
      | { status: "not_found" }
    > {
      if (!(await roles.hasRole(o.actor, "staff"))) return { status: "refused", reason: "staff_only" };
      const current = await store.findAgreement(o.id);
      if (!current) return { status: "not_found" };
      if (current.status === "ended" || current.status === "expired")
        return { status: "refused", reason: "not_allowed_now" };
      const checked = validateAgreement(o.input);
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      const known = await store.existingPartnerIds(checked.draft.partyIds);
      if (known.length !== checked.draft.partyIds.length)
        return { status: "invalid", errors: { parties: { code: "required" } } };
      const saved = await store.editAgreement({
        id: o.id,
        draft: checked.draft,
        by: o.actor,
        at: clock.now(),
        submissionKey: o.submissionKey,
      });
      const agreement = (await store.findAgreement(o.id)) ?? current;
      return { status: saved ? "saved" : "already_stored", agreement };
    },

    /**
     * One step, once: refused unless the actor (a manager) may take it from the status it is in;
     * its particulars checked (a decision's number, date and ΑΔΑ; the signature's date and place; a
     * renewal's new end; an end's reason); the write conditional on the status it was read in, and
     * keyed by the form, so a Slack retry or a second manager records nothing more.
     */
    async step(o: {
      actor: string;
      id: number;
      step: AgreementStep;
      input: StepInput;
      submissionKey: string;
    }): Promise<StepOutcome> {
      const earlier = await store.stepBySubmissionKey(o.submissionKey);
      if (earlier) {
        const agreement = await store.findAgreement(o.id);
        return agreement ? { status: "already_recorded", agreement } : { status: "not_found" };
      }
      const checked = await checkStep(o);
      if (checked.status !== "allowed") return checked;
      const rule = STEP_RULES[o.step];
      const details = validateStep(rule.needs, o.input, today());
      if (!details.ok) return { status: "invalid", errors: details.errors };
      const current = checked.agreement;
      // A renewal's new end comes after the one it renews.
      const currentEnd = isoOrNull(current.expiresOn);
      if (o.step === "renewed" && currentEnd && details.draft.expiresOn && details.draft.expiresOn <= currentEnd)
        return { status: "invalid", errors: { expiresOn: { code: "notAfter" } } };
      // Signed with a duration and no end date: it ends that many years after the signature.
      let expiresOn: string | null | undefined;
      if (o.step === "renewed") expiresOn = details.draft.expiresOn;
      else if (o.step === "signed" && !current.expiresOn && current.durationYears && details.draft.signedOn)
        expiresOn = shiftYears(details.draft.signedOn, current.durationYears);
      let moved: Awaited<ReturnType<PartnersStore["moveAgreement"]>>;
      try {
        moved = await store.moveAgreement({
          id: o.id,
          from: current.status,
          to: statusAfter(o.step, current.status),
          fromStage: current.renewalStage,
          toStage: stageAfter(o.step, current.renewalStage),
          step: o.step,
          details: details.draft,
          // The renewal's decision is its step's record; the agreement keeps its first decision.
          onAgreement: o.step !== "renewal_decision",
          expiresOn,
          by: o.actor,
          at: clock.now(),
          submissionKey: o.submissionKey,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        moved = { moved: false };
      }
      const agreement = (await store.findAgreement(o.id)) ?? current;
      if (!moved.moved) return { status: "refused", reason: "not_allowed_now", agreement };
      return { status: "done", agreement, stepId: moved.stepId };
    },

    /** An obligation of an agreement (staff), once per submission. */
    async addObligation(o: {
      actor: string;
      agreementId: number;
      input: ObligationInput;
      submissionKey: string;
    }): Promise<
      | { status: "created" | "already_stored"; obligation: ObligationRecord }
      | { status: "invalid"; errors: Errors<ObligationField> }
      | { status: "refused"; reason: AgreementRefusal }
      | { status: "not_found" }
    > {
      if (!(await roles.hasRole(o.actor, "staff"))) return { status: "refused", reason: "staff_only" };
      const agreement = await store.findAgreement(o.agreementId);
      if (!agreement) return { status: "not_found" };
      if (agreement.status === "ended" || agreement.status === "expired")
        return { status: "refused", reason: "not_allowed_now" };
      const checked = validateObligation(o.input);
      if (!checked.ok) return { status: "invalid", errors: checked.errors };
      const earlier = await store.obligationBySubmissionKey(o.submissionKey);
      if (earlier) return { status: "already_stored", obligation: earlier };
      try {
        return {
          status: "created",
          obligation: await store.insertObligation({
            agreementId: o.agreementId,
            draft: checked.draft,
            createdBy: o.actor,
            submissionKey: o.submissionKey,
          }),
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.obligationBySubmissionKey(o.submissionKey);
        if (!raced) throw error;
        return { status: "already_stored", obligation: raced };
      }
    },

    checkSettle,

    /**
     * One due date done (what was done, perhaps the event or letter that did it) or waived (why):
     * once; a second click or a retry finds it settled.
     */
    async settle(o: {
      actor: string;
      obligationId: number;
      dueOn: string;
      outcome: "done" | "waived";
      note?: string;
      link?: string;
    }): Promise<SettleOutcome> {
      const checked = await checkSettle(o);
      if (checked.status !== "allowed") return checked;
      const obligation = checked.obligation;
      const schedule = scheduleOf(obligation, obligation.agreement);
      if (!dueDatesBetween(schedule, o.dueOn, o.dueOn).includes(o.dueOn))
        return { status: "refused", reason: "not_a_due_date" };
      const note = o.note?.trim();
      const link = parseFulfilmentLink(o.link);
      const errors: Errors<"note" | "link"> = {};
      if (!note) errors.note = { code: "required" };
      else if (note.length > 1000) errors.note = { code: "tooLong", max: 1000 };
      if (link === undefined) errors.link = { code: "link" };
      if (!note || link === undefined || errors.note) return { status: "invalid", errors };
      const settled = await store.settle({
        obligationId: o.obligationId,
        dueOn: o.dueOn,
        outcome: o.outcome,
        note,
        link,
        by: o.actor,
        at: clock.now(),
      });
      const fresh = (await store.findObligation(o.obligationId)) ?? obligation;
      return { status: settled ? "settled" : "already_settled", obligation: fresh };
    },

    /** Each year since the agreement's first obligation: how its terms were kept. */
    kept(agreement: AgreementRecord, todayIso: string): Map<number, YearRecord> {
      const obligations = agreement.obligations.map((o) => ({ id: o.id, ...scheduleOf(o, agreement) }));
      const settled = agreement.obligations.flatMap((o) =>
        o.occurrences.map((s) => ({ obligationId: o.id, dueOn: iso(s.dueOn), outcome: s.outcome })),
      );
      const first = Math.min(...obligations.map((o) => Number(o.firstDueOn.slice(0, 4))), Number(todayIso.slice(0, 4)));
      return keptByYear(obligations, settled, { from: first, to: Number(todayIso.slice(0, 4)) }, todayIso);
    },

    /** Every due date of the live obligations from `from` to `to`. */
    dueBetween,

    /** Due this week (today to seven days on) and late (not yet missed): the digest. */
    async dueAndLate(todayIso: string): Promise<{ due: DueItem[]; late: DueItem[] }> {
      const items = await dueBetween(shiftDate(todayIso, -366), shiftDate(todayIso, 7), todayIso);
      return {
        due: items.filter((i) => i.due >= todayIso && (i.standing === "upcoming" || i.standing === "due_today")),
        late: items.filter((i) => i.standing === "late"),
      };
    },

    /**
     * The person's own due dates not yet kept or waived, late (not missed) or due up to `until`:
     * their Home, oldest first. Missed ones are the year's record, not a to-do.
     */
    async ownedDue(owner: string, todayIso: string, until: string): Promise<DueItem[]> {
      const items = await dueBetween(shiftDate(todayIso, -366), until, todayIso);
      return items.filter(
        (i) =>
          i.obligation.owner === owner &&
          (i.standing === "late" || i.standing === "due_today" || i.standing === "upcoming"),
      );
    },

    /** In force and ending within 90 days: the digest, with the renewal's next step. */
    async expiringSoon(todayIso: string): Promise<AgreementRecord[]> {
      return (await store.agreementsIn(["in_force"])).filter((a) =>
        expiresSoon({ status: a.status, expiresOn: isoOrNull(a.expiresOn) }, todayIso),
      );
    },

    /** Every agreement with its obligations: the year's report. */
    all: store.allAgreements,

    /** The partner's agreements, as its card's timeline shows them (AgreementsForTimeline). */
    async timelineOf(partnerId: number): Promise<TimelineItem[]> {
      const todayIso = today();
      const items: TimelineItem[] = [];
      for (const a of await store.agreementsOf(partnerId)) {
        // An edit of the record is not something done with the partner (nor activity against dormancy).
        for (const s of a.steps.filter((x) => x.step !== "edited"))
          items.push({
            date: localDate(s.at, deps.timeZone),
            kind: "agreement_step",
            ref: `#${a.id}`,
            title: a.title,
            code: s.step,
          });
        for (const o of a.obligations) {
          for (const s of o.occurrences)
            items.push({
              date: localDate(s.at, deps.timeZone),
              kind: s.outcome === "done" ? "obligation_done" : "obligation_waived",
              ref: `#${a.id}`,
              title: o.description,
              detail: s.note,
            });
          if (a.status === "in_force" || a.status === "signed") {
            const settled = new Set(o.occurrences.map((s) => iso(s.dueOn)));
            for (const due of dueDatesBetween(
              scheduleOf(o, a),
              shiftDate(todayIso, -366),
              shiftDate(todayIso, DUE_AHEAD_DAYS),
            ))
              if (!settled.has(due))
                items.push({
                  date: due,
                  kind: "obligation_due",
                  ref: `#${a.id}`,
                  title: o.description,
                  code: dueStanding(scheduleOf(o, a), due, undefined, todayIso),
                });
          }
        }
      }
      return items;
    },

    /** The statuses an agreement may be in, for the views. */
    statusOf: (a: AgreementRecord): AgreementStatus => a.status,
  };
}

/** The same day `years` later (29 February → 28 February in a common year). */
function shiftYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const md = date.slice(5) === "02-29" && !leap ? "02-28" : date.slice(5);
  return `${y}-${md}`;
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;

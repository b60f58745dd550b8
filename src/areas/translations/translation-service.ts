// Translation requests: entering one once, moving it along its flow (each step recorded, a step
// taken once however many clicks, only by whom the flow allows), and what the reminders and
// summaries need. Each use case takes the actor (a Slack user id) and decides from it.

import { isUniqueViolation } from "../../db/errors.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { type Clock, daysBetween, localDate } from "../../lib/clock.js";
import { type ErasedPerson, personRedactor } from "../../lib/personal-data.js";
import type { Role } from "../users/roles.js";
import { checkStep, OPEN_STATUSES, STEPS, type StepRefusal, type TranslationAction } from "./translation-flow.js";
import { createTranslationStore, type StepChanges, type TranslationRequest } from "./translation-store.js";
import { isoDay, type StepInput, type TranslationDraft } from "./translation-validation.js";

export type { TranslationRequest };
export { isoDay };

/** What the service needs to know of people: the coordinators are the office's managers. */
export interface TranslationRoles {
  hasRole(slackUserId: string, role: Role): Promise<boolean>;
  holdersOf(role: Role): Promise<string[]>;
}

export type StepOutcome =
  | { status: "done"; request: TranslationRequest; eventId: number; from: TranslationRequest["status"] }
  | { status: "refused"; reason: StepRefusal; request: TranslationRequest }
  /** The request is already as this step would leave it (a form submitted twice): nothing done. */
  | { status: "unchanged"; request: TranslationRequest }
  | { status: "not_found" };

export type StepPayload = StepInput;

export type ListFilter = "mine" | "open" | "overdue";

/** Only the office's staff ask for translations and read the list: a refusal is a value. */
export type TranslationRefusal = { status: "refused"; reason: "staff_only" };
const staffOnly: TranslationRefusal = { status: "refused", reason: "staff_only" };

export interface WeekSummary {
  open: number;
  overdue: number;
  delivered: number;
  turnaround: { pair: string; averageDays: number; count: number }[];
}

export function createTranslationService(deps: {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  roles: TranslationRoles;
}) {
  const { clock, timeZone } = deps;
  const store = createTranslationStore(deps.prisma);
  const { roles } = deps;
  const today = () => localDate(clock.now(), timeZone);

  /** Whether `actor` may take the step now (the flow and the person), without taking it. */
  async function mayTake(options: {
    actor: string;
    requestId: number;
    action: TranslationAction;
  }): Promise<{ status: "allowed"; request: TranslationRequest } | Exclude<StepOutcome, { status: "done" }>> {
    const current = await store.findById(options.requestId);
    if (!current) return { status: "not_found" };
    const coordinator = await roles.hasRole(options.actor, "manager");
    const refusal = checkStep(options.action, current, { userId: options.actor, coordinator });
    if (refusal) return { status: "refused", reason: refusal, request: current };
    return { status: "allowed", request: current };
  }

  return {
    today,
    get: store.findById,
    /**
     * Requests about a partner (those of its letters, or naming it in their title or reason): the
     * partners area's timeline (TranslationsAbout).
     */
    translationsAbout: (o: { names: string[]; ids: number[] }) => store.findAbout(o.names, o.ids, 200),
    /** Asked before a step's form opens, so that nobody fills in a form they may not submit. */
    mayTake,
    history: store.findHistory,
    setCard: store.saveCard,
    coordinators: () => roles.holdersOf("manager"),

    /**
     * A GDPR erasure's step here (the contacts area's PersonalDataHolder). Requests are not about
     * contacts, but their title, reason and notes may name one («Letter to Mr …»): the mention is
     * replaced by ERASED_MARK and the request stays (the document itself is outside the bot).
     */
    eraseContact: (person: ErasedPerson) => store.redactMentions(personRedactor(person)),

    /** `filedBy`: who filled in the form, when it was on the requester's behalf. */
    async create(options: { draft: TranslationDraft; requestedBy: string; filedBy?: string; submissionKey: string }) {
      const { submissionKey } = options;
      // Who filled in the form is the actor (a request may be filed for someone else).
      if (!(await roles.hasRole(options.filedBy ?? options.requestedBy, "staff"))) return staffOnly;
      const earlier = await store.findBySubmissionKey(submissionKey);
      if (earlier) return { status: "already_stored" as const, request: earlier };
      try {
        const request = await store.insertRequest({
          draft: options.draft,
          requestedBy: options.requestedBy,
          filedBy: options.filedBy ?? options.requestedBy,
          submissionKey,
          at: clock.now(),
        });
        return { status: "created" as const, request };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.findBySubmissionKey(submissionKey);
        if (!raced) throw error;
        return { status: "already_stored" as const, request: raced };
      }
    },

    /**
     * Takes one step for `actor`, if the flow lets them now. The write is conditional on the status
     * it was read in, so of two clicks (or two people) only one moves the request; the other is
     * told it is no longer possible.
     */
    async step(options: {
      actor: string;
      requestId: number;
      action: TranslationAction;
      payload?: StepPayload;
    }): Promise<StepOutcome> {
      const { actor, requestId, action, payload = {} } = options;
      const checked = await mayTake({ actor, requestId, action });
      if (checked.status !== "allowed") return checked;
      const current = checked.request;
      // Assigning again to whom it is assigned to is the same form submitted twice (a double click,
      // Slack's retry): it records and tells nothing a second time.
      if (sameAssignment(action, current, payload)) return { status: "unchanged", request: current };
      const now = clock.now();
      const changes: StepChanges =
        action === "assign"
          ? { assignee: payload.assignee ?? null, vendor: payload.assignee ? null : (payload.vendor ?? null) }
          : action === "deliver"
            ? { deliveredUrl: payload.deliveredUrl ?? null, deliveredAt: now }
            : action === "accept" || action === "cancel"
              ? { closedAt: now }
              : {};
      const moved = await store.moveIfUnchanged({
        current,
        action,
        to: STEPS[action].to,
        changes,
        by: actor,
        at: now,
        note: payload.note ?? null,
      });
      if (!moved) {
        const latest = (await store.findById(requestId)) ?? current;
        // Two submissions of one form at once: the other one made this very assignment.
        if (sameAssignment(action, latest, payload)) return { status: "unchanged", request: latest };
        return { status: "refused", reason: "not_allowed_now", request: latest };
      }
      return { status: "done", request: moved.request, eventId: moved.eventId, from: current.status };
    },

    /** The open requests: all of them, the actor's (asked for or assigned), or those overdue. */
    async list(options: {
      actor: string;
      filter: ListFilter;
      today: string;
    }): Promise<{ status: "found"; requests: TranslationRequest[] } | TranslationRefusal> {
      const { actor, filter } = options;
      if (!(await roles.hasRole(actor, "staff"))) return staffOnly;
      const requests = await store.findInStatuses(
        OPEN_STATUSES,
        filter === "mine"
          ? { involving: actor }
          : filter === "overdue"
            ? { dueBefore: options.today, notStatus: "delivered" }
            : {},
        50,
      );
      return { status: "found", requests };
    },

    /** Open requests someone still has to work on (not waiting for acceptance). */
    inWork: () => store.findInStatuses(["requested", "assigned", "in_progress", "returned"]),

    /** The period reports' data: requests made in [from, until), and those delivered in it. */
    reportData: (from: Date, until: Date) => store.findForReport(from, until),

    /** The coordinator's week: open, overdue, delivered in the week, turnaround by language pair. */
    async weekSummary(weekStart: Date, weekEnd: Date, today: string): Promise<WeekSummary> {
      const open = await store.findInStatuses(OPEN_STATUSES);
      const delivered = await store.findDeliveredBetween(weekStart, weekEnd);
      const pairs = new Map<string, { days: number; count: number }>();
      for (const r of await store.findEverDelivered()) {
        if (!r.deliveredAt) continue;
        const pair = `${r.sourceLang}→${r.targetLang}`;
        const entry = pairs.get(pair) ?? { days: 0, count: 0 };
        entry.days += daysBetween(localDate(r.createdAt, timeZone), localDate(r.deliveredAt, timeZone));
        entry.count++;
        pairs.set(pair, entry);
      }
      return {
        open: open.length,
        overdue: open.filter((r) => r.status !== "delivered" && isoDay(r.dueOn) < today).length,
        delivered: delivered.length,
        turnaround: [...pairs].map(([pair, e]) => ({
          pair,
          averageDays: Math.round((e.days / e.count) * 10) / 10,
          count: e.count,
        })),
      };
    },
  };
}

export type TranslationService = ReturnType<typeof createTranslationService>;

/** Whether `action` is an assignment to the translator or vendor the request is assigned to now. */
function sameAssignment(action: TranslationAction, request: TranslationRequest, payload: StepPayload): boolean {
  return (
    action === "assign" &&
    request.status === "assigned" &&
    (request.assignee ?? null) === (payload.assignee ?? null) &&
    (request.vendor ?? null) === (payload.assignee ? null : (payload.vendor ?? null))
  );
}

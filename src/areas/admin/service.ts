// The use cases of `/grafeio`: each takes the actor (a Slack user id) and checks their role itself,
// returning data or a refusal value; the listener renders either. The office's settings live in
// other areas' services (topics, categories, reminders…), reached through the small interfaces
// below; the jobs' settings are the scheduler's store.
import { dateOf, parseRuleKey } from "../../calendar/namedays/nameday-calendar.js";
import type { DayInfo, LabourDay } from "../../calendar/working-days.js";
import type { LocaleCode } from "../../i18n/index.js";
import { type Clock, localYear } from "../../lib/clock.js";
import { scheduleAtTime } from "../../scheduling/cron.js";
import type { Job } from "../../scheduling/job.js";
import type { JobRunStore } from "../../scheduling/job-runs-store.js";
import { type JobOverview, jobOverview } from "../../scheduling/overview.js";
import type { Role } from "../users/roles.js";

/** The actor lacks the role the use case needs. */
export interface Refused {
  status: "refused";
  needed: Role;
}

export interface RolesForAdmin {
  hasRole(slackUserId: string, role: Role): Promise<boolean>;
  grantRole(grant: { slackUserId: string; role: Role; grantedBy: string }): Promise<void>;
  revokeRole(revoke: { slackUserId: string; role: Role; revokedBy: string }): Promise<"revoked" | "last_admin">;
  listRoleHolders(): Promise<{ slackUserId: string; roles: Role[] }[]>;
}

export interface LocalesForAdmin {
  setOverride(slackUserId: string, locale: LocaleCode | null): Promise<void>;
}

export interface Named {
  nameEl: string;
  nameEn: string;
}

export interface TopicsForAdmin {
  listActiveTopics(): Promise<Named[]>;
  addTopic(names: Named): Promise<Named & { created: boolean }>;
}

export interface Department extends Named {
  slug: string;
  channelId: string | null;
}

export interface DepartmentsForAdmin {
  listDepartments(): Promise<Department[]>;
  setDepartmentChannel(slug: string, channelId: string | null): Promise<unknown>;
}

export interface WatchTermsForAdmin {
  listWatchTerms(): Promise<{ term: string; channelId: string }[]>;
  addWatchTerm(watch: { term: string; channelId: string; by: string }): Promise<unknown>;
  removeWatchTerm(term: string): Promise<boolean>;
}

export interface Category extends Named {
  slug: string;
}

export interface CategoriesForAdmin {
  listCategories(): Promise<Category[]>;
  addCategory(category: Category): Promise<"created" | "exists">;
}

export interface Reminder {
  id: number;
  kind: "celebration" | "cards";
  holiday: boolean;
  name: string;
  dateKey: string;
  leadDays: number;
}

export interface RemindersForAdmin {
  active(): Promise<Reminder[]>;
  add(reminder: Omit<Reminder, "id"> & { createdBy: string }): Promise<Reminder>;
  setLeadDays(id: number, leadDays: number): Promise<boolean>;
  remove(id: number): Promise<boolean>;
}

export interface PrecedenceRank {
  id: number;
  rank: number;
  office: string;
}

export interface PrecedenceForAdmin {
  precedenceTable(): Promise<PrecedenceRank[]>;
  addRank(office: string, rank: number): Promise<PrecedenceRank>;
  removeRank(id: number): Promise<boolean>;
}

export interface SearchSynonym {
  id: number;
  term: string;
  synonym: string;
}

/** The search's synonyms (the clippings area keeps them; every register search reads them). */
export interface SynonymsForAdmin {
  listSynonyms(): Promise<SearchSynonym[]>;
  addSynonym(term: string, synonym: string, by: string): Promise<SearchSynonym & { added: boolean }>;
  removeSynonym(id: number): Promise<boolean>;
}

export interface CalendarForAdmin {
  dayInfo(date: string, locale?: LocaleCode): Promise<DayInfo>;
  setOverride(override: {
    date: string;
    kind: "holiday" | "working_day";
    name?: string;
    setBy: string;
  }): Promise<unknown>;
  clearOverride(date: string): Promise<unknown>;
  labourDay(year: number): Promise<LabourDay>;
  decideLabourDay(decision: { year: number; date: string | null; setBy: string; setAt: Date }): Promise<unknown>;
}

export interface AdminServiceDeps {
  roles: RolesForAdmin;
  locales: LocalesForAdmin;
  topics: TopicsForAdmin;
  departments: DepartmentsForAdmin;
  watchTerms: WatchTermsForAdmin;
  categories: CategoriesForAdmin;
  reminders: RemindersForAdmin;
  precedence: PrecedenceForAdmin;
  synonyms: SynonymsForAdmin;
  calendar: CalendarForAdmin;
  /** The job settings and runs the scheduler keeps (what an admin changes takes effect there). */
  jobRuns: JobRunStore;
  /** Every area's jobs (filled in by the composition root once every area is built). */
  jobs: readonly Job[];
  clock: Clock;
  timeZone: string;
}

export type ReminderChoice = "celebration" | "cards" | "holiday";

export function createAdminService(deps: AdminServiceDeps) {
  const { roles, clock } = deps;

  /** Runs `work` when the actor has `needed` (or a higher role); else the refusal. */
  async function as<T>(actor: string, needed: Role, work: () => Promise<T>): Promise<T | Refused> {
    if (!(await roles.hasRole(actor, needed))) return { status: "refused", needed };
    return work();
  }

  const findJob = (name: string) => deps.jobs.find((j) => j.name === name);

  return {
    roleHolders: (actor: string) =>
      as(actor, "admin", async () => ({ status: "listed" as const, holders: await roles.listRoleHolders() })),

    grantRole: (actor: string, target: string, role: Role) =>
      as(actor, "admin", async () => {
        await roles.grantRole({ slackUserId: target, role, grantedBy: actor });
        return { status: "granted" as const };
      }),

    /** Never the last admin's admin role, so the office cannot lock itself out. */
    revokeRole: (actor: string, target: string, role: Role) =>
      as(actor, "admin", async () => ({
        status: await roles.revokeRole({ slackUserId: target, role, revokedBy: actor }),
      })),

    /** Anyone sets their own language; another user's takes an admin. `null`: follow Slack again. */
    async setLanguage(actor: string, target: string, locale: LocaleCode | null) {
      const set = async () => {
        await deps.locales.setOverride(target, locale);
        return { status: "set" as const };
      };
      return target === actor ? set() : as(actor, "admin", set);
    },

    // The office's reference lists are the office's: staff read them, someone with no role does not.
    topics: (actor: string) =>
      as(actor, "staff", async () => ({ status: "listed" as const, topics: await deps.topics.listActiveTopics() })),

    addTopic: (actor: string, names: Named) =>
      as(actor, "manager", async () => {
        const topic = await deps.topics.addTopic(names);
        return { status: topic.created ? ("created" as const) : ("exists" as const), topic };
      }),

    departments: (actor: string) =>
      as(actor, "staff", async () => ({
        status: "listed" as const,
        departments: await deps.departments.listDepartments(),
      })),

    setDepartmentChannel: (actor: string, slug: string, channelId: string | null) =>
      as(actor, "admin", async () => {
        const department = (await deps.departments.listDepartments()).find((d) => d.slug === slug);
        if (!department) return { status: "unknown" as const };
        await deps.departments.setDepartmentChannel(slug, channelId);
        return { status: "set" as const, department };
      }),

    watchTerms: (actor: string) =>
      as(actor, "staff", async () => ({ status: "listed" as const, terms: await deps.watchTerms.listWatchTerms() })),

    addWatchTerm: (actor: string, term: string, channelId: string) =>
      as(actor, "manager", async () => {
        await deps.watchTerms.addWatchTerm({ term, channelId, by: actor });
        return { status: "added" as const };
      }),

    removeWatchTerm: (actor: string, term: string) =>
      as(actor, "manager", async () => ({
        status: (await deps.watchTerms.removeWatchTerm(term)) ? ("removed" as const) : ("unknown" as const),
      })),

    /** Every job with its setting in force (schedule, on or off, channel), last run and next. */
    jobs: (actor: string) =>
      as(actor, "admin", async () => ({
        status: "listed" as const,
        jobs: await jobOverview({ jobs: deps.jobs, store: deps.jobRuns, now: clock.now(), timeZone: deps.timeZone }),
      })),

    setJob: (actor: string, name: string, change: { enabled: boolean } | { channelId: string | null }) =>
      as(actor, "admin", async () => {
        if (!findJob(name)) return { status: "unknown" as const };
        await deps.jobRuns.updateSetting(name, { ...change, updatedBy: actor }, clock.now());
        return { status: "set" as const };
      }),

    /** Another time of day for a job, its days unchanged; `null` goes back to the job's own. */
    setJobTime: (actor: string, name: string, time: string | null) =>
      as(actor, "admin", async () => {
        const job = findJob(name);
        if (!job) return { status: "unknown" as const };
        const schedule = time === null ? null : scheduleAtTime(job.schedule, time);
        if (schedule === undefined) return { status: "bad_time" as const };
        await deps.jobRuns.updateSetting(name, { schedule, updatedBy: actor }, clock.now());
        return { status: "set" as const, schedule: schedule ?? job.schedule };
      }),

    categories: (actor: string) =>
      as(actor, "staff", async () => ({
        status: "listed" as const,
        categories: await deps.categories.listCategories(),
      })),

    addCategory: (actor: string, category: Category) =>
      as(actor, "manager", async () => ({ status: await deps.categories.addCategory(category) })),

    /** The active reminders, each with its day this year (when its rule can be read). */
    reminders: (actor: string) =>
      as(actor, "staff", async () => {
        const year = localYear(clock.now(), deps.timeZone);
        const reminders: { reminder: Reminder; date?: string }[] = (await deps.reminders.active()).map((reminder) => {
          const rule = parseRuleKey(reminder.dateKey);
          return rule ? { reminder, date: dateOf(rule, year) } : { reminder };
        });
        return { status: "listed" as const, reminders };
      }),

    addReminder: (
      actor: string,
      reminder: { choice: ReminderChoice; dateKey: string; leadDays: number; name: string },
    ) =>
      as(actor, "admin", async () => ({
        status: "added" as const,
        reminder: await deps.reminders.add({
          kind: reminder.choice === "cards" ? "cards" : "celebration",
          holiday: reminder.choice === "holiday",
          name: reminder.name,
          dateKey: reminder.dateKey,
          leadDays: reminder.leadDays,
          createdBy: actor,
        }),
      })),

    setReminderLead: (actor: string, id: number, leadDays: number) =>
      as(actor, "admin", async () => ({
        status: (await deps.reminders.setLeadDays(id, leadDays)) ? ("changed" as const) : ("unknown" as const),
      })),

    removeReminder: (actor: string, id: number) =>
      as(actor, "admin", async () => ({
        status: (await deps.reminders.remove(id)) ? ("changed" as const) : ("unknown" as const),
      })),

    precedence: (actor: string) =>
      as(actor, "staff", async () => ({ status: "listed" as const, ranks: await deps.precedence.precedenceTable() })),

    addRank: (actor: string, office: string, rank: number) =>
      as(actor, "manager", async () => ({
        status: "added" as const,
        row: await deps.precedence.addRank(office, rank),
      })),

    removeRank: (actor: string, id: number) =>
      as(actor, "manager", async () => ({
        status: (await deps.precedence.removeRank(id)) ? ("removed" as const) : ("unknown" as const),
      })),

    synonyms: (actor: string) =>
      as(actor, "staff", async () => ({ status: "listed" as const, synonyms: await deps.synonyms.listSynonyms() })),

    addSynonym: (actor: string, term: string, synonym: string) =>
      as(actor, "manager", async () => {
        const row = await deps.synonyms.addSynonym(term, synonym, actor);
        return { status: row.added ? ("added" as const) : ("exists" as const), row };
      }),

    removeSynonym: (actor: string, id: number) =>
      as(actor, "manager", async () => ({
        status: (await deps.synonyms.removeSynonym(id)) ? ("removed" as const) : ("unknown" as const),
      })),

    day: (actor: string, date: string, locale: LocaleCode) =>
      as(actor, "staff", async () => ({ status: "shown" as const, day: await deps.calendar.dayInfo(date, locale) })),

    /** An admin's correction of the calendar (a moved holiday, a working day); `clear` undoes it. */
    correctDay: (
      actor: string,
      correction: { date: string; day: "holiday" | "working_day"; name?: string } | { date: string; clear: true },
      locale: LocaleCode,
    ) =>
      as(actor, "admin", async () => {
        if ("clear" in correction) await deps.calendar.clearOverride(correction.date);
        else
          await deps.calendar.setOverride({
            date: correction.date,
            kind: correction.day,
            name: correction.name,
            setBy: actor,
          });
        return { status: "corrected" as const, day: await deps.calendar.dayInfo(correction.date, locale) };
      }),

    /** Where Labour Day is kept in `year`, and whether that is the expected move or the decision. */
    labourDay: (actor: string, year: number, locale: LocaleCode) =>
      as(actor, "staff", async () => {
        const labour = await deps.calendar.labourDay(year);
        return { status: "shown" as const, year, labour, day: await deps.calendar.dayInfo(labour.date, locale) };
      }),

    /**
     * The published decision on Labour Day in one command: `confirm` the expected day, give the
     * day the decision names, or `clear` the record (the expected move applies again).
     */
    decideLabourDay: (
      actor: string,
      year: number,
      decision: "confirm" | "clear" | { date: string },
      locale: LocaleCode,
    ) =>
      as(actor, "admin", async () => {
        const date =
          decision === "clear"
            ? null
            : decision === "confirm"
              ? (await deps.calendar.labourDay(year)).date
              : decision.date;
        await deps.calendar.decideLabourDay({ year, date, setBy: actor, setAt: clock.now() });
        const labour = await deps.calendar.labourDay(year);
        return { status: "decided" as const, year, labour, day: await deps.calendar.dayInfo(labour.date, locale) };
      }),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
export type { JobOverview };

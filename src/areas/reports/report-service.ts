// The period reports' use cases: who may have one (managers and readers), who may send one to
// someone else (managers, to a reader), and the report itself: every area's section for the
// period, in the reader's language. Returns data; the render module makes the files.
import { type Period, type PeriodError, parsePeriod } from "../../calendar/period.js";
import type { LocaleCode } from "../../i18n/index.js";
import { type Clock, formatDayMonthYear, localDate } from "../../lib/clock.js";
import type { Role } from "../users/roles.js";
import type { ReportDocument } from "./report-render.js";
import { buildReportSection, type ReportSource } from "./report-source.js";

/** The order sections are printed in; an area not named here comes after them, in its own order. */
const ORDER = [
  "clippings",
  "events",
  "sponsors",
  "translations",
  "correspondence",
  "agreements",
  "networks",
  "contacts",
];

export interface ReportRoles {
  hasRole(slackUserId: string, role: Role): Promise<boolean>;
  rolesOf(slackUserId: string): Promise<Role[]>;
}

export type ReportRefusal =
  | { status: "refused"; reason: "not_reader" }
  | { status: "refused"; reason: "not_manager" }
  | { status: "refused"; reason: "recipient_not_reader"; recipient: string };

/** What a report was asked for, once the right was checked: only `prepare` makes one. */
export interface PreparedReport {
  status: "prepared";
  period: Period;
  /** Who gets it: the requester, or the reader a manager sends it to. */
  recipient: string;
  requestedBy: string;
}

export type PrepareOutcome = PreparedReport | ReportRefusal | { status: "bad_period"; error: PeriodError };

export function createReportService(deps: {
  roles: ReportRoles;
  /** Every area's report sources (filled in by the composition root). */
  sources: readonly ReportSource[];
  clock: Clock;
  timeZone: string;
  /** The municipality's name for the cover; unset: the word alone. */
  municipality?: string;
}) {
  const { roles, clock, timeZone } = deps;
  const prepared = new WeakSet<PreparedReport>();
  const ordered = () =>
    [...deps.sources].sort((a, b) => rank(a.id) - rank(b.id) || deps.sources.indexOf(a) - deps.sources.indexOf(b));
  const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);

  return {
    /**
     * Checks the right and reads the period: a manager or a reader for themselves; a manager to a
     * reader (someone holding the reader role).
     */
    async prepare(options: { actor: string; periodText: string; recipient?: string }): Promise<PrepareOutcome> {
      const { actor, recipient } = options;
      if (!(await roles.hasRole(actor, "reader"))) return { status: "refused", reason: "not_reader" };
      if (recipient !== undefined && recipient !== actor) {
        if (!(await roles.hasRole(actor, "manager"))) return { status: "refused", reason: "not_manager" };
        if (!(await roles.rolesOf(recipient)).includes("reader"))
          return { status: "refused", reason: "recipient_not_reader", recipient };
      }
      const parsed = parsePeriod(options.periodText, { today: localDate(clock.now(), timeZone), timeZone });
      if (!parsed.ok) return { status: "bad_period", error: parsed.error };
      const report: PreparedReport = {
        status: "prepared",
        period: parsed.period,
        recipient: recipient ?? actor,
        requestedBy: actor,
      };
      prepared.add(report);
      return report;
    },

    /** The report's data, every area's section in the recipient's language. */
    async build(report: PreparedReport, locale: LocaleCode, texts: { municipality: string }): Promise<ReportDocument> {
      if (!prepared.has(report)) throw new Error("a report is built only from what prepare() allowed");
      const now = clock.now();
      const today = localDate(now, timeZone);
      const window = { period: report.period, locale, timeZone, today, now };
      const sections = [];
      // One after the other: the embedded database runs one statement at a time anyway.
      for (const source of ordered()) sections.push(await buildReportSection(source, window));
      return {
        locale,
        municipality: deps.municipality ?? texts.municipality,
        period: { key: report.period.key, label: report.period.label[locale] },
        madeOn: formatDayMonthYear(today),
        sections,
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;

// The coverage report's use cases: the report for a period (managers only: the service checks it),
// the Monday report's subscribers (each manager asks for it; none by default), and the record of
// each Monday report sent. Returns data; coverage-render.ts makes the files.
import { type Period, type PeriodError, parsePeriod } from "../../calendar/period.js";
import { localDate, shiftDate } from "../../lib/clock.js";
import type { DomainDeps } from "../deps.js";
import type { RoleCheck } from "./clipping-service.js";
import { type CoverageFigures, coverageFigures } from "./coverage-figures.js";
import { createCoverageStore } from "./coverage-store.js";
import { createClippingStore } from "./store.js";

export type CoverageOutcome =
  | { status: "ready"; period: Period; figures: CoverageFigures; today: string }
  | { status: "refused"; reason: "not_manager" }
  | { status: "bad_period"; error: PeriodError };

export type SubscriptionOutcome =
  | { status: "on" | "off" | "already_on" | "already_off" }
  | { status: "refused"; reason: "not_manager" };

export function createCoverageService({ prisma, clock, timeZone, roles }: DomainDeps & { roles: RoleCheck }) {
  const clippings = createClippingStore({ prisma, clock });
  const store = createCoverageStore(prisma);
  const today = () => localDate(clock.now(), timeZone);

  /** The figures for the period's days: the same rows `/clip export` gives for them. */
  async function figuresFor(period: Pick<Period, "from" | "to">, day: string): Promise<CoverageFigures> {
    const [rows, replies] = await Promise.all([
      clippings.clippingsPublishedBetween(period.from, period.to),
      clippings.repliesOfPublishedBetween(period.from, period.to),
    ]);
    return coverageFigures({ clippings: rows, replies }, { from: period.from, to: period.to, today: day, timeZone });
  }

  return {
    /** `/clip report <period>`: a month, a quarter, a year or two days, as `/report` reads them. */
    async report(actor: string, periodText: string): Promise<CoverageOutcome> {
      if (!(await roles.hasRole(actor, "manager"))) return { status: "refused", reason: "not_manager" };
      const day = today();
      const parsed = parsePeriod(periodText, { today: day, timeZone });
      if (!parsed.ok) return { status: "bad_period", error: parsed.error };
      return { status: "ready", period: parsed.period, figures: await figuresFor(parsed.period, day), today: day };
    },

    /** A manager asks for (or stops) the Monday report for themselves. */
    async setWeekly(actor: string, on: boolean): Promise<SubscriptionOutcome> {
      if (!(await roles.hasRole(actor, "manager"))) return { status: "refused", reason: "not_manager" };
      if (on) return { status: (await store.subscribe(actor, clock.now())) ? "on" : "already_on" };
      return { status: (await store.unsubscribe(actor)) ? "off" : "already_off" };
    },

    /**
     * The Monday report of the week before `monday` (Monday to Sunday), for the subscribers who
     * are still managers (a manager who lost the role gets nothing, and is not asked again).
     */
    async weekly(monday: string) {
      const from = shiftDate(monday, -7);
      const period = parsePeriod(`${from} ${shiftDate(monday, -1)}`, { today: monday, timeZone });
      if (!period.ok) throw new Error(`the week before ${monday} is not a period`);
      const subscribed = await store.subscribers();
      const managers = [];
      for (const id of subscribed) if (await roles.hasRole(id, "manager")) managers.push(id);
      return { period: period.period, managers, figures: await figuresFor(period.period, monday) };
    },

    deliveries: {
      state: (key: string) => store.delivery(key),
      claim: (key: string) => store.claim(key, clock.now()),
      markSent: (key: string) => store.markSent(key, clock.now()),
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;

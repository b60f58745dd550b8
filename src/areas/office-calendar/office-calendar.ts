// The office's working calendar as the areas and the scheduler use it: the pure rules of
// src/calendar/working-days.ts, over the admins' corrections and the local holidays loaded from the
// store at each question (a correction counts at once, with no cache to forget).

import {
  type CalendarFacts,
  dayInfo,
  type HolidayMove,
  type LabourDay,
  labourDay,
  nextWorkingDay,
  previousWorkingDay,
  publicHolidays,
  SEARCH_DAYS,
  type WorkingCalendar,
} from "../../calendar/working-days.js";
import { shiftDate } from "../../lib/clock.js";
import type { CalendarStore } from "./calendar-store.js";

export interface OfficeCalendar extends WorkingCalendar {
  setOverride(options: { date: string; kind: "holiday" | "working_day"; name?: string; setBy: string }): Promise<void>;
  clearOverride(date: string): Promise<void>;
  /** Where Labour Day is kept in `year`: the expected move, or the decision an admin recorded. */
  labourDay(year: number): Promise<LabourDay>;
  /** Records the published decision (the day it is kept); `null` forgets it (the expected move again). */
  decideLabourDay(options: { year: number; date: string | null; setBy: string; setAt: Date }): Promise<void>;
}

export function createOfficeCalendar({
  store,
}: {
  store: Pick<
    CalendarStore,
    | "overridesBetween"
    | "localHolidays"
    | "saveOverride"
    | "deleteOverride"
    | "holidayMoves"
    | "saveHolidayMove"
    | "deleteHolidayMove"
  >;
}): OfficeCalendar {
  /** The facts for `date` and the days around it that a search for a working day may reach. */
  async function factsAround(date: string, before: number, after: number): Promise<CalendarFacts> {
    const from = shiftDate(date, -before);
    const to = shiftDate(date, after);
    const [overrides, localHolidays, holidayMoves] = await Promise.all([
      store.overridesBetween(from, to),
      store.localHolidays(),
      store.holidayMoves(Number(from.slice(0, 4)), Number(to.slice(0, 4))),
    ]);
    return { overrides, localHolidays, holidayMoves };
  }

  return {
    async dayInfo(date, locale = "el") {
      return dayInfo(date, await factsAround(date, 0, 0), locale);
    },
    async isWorkingDay(date) {
      return dayInfo(date, await factsAround(date, 0, 0)).working;
    },
    async previousWorkingDay(date) {
      return previousWorkingDay(date, await factsAround(date, SEARCH_DAYS, 0));
    },
    async nextWorkingDay(date) {
      return nextWorkingDay(date, await factsAround(date, 0, SEARCH_DAYS));
    },
    publicHolidays,
    setOverride: (options) => store.saveOverride(options),
    clearOverride: (date) => store.deleteOverride(date),
    async labourDay(year) {
      return labourDay(year, await store.holidayMoves(year, year));
    },
    async decideLabourDay({ year, date, setBy, setAt }) {
      const holiday: HolidayMove["holiday"] = "labour_day";
      if (date === null) await store.deleteHolidayMove(year, holiday);
      else await store.saveHolidayMove({ year, holiday, date, setBy, setAt });
    },
  };
}

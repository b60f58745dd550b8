// The office's working calendar as the areas and the scheduler use it: the pure rules of
// src/calendar/working-days.ts, over the admins' corrections and the local holidays loaded from the
// store at each question (a correction counts at once, with no cache to forget).

import {
  type CalendarFacts,
  dayInfo,
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
}

export function createOfficeCalendar({
  store,
}: {
  store: Pick<CalendarStore, "overridesBetween" | "localHolidays" | "saveOverride" | "deleteOverride">;
}): OfficeCalendar {
  /** The facts for `date` and the days around it that a search for a working day may reach. */
  async function factsAround(date: string, before: number, after: number): Promise<CalendarFacts> {
    const [overrides, localHolidays] = await Promise.all([
      store.overridesBetween(shiftDate(date, -before), shiftDate(date, after)),
      store.localHolidays(),
    ]);
    return { overrides, localHolidays };
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
  };
}

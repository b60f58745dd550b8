// @deprecated: moved to src/calendar/namedays/describe.ts; kept for the admin area's import until it changes.
export { dayAndMonth, describeNameDay, weekdayAndDate } from "../../calendar/namedays/describe.js";

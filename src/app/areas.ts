// Every area of Grafeio, one line each. Adding an area: its folder under src/areas with an
// index.ts exporting an Area, and one line here.
import { adminArea } from "../areas/admin/index.js";
import type { Area } from "../areas/area.js";
import { clippingsArea } from "../areas/clippings/index.js";
import { contactsArea } from "../areas/contacts/index.js";
import { correspondenceArea } from "../areas/correspondence/index.js";
import { digestArea } from "../areas/digest/index.js";
import { eventsArea } from "../areas/events/index.js";
import { officeCalendarArea } from "../areas/office-calendar/index.js";
import { sponsorsArea } from "../areas/sponsors/index.js";
import { translationsArea } from "../areas/translations/index.js";

export const areas: readonly Area[] = [
  digestArea,
  clippingsArea,
  contactsArea,
  officeCalendarArea,
  translationsArea,
  correspondenceArea,
  sponsorsArea,
  eventsArea,
  adminArea,
];

/** Every scheduled job, area by area. */
export const allJobs = areas.flatMap((area) => area.jobs);

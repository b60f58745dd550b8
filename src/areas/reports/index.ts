// The reports area: `/report <period> [@reader]`, the activity report of every area for a period,
// as PDF and DOCX. It owns no table: each area offers its section through `reportSections`
// (report-source.ts), and this area checks who may have a report, collects the sections and renders
// them.
//   Slack: /report; the users' menu report_send_reader (a manager sends their report to a reader).
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { reportTextsOf } from "./messages.js";
import { createReportService, type ReportRoles } from "./report-service.js";
import type { ReportSource } from "./report-source.js";
import { REPORT_COMMAND, registerReportCommand, registerSendToReaderMenu } from "./slack/report-command.js";

export interface ReportsAreaDeps {
  kit: SlackKit;
  /** Who is a manager and who a reader (the users area). */
  roles: ReportRoles;
  /** Every area's report sources (filled in by the composition root once every area is built). */
  sources: readonly ReportSource[];
  clock: Clock;
  timeZone: string;
  municipality?: string;
}

export function createReportsArea(deps: ReportsAreaDeps): Area {
  // Built here rather than among the services: its sources are the areas', which exist only now.
  const reports = createReportService(deps);
  const listeners = { kit: deps.kit, reports };
  return {
    name: "reports",
    register(app) {
      registerReportCommand(app, listeners); // /report
      registerSendToReaderMenu(app, listeners); // action report_send_reader (users' menu)
    },
    jobs: [],
    commands: [{ name: REPORT_COMMAND, role: "anyone", summary: (t) => reportTextsOf(t).summary }],
  };
}

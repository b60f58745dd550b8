// The admin area: `/grafeio`, the office's settings (languages, roles, topics, jobs, calendar
// corrections, reminders, watch terms, departments, categories, precedence). No jobs of its own.
import type { Messages } from "../../i18n/index.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area, CommandInfo, GrafeioSubCommand } from "../area.js";
import { type AdminServiceDeps, createAdminService } from "./service.js";
import { register } from "./slack/listeners.js";

export interface AdminAreaDeps extends AdminServiceDeps {
  kit: SlackKit;
  /** Every area's commands, for `/grafeio help` (filled in by the composition root). */
  commands: readonly CommandInfo[];
  /** The other areas' `/grafeio` sub-commands (filled in by the composition root). */
  subCommands?: readonly GrafeioSubCommand[];
}

export const grafeioCommand: CommandInfo = {
  name: "/grafeio",
  role: "anyone",
  summary: (t: Messages) => t.admin.summary,
};

export function createAdminArea(deps: AdminAreaDeps): Area {
  const service = createAdminService(deps);
  return {
    name: "admin",
    // Slack: the command /grafeio.
    register: (app) =>
      register(app, {
        kit: deps.kit,
        service,
        timeZone: deps.timeZone,
        commands: () => deps.commands,
        areaSubCommands: () => deps.subCommands ?? [],
      }),
    jobs: [],
    commands: [grafeioCommand],
  };
}

// What an area hands the composition root: its Slack listeners and its scheduled jobs. An area's
// index.ts builds one of these and reads as its map of Slack ids; src/app/areas.ts lists them.
import type { App } from "@slack/bolt";
import type { LocaleCode, Messages } from "../i18n/index.js";
import type { Job } from "../scheduling/job.js";
import type { UserView } from "../slack/listener.js";
import type { DigestSection } from "./digest/digest-section.js";
import type { HomeSource } from "./home/home-source.js";
import type { ReportSource } from "./reports/report-source.js";
import type { Role } from "./users/roles.js";

export interface Area {
  /** The folder's name under src/areas. */
  name: string;
  /** Registers the area's listeners on the Bolt app. */
  register(app: App): void;
  /** The area's scheduled jobs, in the order `/grafeio jobs` lists them. */
  jobs: readonly Job[];
  /** What the area adds to the managers' morning digest, in the digest's order. */
  digestSections?: readonly DigestSection[];
  /** What the area adds to the period reports (`/report`): its section's data, in the reports' order. */
  reportSections?: readonly ReportSource[];
  /** What the area adds to each person's Home tab: their open items, today's notices, its forms. */
  homeSources?: readonly HomeSource[];
  /** The area's slash commands, for `/grafeio help`. */
  commands?: readonly CommandInfo[];
  /** What the area adds to `/grafeio` (`/grafeio feed …`), listed in its help. */
  grafeioSubCommands?: readonly GrafeioSubCommand[];
}

/**
 * A `/grafeio` sub-command an area contributes: its first word, its help lines, and its work (the
 * area's service checks the actor's role, as the admin area's own sub-commands do).
 */
export interface GrafeioSubCommand {
  /** The first word after /grafeio: `feed`. */
  verb: string;
  /** Who it is for, as the help marks it. */
  audience: Role | "anyone";
  lines(locale: LocaleCode): readonly string[];
  /** The words after the verb → the answer, in mrkdwn. */
  handle(user: UserView, args: readonly string[]): Promise<string>;
}

export interface CommandInfo {
  /** `/sponsor` */
  name: string;
  /** Who may use it ("anyone": no role needed, the service checks each use). */
  role: Role | "anyone";
  /** One line: what the command is for, in the reader's language. */
  summary(t: Messages): string;
}

// What an area hands the composition root: its Slack listeners and its scheduled jobs. An area's
// index.ts builds one of these and reads as its map of Slack ids; src/app/areas.ts lists them.
import type { App } from "@slack/bolt";
import type { Job } from "../scheduling/job.js";

export interface Area {
  /** The folder's name under src/areas. */
  name: string;
  /** Registers the area's listeners on the Bolt app. */
  register(app: App): void;
  /** The area's scheduled jobs, in the order `/grafeio jobs` lists them. */
  jobs: readonly Job[];
}

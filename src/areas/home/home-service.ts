// A person's Home as data: their open items from every area (sorted: overdue, today, this week,
// later), what the office has today and this week, the areas' forms; for managers the digest's
// sections, for admins the jobs' health. Only staff have a Home of items: anyone else gets the
// refusal, as a value the view renders.

import type { LocaleCode } from "../../i18n/index.js";
import type { Clock } from "../../lib/clock.js";
import { localDate, shiftDate } from "../../lib/clock.js";
import { wallTime } from "../../scheduling/cron.js";
import { buildSection, type DigestSection, type DigestSectionContent } from "../digest/digest-section.js";
import type { Role } from "../users/roles.js";
import { sortItems } from "./home-rules.js";
import type { HomeForm, HomeItem, HomeSource, HomeWindow } from "./home-source.js";

/** What the admins see of the jobs and channels (built by the composition root from the scheduler's store). */
export interface JobsHealth {
  /** Jobs with occurrences that failed for good since `since`, and how many. */
  failedSince(since: Date): Promise<{ job: string; failed: number }[]>;
  /** Channels the bot was refused in (not a member, archived, not found), and why. */
  channelProblems(): Promise<{ channel: string; reason: string }[]>;
  /** The office's channel settings that are not set (PR_CHANNEL_ID…). */
  unsetChannels(): string[];
}

export interface HomeServiceDeps {
  sources: readonly HomeSource[];
  /** The managers' digest, as every area offers it. */
  digestSections: readonly DigestSection[];
  roles: { hasRole(slackUserId: string, role: Role): Promise<boolean> };
  calendar: { previousWorkingDay(date: string): Promise<string> };
  health: JobsHealth;
  clock: Clock;
  timeZone: string;
}

export interface HomeData {
  status: "home";
  today: string;
  weekEnd: string;
  items: HomeItem[];
  notices: { title: string; lines: string[] }[];
  forms: HomeForm[];
  digest?: DigestSectionContent[];
  health?: {
    failed: { job: string; failed: number }[];
    problems: { channel: string; reason: string }[];
    unset: string[];
  };
}

export type HomeAnswer = HomeData | { status: "refused" };

const DIGEST_HOUR = 8;
const HEALTH_DAYS = 7;

export function createHomeService(deps: HomeServiceDeps) {
  const { clock, timeZone } = deps;

  async function collect(window: HomeWindow) {
    const parts = await Promise.all(
      deps.sources.map(async (s) => {
        try {
          return await s.collect(window);
        } catch (error) {
          // One area's failure leaves the rest of the Home standing.
          return { failed: s.id, error };
        }
      }),
    );
    return parts;
  }

  return {
    async homeOf(actor: string, locale: LocaleCode): Promise<HomeAnswer> {
      if (!(await deps.roles.hasRole(actor, "staff"))) return { status: "refused" };
      const now = clock.now();
      const today = localDate(now, timeZone);
      const weekEnd = shiftDate(today, 6);
      const window: HomeWindow = { actor, today, weekEnd, timeZone, locale };
      const items: HomeItem[] = [];
      const notices: { title: string; lines: string[]; order: number }[] = [];
      const forms: HomeForm[] = [];
      const failures: unknown[] = [];
      for (const part of await collect(window)) {
        if (part === null) continue;
        if ("failed" in part) {
          failures.push(part.error);
          continue;
        }
        items.push(...(part.items ?? []));
        if (part.notice) notices.push(part.notice);
        forms.push(...(part.forms ?? []));
      }
      if (failures.length > 0 && items.length === 0 && notices.length === 0) throw failures[0];
      notices.sort((a, b) => a.order - b.order);
      const data: HomeData = {
        status: "home",
        today,
        weekEnd,
        items: sortItems(items, today, weekEnd),
        notices: notices.map(({ title, lines }) => ({ title, lines })),
        forms,
      };
      if (await deps.roles.hasRole(actor, "manager")) {
        const previous = await deps.calendar.previousWorkingDay(today);
        const digestWindow = {
          date: today,
          since: wallTime(previous, DIGEST_HOUR, 0, timeZone),
          until: now,
          timeZone,
          locale,
        };
        const sections = await Promise.all(deps.digestSections.map((s) => buildSection(s, digestWindow)));
        data.digest = sections.filter((c): c is DigestSectionContent => c !== null);
      }
      if (await deps.roles.hasRole(actor, "admin")) {
        const since = new Date(now.getTime() - HEALTH_DAYS * 24 * 3600_000);
        data.health = {
          failed: await deps.health.failedSince(since),
          problems: await deps.health.channelProblems(),
          unset: deps.health.unsetChannels(),
        };
      }
      return data;
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;

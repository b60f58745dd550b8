// The press intake's use cases. Admins manage the feeds (each use takes the actor and checks the
// role here); the job collects new items (fetch, parse, normalise, match, never twice) and posts
// what is proposed; staff decide each proposal (irrelevant, already in the register).

import { type Clock, formatLocalTime, shiftDate } from "../../lib/clock.js";
import type { FetchOutcome, SafeFetcher } from "../../lib/safe-fetch.js";
import { wallTime } from "../../scheduling/cron.js";
import type { Role } from "../users/roles.js";
import { type FeedEntry, parseNewsFeed } from "./feed-parse.js";
import { mostSimilar, titleWords } from "./near-duplicate.js";
import { articleKey, normaliseArticleUrl } from "./normalise.js";
import { outletOf, outletOfItem } from "./outlets.js";
import {
  backoffMs,
  DEFAULT_INTAKE_EVERY,
  excerptOf,
  inQuietHours,
  intakeSchedule,
  isTimeOfDay,
  PRESS_INTAKE_JOB,
  shouldReportFailure,
} from "./rules.js";
import type { FeedRecord, ItemRecord, NewItem, PressIntakeStore } from "./store.js";

/** Who reviews the proposals, for their Home: staff who decided one within this many days. */
export const REVIEWER_DAYS = 90;

export interface Refused {
  status: "refused";
  needed: Role;
}

/** What the intake asks of the register (the clippings area's intake lookups). */
export interface RegisterForIntake {
  termsMatching(texts: readonly string[], terms: readonly string[]): Promise<string[][]>;
  registeredLinks(urlKeys: readonly string[]): Promise<{ urlKey: string; clippingId: number; createdBy: string }[]>;
  clippingById(id: number): Promise<{ id: number; registerNumber: string; title: string } | null>;
  /** The clippings to choose from for «Υπάρχει ήδη»: a register number, or words searched the register's way. */
  findClippings(
    text: string,
  ): Promise<{ id: number; registerNumber: string; title: string; outlet?: string; publishedOn?: string }[]>;
}

/** What the office watches: the watch list's terms and the topics' names. */
export interface WatchedWords {
  listWatchTerms(): Promise<readonly { term: string }[]>;
  listActiveTopics(): Promise<readonly { nameEl: string; nameEn: string }[]>;
}

export interface PressIntakeDeps {
  store: PressIntakeStore;
  clock: Clock;
  timeZone: string;
  roles: { hasRole(slackUserId: string, role: Role): Promise<boolean> };
  fetcher: Pick<SafeFetcher, "fetchText">;
  register: RegisterForIntake;
  watched: WatchedWords;
  /** The scheduler's setting of the intake job (its schedule in force), for `feed every`. */
  schedule: JobScheduleSetting;
}

/** What the intake changes of the scheduler: its own job's schedule, recorded with who. */
export interface JobScheduleSetting {
  updateSetting(jobName: string, change: { schedule: string | null; updatedBy: string }, now: Date): Promise<unknown>;
}

/** Feeds fetched at once, each host one request at a time (politeness: a limit per host). */
export const HOSTS_AT_ONCE = 4;
/** How far back a title counts for the near-duplicate rule. */
const NEAR_DUPLICATE_DAYS = 3;
const ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

export interface FeedFailure {
  feed: FeedRecord;
  error: string;
}

export interface CollectResult {
  fetched: number;
  notModified: number;
  failed: number;
  /** Items proposed (new, matching, not seen before, no near duplicate). */
  proposed: number;
  /** Items kept only as duplicates of one proposed before (a near-identical title). */
  duplicates: number;
  /** Feeds that just reached the failures after which the admins are told (once). */
  toReport: FeedFailure[];
}

const refused = (needed: Role): Refused => ({ status: "refused", needed });

export function createPressIntakeService(deps: PressIntakeDeps) {
  const { store, clock, roles } = deps;
  const isAdmin = (actor: string) => roles.hasRole(actor, "admin");
  const isStaff = (actor: string) => roles.hasRole(actor, "staff");

  async function watchedTerms(): Promise<string[]> {
    const [terms, topics] = await Promise.all([deps.watched.listWatchTerms(), deps.watched.listActiveTopics()]);
    const words = [...terms.map((t) => t.term), ...topics.flatMap((t) => [t.nameEl, t.nameEn])];
    return [...new Set(words.map((w) => w.trim()).filter(Boolean))];
  }

  /** One feed's answer → new items stored (proposed, or duplicates of a near-identical title). */
  async function takeEntries(
    feed: FeedRecord,
    entries: readonly FeedEntry[],
    terms: readonly string[],
    now: Date,
  ): Promise<{ proposed: number; duplicates: number }> {
    const extraOutlets = await store.outlets();
    // Normalised, one per article (a feed listing an article twice counts it once).
    const byKey = new Map<string, FeedEntry & { url: URL; key: string }>();
    for (const entry of entries) {
      const url = normaliseArticleUrl(entry.link);
      if (!url) continue;
      const key = articleKey(url);
      if (!byKey.has(key)) byKey.set(key, { ...entry, url, key });
    }
    const keys = [...byKey.keys()];
    const [known, registered] = await Promise.all([store.knownUrlKeys(keys), deps.register.registeredLinks(keys)]);
    const inRegister = new Set(registered.map((r) => r.urlKey));
    const fresh = [...byKey.values()].filter((e) => !known.has(e.key) && !inRegister.has(e.key));
    if (fresh.length === 0) return { proposed: 0, duplicates: 0 };
    const matches = await deps.register.termsMatching(
      fresh.map((e) => `${e.title} ${e.summary}`),
      terms,
    );
    const since = new Date(now.getTime() - NEAR_DUPLICATE_DAYS * 86400_000);
    const earlier = (await store.recentTitles(since)).map((r) => ({ ...r, words: r.titleWords.split(" ") }));
    const rows: NewItem[] = [];
    fresh.forEach((entry, i) => {
      const matched = matches[i] ?? [];
      if (matched.length === 0) return;
      const words = titleWords(entry.title);
      // Another feed's near-identical title, proposed before (or earlier in this very run).
      const similar = mostSimilar(
        words,
        earlier.filter((e) => e.feedId !== feed.id),
      );
      const row: NewItem = {
        feedId: feed.id,
        urlKey: entry.key,
        url: entry.url.toString(),
        title: entry.title.slice(0, 300),
        titleWords: words.join(" "),
        outlet: outletOfItem(entry.url, entry.source, extraOutlets).slice(0, 100),
        publishedAt: entry.published,
        excerpt: excerptOf(entry.summary),
        matchedTerms: matched,
        status: similar ? "duplicate" : "proposed",
        similarToId: similar?.item.id ?? null,
        channelId: feed.channelId,
        createdAt: now,
      };
      rows.push(row);
    });
    // Feeds of one run are stored one after another (collect), so the next feed sees these.
    await store.insertItems(rows);
    return {
      proposed: rows.filter((r) => r.status === "proposed").length,
      duplicates: rows.filter((r) => r.status === "duplicate").length,
    };
  }

  async function fetchFeed(feed: FeedRecord): Promise<FetchOutcome> {
    return deps.fetcher.fetchText({ url: feed.url, accept: ACCEPT, etag: feed.etag, lastModified: feed.lastModified });
  }

  return {
    // ---- admins: the feeds
    async addFeed(actor: string, url: string, channelId: string | null) {
      if (!(await isAdmin(actor))) return refused("admin");
      const parsed = normaliseFeedUrl(url);
      if (!parsed) return { status: "bad_url" as const };
      const { created, feed } = await store.addFeed({ url: parsed, channelId, by: actor });
      return { status: created ? ("added" as const) : ("exists" as const), feed };
    },
    async listFeeds(actor: string) {
      if (!(await isAdmin(actor))) return refused("admin");
      return { status: "ok" as const, feeds: await store.listFeeds() };
    },
    async setPaused(actor: string, id: number, paused: boolean) {
      if (!(await isAdmin(actor))) return refused("admin");
      return { status: (await store.setPaused(id, paused)) ? ("changed" as const) : ("unknown" as const) };
    },
    async removeFeed(actor: string, id: number) {
      if (!(await isAdmin(actor))) return refused("admin");
      return { status: (await store.removeFeed(id)) ? ("changed" as const) : ("unknown" as const) };
    },
    async addOutlet(actor: string, host: string, name: string) {
      if (!(await isAdmin(actor))) return refused("admin");
      const bare = host
        .toLowerCase()
        .replace(/^https?:\/\//, "")
        .replace(/\/.*$/, "")
        .replace(/^www\./, "");
      if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(bare) || !name.trim()) return { status: "bad_outlet" as const };
      await store.addOutlet({ host: bare, name: name.trim().slice(0, 100), by: actor });
      return { status: "changed" as const, host: bare };
    },
    async setQuietHours(actor: string, from: string, to: string) {
      if (!(await isAdmin(actor))) return refused("admin");
      if (!isTimeOfDay(from) || !isTimeOfDay(to)) return { status: "bad_time" as const };
      await store.saveSettings({ quietFrom: from, quietTo: to, by: actor });
      return { status: "changed" as const };
    },
    /** How often the feeds are read (every 5, 10, 15, 20, 30 or 60 minutes): the job's schedule. */
    async setFrequency(actor: string, minutes: number) {
      if (!(await isAdmin(actor))) return refused("admin");
      const schedule = intakeSchedule(minutes);
      if (schedule === undefined) return { status: "bad_minutes" as const };
      // The job's own schedule is kept as no setting at all, so that a later default applies.
      await deps.schedule.updateSetting(
        PRESS_INTAKE_JOB,
        { schedule: minutes === DEFAULT_INTAKE_EVERY ? null : schedule, updatedBy: actor },
        clock.now(),
      );
      return { status: "changed" as const, minutes };
    },
    async setBurst(actor: string, perHour: number) {
      if (!(await isAdmin(actor))) return refused("admin");
      if (!Number.isInteger(perHour) || perHour < 1 || perHour > 100) return { status: "bad_number" as const };
      await store.saveSettings({ burstPerHour: perHour, by: actor });
      return { status: "changed" as const };
    },
    settings: () => store.settings(),
    /** The outlet an article's host is: the office's entries, then the Greek outlets' table (the clipping form's link). */
    async outletOfHost(host: string): Promise<string> {
      return outletOf(host, await store.outlets());
    },

    // ---- the job
    /** Fetches every due feed (each host one at a time, a few hosts at once) and stores new items. */
    async collect(now: Date): Promise<CollectResult> {
      const result: CollectResult = { fetched: 0, notModified: 0, failed: 0, proposed: 0, duplicates: 0, toReport: [] };
      const feeds = await store.dueFeeds(now);
      if (feeds.length === 0) return result;
      const terms = await watchedTerms();
      const byHost = new Map<string, FeedRecord[]>();
      for (const feed of feeds) {
        const host = safeHost(feed.url);
        byHost.set(host, [...(byHost.get(host) ?? []), feed]);
      }
      const queues = [...byHost.values()];
      // The items of one run are stored one feed at a time, so that the near-duplicate rule sees
      // what an earlier feed of the same run brought (fetches overlap; storing does not).
      let storing: Promise<unknown> = Promise.resolve();
      const worker = async () => {
        for (let queue = queues.shift(); queue; queue = queues.shift())
          for (const feed of queue) {
            const outcome = await fetchFeed(feed);
            const done = storing.then(() => settle(feed, outcome));
            storing = done.catch(() => {});
            await done;
          }
      };
      const settle = async (feed: FeedRecord, outcome: FetchOutcome) => {
        if (outcome.ok) {
          const parsed = outcome.notModified ? null : parseNewsFeed(outcome.text);
          if (parsed && !parsed.ok) return failed(feed, `not a feed (${parsed.error})`);
          if (outcome.notModified) result.notModified++;
          else result.fetched++;
          if (parsed?.ok) {
            const taken = await takeEntries(feed, parsed.entries, terms, now);
            result.proposed += taken.proposed;
            result.duplicates += taken.duplicates;
          }
          await store.feedSucceeded(feed.id, {
            etag: outcome.notModified ? feed.etag : outcome.etag,
            lastModified: outcome.notModified ? feed.lastModified : outcome.lastModified,
            title: parsed?.ok ? parsed.title : undefined,
            at: now,
          });
          return;
        }
        return failed(feed, outcome.status ? `${outcome.detail}` : `${outcome.refusal}: ${outcome.detail}`);
      };
      const failed = async (feed: FeedRecord, error: string) => {
        result.failed++;
        const failures = feed.failures + 1;
        const updated = await store.feedFailed(feed.id, {
          error,
          at: now,
          nextAttemptAt: new Date(now.getTime() + backoffMs(failures)),
          failingSince: feed.failingSince ?? now,
        });
        if (shouldReportFailure(updated)) result.toReport.push({ feed: updated, error });
      };
      await Promise.all(Array.from({ length: Math.min(HOSTS_AT_ONCE, queues.length) }, worker));
      return result;
    },
    markFailureReported: (feedId: number) => store.markFailureReported(feedId),

    /** Proposals whose link has since been registered (from the form or by hand): logged. */
    async reconcileLogged(now: Date): Promise<number> {
      const open = await store.proposedWithKeys(new Date(now.getTime() - 30 * 86400_000));
      const links = await deps.register.registeredLinks(open.map((o) => o.urlKey));
      const byKey = new Map(links.map((l) => [l.urlKey, l]));
      let n = 0;
      for (const item of open) {
        const link = byKey.get(item.urlKey);
        if (
          link &&
          (await store.decide(item.id, { status: "logged", by: link.createdBy, at: now, clippingId: link.clippingId }))
        )
          n++;
      }
      return n;
    },

    /** What waits to be posted, and whether now is in the quiet hours. */
    async waiting(now: Date) {
      const settings = await store.settings();
      const quiet = inQuietHours(formatLocalTime(now, deps.timeZone), settings.quietFrom, settings.quietTo);
      const items = await store.unposted();
      const postedLastHour = await store.postedSince(new Date(now.getTime() - 3600_000));
      return { quiet, items, postedLastHour, settings };
    },
    assignPostKey: (id: number, key: string, batched: boolean) => store.assignPostKey(id, key, batched),
    markPosted: (id: number, data: { channelId: string; ts: string; at: Date }) => store.markPosted(id, data),

    // ---- staff: the proposals
    async item(actor: string, id: number) {
      if (!(await isStaff(actor))) return refused("staff");
      const item = await store.findItem(id);
      return item ? { status: "ok" as const, item } : { status: "unknown" as const };
    },
    async dismiss(actor: string, id: number) {
      if (!(await isStaff(actor))) return refused("staff");
      const decided = await store.decide(id, { status: "dismissed", by: actor, at: clock.now() });
      const item = await store.findItem(id);
      if (!item) return { status: "unknown" as const };
      return { status: decided ? ("changed" as const) : ("already_decided" as const), item };
    },
    /** The clippings «Υπάρχει ήδη» offers for what the person typed (at most `limit`). */
    async candidates(actor: string, text: string, limit = 20) {
      if (!(await isStaff(actor))) return refused("staff");
      return { status: "ok" as const, clippings: (await deps.register.findClippings(text)).slice(0, limit) };
    },
    /** Links the proposal to the clipping chosen, once, with who (a second choice finds it decided). */
    async linkExisting(actor: string, id: number, clippingId: number) {
      if (!(await isStaff(actor))) return refused("staff");
      const clipping = await deps.register.clippingById(clippingId);
      if (!clipping) return { status: "no_clipping" as const };
      const decided = await store.decide(id, { status: "logged", by: actor, at: clock.now(), clippingId: clipping.id });
      const item = await store.findItem(id);
      if (!item) return { status: "unknown" as const };
      return { status: decided ? ("changed" as const) : ("already_decided" as const), item, clipping };
    },

    /**
     * The proposals waiting in the press channel, for the Home of someone who reviews them: staff
     * who decided one (or registered its link) in the last REVIEWER_DAYS days. Null for anyone else.
     */
    async waitingForReview(actor: string, today: string, limit: number) {
      if (!(await isStaff(actor))) return null;
      const since = wallTime(shiftDate(today, -REVIEWER_DAYS), 0, 0, deps.timeZone);
      if (!(await store.reviewedSince(actor, since))) return null;
      return store.waitingForReview(limit);
    },

    /** For the morning digest: proposed, logged and dismissed in [from, to). */
    countsBetween: (from: Date, to: Date) => store.countsBetween(from, to),
  };
}

export type PressIntakeService = ReturnType<typeof createPressIntakeService>;
export type { ItemRecord };

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}

/** A feed's address as typed (Slack wraps links in <…>): an absolute http(s) URL, or null. */
export function normaliseFeedUrl(raw: string): string | null {
  const text = raw.trim().replace(/^<([^|>]+)(\|[^>]*)?>$/, "$1");
  try {
    const url = new URL(text);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
    if (text.length > 2000) return null;
    return url.toString();
  } catch {
    return null;
  }
}

// Every 15 minutes: fetch the feeds that are due, store what is new and matches what the office
// watches, tell the admins of a feed that keeps failing (once), then post what is proposed: each on
// its own, or as the morning list after the quiet hours, or as one summary with the items in its
// thread when they come in a burst. Each item is posted under a key given once (built from the
// occurrence that first posts it) and kept on the item, so a run interrupted and run again, by
// this occurrence or the next, posts each item once.

import { formatLocalTime } from "../../../lib/clock.js";
import type { Job, JobDeps, Occurrence } from "../../../scheduling/job.js";
import { escapeMrkdwn } from "../../../slack/mrkdwn.js";
import type { Role } from "../../users/roles.js";
import { intakeTexts } from "../messages.js";
import { DEFAULT_INTAKE_EVERY, inQuietHours, intakeSchedule, PRESS_INTAKE_JOB, postingPlan } from "../rules.js";
import type { ItemRecord, PressIntakeService } from "../service.js";
import { batchBlocks, proposalBlocks, proposalText } from "../slack/proposal-views.js";

export { PRESS_INTAKE_JOB };

export function createPressIntakeJob(options: {
  intake: PressIntakeService;
  admins: { holdersOf(role: Role): Promise<string[]> };
  locales: { resolve(slackUserId: string): Promise<"el" | "en"> };
}): Job {
  const { intake, admins, locales } = options;
  return {
    name: PRESS_INTAKE_JOB,
    // Every quarter of an hour, clear of 03:00-04:00 (daylight saving changes); an admin changes
    // it with `/grafeio feed every <minutes>` (the scheduler's setting for this job).
    schedule: intakeSchedule(DEFAULT_INTAKE_EVERY) ?? "*/15 0-2,4-23 * * *",
    description: (locale, time) => intakeTexts(locale).jobDescription(time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const now = occurrence.scheduledFor;
      const collected = await intake.collect(now);
      for (const { feed, error } of collected.toReport) {
        // Once per run of failures: the key names the feed and when it started failing.
        const key = `press-intake:feed-failing:${feed.id}:${feed.failingSince?.toISOString() ?? ""}`;
        for (const admin of await admins.holdersOf("admin")) {
          const t = intakeTexts(await locales.resolve(admin));
          await deps.sender.post({
            key: `${key}:${admin}`,
            channel: admin,
            text: t.feedFailing(escapeMrkdwn(feed.url), feed.failures, escapeMrkdwn(error)),
          });
        }
        await intake.markFailureReported(feed.id);
      }
      const logged = await intake.reconcileLogged(now);
      const posted = await postWaiting(intake, occurrence, deps);
      return `${collected.fetched} fetched, ${collected.notModified} unchanged, ${collected.failed} failed; ${collected.proposed} proposed, ${collected.duplicates} near duplicates, ${logged} logged; ${posted}`;
    },
  };
}

async function postWaiting(intake: PressIntakeService, occurrence: Occurrence, deps: JobDeps): Promise<string> {
  const now = occurrence.scheduledFor;
  const { quiet, items, postedLastHour, settings } = await intake.waiting(now);
  if (items.length === 0) return "nothing to post";
  if (quiet) return `${items.length} held for the morning list`;
  const t = intakeTexts(deps.defaultLocale);
  const fallback = deps.channelId ?? deps.officeChannelId;
  const byChannel = new Map<string, ItemRecord[]>();
  let unplaced = 0;
  for (const item of items) {
    const channel = item.channelId ?? fallback;
    if (!channel) {
      unplaced++;
      continue;
    }
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), item]);
  }
  let sent = 0;
  for (const [channel, waiting] of byChannel) {
    const heldOvernight = waiting.some((i) =>
      inQuietHours(formatLocalTime(i.createdAt, deps.timeZone), settings.quietFrom, settings.quietTo),
    );
    // Items given a key before (a run that stopped half-way) keep their plan.
    const fresh = waiting.filter((i) => !i.postKey);
    const plan = postingPlan({
      waiting: fresh.length,
      heldOvernight,
      postedLastHour,
      burstPerHour: settings.burstPerHour,
    });
    const batchKey = `${occurrence.key}:${plan}:${channel}`;
    for (const item of fresh)
      item.postKey = await intake.assignPostKey(
        item.id,
        plan === "each" ? `${occurrence.key}:item:${item.id}` : `${batchKey}|item:${item.id}`,
        plan !== "each",
      );
    // A batch's summary first (its key is the first part of each of its items' keys), then its items.
    const batches = new Map<string, ItemRecord[]>();
    for (const item of waiting) {
      const key = item.postKey ?? "";
      const summary = key.includes("|") ? (key.split("|")[0] ?? "") : "";
      batches.set(summary, [...(batches.get(summary) ?? []), item]);
    }
    for (const [summaryKey, batch] of batches) {
      let threadTs: string | undefined;
      if (summaryKey) {
        const kind = summaryKey.includes(":morning:") ? "morning" : "burst";
        const blocks = batchBlocks(t, kind, batch);
        const summary = await deps.sender.post({
          key: summaryKey,
          channel,
          text: kind === "morning" ? t.morningTitle(batch.length) : t.burstTitle(batch.length),
          blocks,
        });
        threadTs = summary.ts;
      }
      for (const item of batch) {
        const message = await deps.sender.post({
          key: item.postKey ?? `${occurrence.key}:item:${item.id}`,
          channel,
          text: proposalText(t, item),
          blocks: proposalBlocks(t, item, deps.timeZone),
          threadTs,
        });
        await intake.markPosted(item.id, { channelId: message.channel, ts: message.ts, at: now });
        if (message.posted) sent++;
      }
    }
  }
  return `${sent} posted${unplaced ? `, ${unplaced} without a channel (set PR_CHANNEL_ID or /grafeio job press-intake channel)` : ""}`;
}

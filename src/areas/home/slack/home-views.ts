// The Home tab as Block Kit: a pure function of the Home's data, within Slack's limits (100 blocks
// a view, 3000 characters a section): a long list shows its first items and "N more".
import type { ActionsBlock, Button, KnownBlock, Overflow, PlainTextOption, StaticSelect } from "@slack/types";
import type { LocaleCode } from "../../../i18n/index.js";
import { messages } from "../../../i18n/index.js";
import { formatDayMonth } from "../../../lib/clock.js";
import { truncate } from "../../../slack/mrkdwn.js";
import { bucketOf, itemsThatFit } from "../home-rules.js";
import type { HomeAnswer, HomeData } from "../home-service.js";
import type { HomeAction, HomeItem } from "../home-source.js";
import { type HomeTexts, homeTexts } from "../messages.js";

export const HOME_MAX_BLOCKS = 100;
const DIGEST_ITEMS = 5;
const MAX_FORMS = 25;

export interface HomeView {
  type: "home";
  blocks: KnownBlock[];
}

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });
const section = (text: string): KnownBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: truncate(text, 3000) },
});
const option = (o: { text: string; value: string }): PlainTextOption => ({ text: plain(o.text, 75), value: o.value });

function element(action: HomeAction): Button | Overflow | StaticSelect {
  switch (action.type) {
    case "button":
      return {
        type: "button",
        action_id: action.actionId,
        text: plain(action.text, 75),
        value: action.value,
        ...(action.style ? { style: action.style } : {}),
      };
    case "overflow":
      return { type: "overflow", action_id: action.actionId, options: action.options.slice(0, 5).map(option) };
    case "select":
      return {
        type: "static_select",
        action_id: action.actionId,
        placeholder: plain(action.placeholder, 150),
        options: action.options.slice(0, 100).map(option),
      };
  }
}

function dueText(h: HomeTexts, item: HomeItem, today: string): string {
  if (item.due === null) return "";
  if (item.due === today) return ` · _${h.dueToday}_`;
  return item.due < today
    ? ` · *${h.overdueSince(formatDayMonth(item.due))}*`
    : ` · ${h.dueOn(formatDayMonth(item.due))}`;
}

function itemBlock(h: HomeTexts, item: HomeItem, today: string): KnownBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncate(`_${item.kind}_ · ${item.title}${dueText(h, item, today)}`, 3000) },
    ...(item.action ? { accessory: element(item.action) } : {}),
  };
}

/** The blocks after the items: today's notices, the managers' digest, the admins' jobs. */
function tailBlocks(h: HomeTexts, locale: LocaleCode, data: HomeData): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const notice of data.notices) {
    blocks.push({ type: "divider" }, section(`*${notice.title}*\n${notice.lines.join("\n")}`));
  }
  if (data.digest && data.digest.length > 0) {
    blocks.push({ type: "divider" }, { type: "header", text: plain(h.digest, 150) });
    for (const s of data.digest.slice(0, 12)) {
      const items = s.items.slice(0, DIGEST_ITEMS);
      const rest = s.items.length - items.length;
      const lines = [`*${s.title}*`, s.summary, ...items, ...(rest > 0 ? [h.andMore(locale, rest)] : [])];
      blocks.push(section(lines.filter(Boolean).join("\n")));
    }
  }
  if (data.health) {
    const { failed, problems, unset } = data.health;
    const lines = [
      ...failed.map((f) => h.failedJob(locale, f.job, f.failed)),
      ...problems.map((p) => h.channelProblem(p.channel, p.reason)),
      ...unset.map((u) => h.channelUnset(u)),
    ];
    blocks.push(
      { type: "divider" },
      { type: "header", text: plain(h.health, 150) },
      section(lines.length ? lines.join("\n") : h.healthy),
    );
  }
  return blocks;
}

export function buildHomeView(answer: HomeAnswer, locale: LocaleCode): HomeView {
  const h = homeTexts(locale);
  const header: KnownBlock = { type: "header", text: plain(h.header, 150) };
  if (answer.status === "refused") {
    const t = messages(locale);
    return { type: "home", blocks: [header, section(h.refused(t.common.roleNames.staff))] };
  }
  const data = answer;
  const { today, weekEnd } = data;
  const count = (b: string) => data.items.filter((i) => bucketOf(i, today, weekEnd) === b).length;
  const head: KnownBlock[] = [
    header,
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: h.counts(locale, count("overdue"), count("today"), count("week")) }],
    },
  ];
  if (data.forms.length > 0) {
    const forms: ActionsBlock = {
      type: "actions",
      block_id: "home_forms",
      elements: data.forms.slice(0, MAX_FORMS).map((f) => ({
        type: "button" as const,
        action_id: f.actionId,
        text: plain(f.text, 75),
        ...(f.value !== undefined ? { value: f.value } : {}),
      })),
    };
    head.push(forms);
  }
  head.push({ type: "divider" });
  const tail = tailBlocks(h, locale, data);
  const blocks = [...head];
  if (data.items.length === 0) {
    blocks.push(section(h.nothingOpen));
  } else {
    const budget = HOME_MAX_BLOCKS - head.length - tail.length;
    const { shown, hidden } = itemsThatFit(data.items, today, weekEnd, budget);
    let bucket: string | undefined;
    for (const item of shown) {
      const b = bucketOf(item, today, weekEnd);
      if (b !== bucket) {
        bucket = b;
        blocks.push(section(`*${h.buckets[b]}*`));
      }
      blocks.push(itemBlock(h, item, today));
    }
    if (hidden > 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: h.more(locale, hidden) }] });
  }
  blocks.push(...tail);
  // The tail alone never passes the limit (a dozen sections at most); cut all the same, never refused.
  return { type: "home", blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}

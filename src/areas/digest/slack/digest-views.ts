// The morning digest as Slack messages: data in, Block Kit out. A long day never breaks Slack's
// limits: each section shows its first items and the rest follow in the message's thread.
import type { KnownBlock } from "@slack/types";
import type { Messages } from "../../../i18n/index.js";
import { truncate } from "../../../slack/mrkdwn.js";
import type { DigestSectionContent } from "../digest-section.js";

export const ITEMS_IN_MAIN_MESSAGE = 10;
const SECTION_TEXT_MAX = 3000;
const BLOCKS_PER_MESSAGE = 45; // under Slack's 50, with room to spare

export interface DigestMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Packs lines into section blocks of at most 3000 characters each. */
export function linesToSections(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = "";
  for (const line of lines.map((l) => truncate(l, SECTION_TEXT_MAX))) {
    if (current && current.length + 1 + line.length > SECTION_TEXT_MAX) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
  return blocks;
}

export function buildDigestMessages(options: {
  t: Messages;
  dateLabel: string;
  sections: DigestSectionContent[];
  late: boolean;
}): { main: DigestMessage; thread: DigestMessage[] } {
  const { t, dateLabel, sections, late } = options;
  const title = t.digest.title(dateLabel);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncate(title, 150), emoji: true } },
  ];
  if (late) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t.digest.late }] });
  if (sections.length === 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: t.digest.nothingNew } });
  const thread: DigestMessage[] = [];
  for (const section of sections) {
    blocks.push({ type: "divider" });
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(`*${section.title}*\n${section.summary}`, SECTION_TEXT_MAX) },
    });
    const shown = section.items.slice(0, ITEMS_IN_MAIN_MESSAGE);
    const rest = section.items.slice(ITEMS_IN_MAIN_MESSAGE);
    blocks.push(...linesToSections(shown));
    if (rest.length > 0) {
      blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t.digest.more(rest.length) }] });
      const restBlocks = linesToSections(rest);
      for (let i = 0; i < restBlocks.length; i += BLOCKS_PER_MESSAGE - 1) {
        const part = thread.filter((m) => m.text.startsWith(section.title)).length + 1;
        const heading = t.digest.continued(section.title, part);
        thread.push({
          text: heading,
          blocks: [
            { type: "context", elements: [{ type: "mrkdwn", text: `*${heading}*` }] },
            ...restBlocks.slice(i, i + BLOCKS_PER_MESSAGE - 1),
          ],
        });
      }
    }
  }
  // A digest of many areas could still pass 50 blocks: keep the summaries, move the overflow on.
  if (blocks.length > BLOCKS_PER_MESSAGE) {
    const overflow = blocks.splice(BLOCKS_PER_MESSAGE - 1);
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t.digest.more(overflow.length) }] });
    for (let i = 0; i < overflow.length; i += BLOCKS_PER_MESSAGE)
      thread.unshift({ text: title, blocks: overflow.slice(i, i + BLOCKS_PER_MESSAGE) });
  }
  const fallback = [title, ...sections.map((s) => `${s.title}: ${s.summary.replace(/\*/g, "")}`)].join("\n");
  return { main: { text: truncate(fallback, 3000), blocks }, thread };
}

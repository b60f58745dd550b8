// An event's checklist and its follow-up as Block Kit: the checklist with its choices, the
// reassignment form, the feedback form and the day-after prompt. Data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import type { EventChecklistItem } from "../../../generated/prisma/client.js";
import type { Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { type Codec, idCodec, idField, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";

export const ITEM_DONE_ACTION = "event_item_done";
export const ITEM_NOT_NEEDED_ACTION = "event_item_not_needed";
export const FEEDBACK_ACTION = "event_feedback";
export const FEEDBACK_CALLBACK = "event_feedback_modal";
export const ITEM_CALLBACK = "event_item_modal";
const ACTION = "value";
const MARK = { open: ":white_square:", done: ":white_check_mark:", not_needed: ":heavy_minus_sign:" } as const;
const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });

/** An overflow choice on a checklist item: `done:<item>:<event>` (and not_needed, reassign). */
export const checklistChoice: Codec<{ choice: "done" | "not_needed" | "reassign"; itemId: number; eventId: number }> = {
  decode(raw) {
    const [choice, item, event, ...rest] = (raw ?? "").split(":");
    if (rest.length || (choice !== "done" && choice !== "not_needed" && choice !== "reassign")) return undefined;
    const itemId = idCodec.decode(item);
    const eventId = idCodec.decode(event);
    return itemId && eventId ? { choice, itemId, eventId } : undefined;
  },
  encode: ({ choice, itemId, eventId }) => `${choice}:${itemId}:${eventId}`,
};

/** The reassignment form's private_metadata: the item, its event, and the checklist message to redraw. */
export const itemMetadata = jsonCodec(
  z.object({ itemId: idField, eventId: idField, responseUrl: z.url().max(500).optional() }),
);

/** The feedback form's private_metadata. */
export const feedbackMetadata = jsonCodec(z.object({ eventId: idField }));

export function checklistBlocks(
  t: Messages,
  event: { id: number; title: string },
  items: readonly EventChecklistItem[],
): { text: string; blocks: KnownBlock[] } {
  const eventId = event.id;
  const heading = t.events.checklistTitle(event.id, escapeMrkdwn(truncate(event.title, 150)));
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: heading } }];
  if (items.length === 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: t.events.checklistEmpty } });
  // Slack allows 50 blocks: the heading and up to 49 items.
  for (const item of items.slice(0, 49)) {
    const line = t.events.itemLine(
      escapeMrkdwn(truncate(item.title, 150)),
      formatDayMonthYear(item.dueOn.toISOString().slice(0, 10)),
      item.owner ? `<@${item.owner}>` : "",
      MARK[item.status],
    );
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: line },
      ...(item.status === "open"
        ? {
            accessory: {
              type: "overflow" as const,
              action_id: ITEM_DONE_ACTION,
              options: [
                {
                  text: plain(t.events.itemDone, 75),
                  value: checklistChoice.encode({ choice: "done", itemId: item.id, eventId }),
                },
                {
                  text: plain(t.events.itemNotNeeded, 75),
                  value: checklistChoice.encode({ choice: "not_needed", itemId: item.id, eventId }),
                },
                {
                  text: plain(t.events.itemReassign, 75),
                  value: checklistChoice.encode({ choice: "reassign", itemId: item.id, eventId }),
                },
              ],
            },
          }
        : {}),
    });
  }
  return { text: heading.replace(/\*/g, ""), blocks };
}

/** Another owner or due date for an open item; `responseUrl`: the checklist message, to refresh. */
export function itemModal(
  t: Messages,
  item: { id: number; eventId: number; title: string; owner: string | null; dueOn: Date },
  responseUrl?: string,
): ModalView {
  return {
    type: "modal",
    callback_id: ITEM_CALLBACK,
    title: plain(t.events.itemFormTitle, 24),
    submit: plain(t.events.submit, 24),
    close: plain(t.events.close, 24),
    private_metadata: itemMetadata.encode({
      itemId: item.id,
      eventId: item.eventId,
      ...(responseUrl ? { responseUrl } : {}),
    }),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(truncate(item.title, 2900))}*` } },
      {
        type: "input",
        block_id: "owner",
        label: plain(t.events.itemOwner),
        element: { type: "users_select", action_id: ACTION, ...(item.owner ? { initial_user: item.owner } : {}) },
      },
      {
        type: "input",
        block_id: "dueOn",
        label: plain(t.events.itemDueOn),
        element: { type: "datepicker", action_id: ACTION, initial_date: item.dueOn.toISOString().slice(0, 10) },
      },
    ],
  };
}

export function feedbackModal(t: Messages, eventId: number): ModalView {
  const text = (block: string, label: string, multiline: boolean, max: number) => ({
    type: "input" as const,
    block_id: block,
    optional: true,
    label: plain(label),
    element: { type: "plain_text_input" as const, action_id: ACTION, multiline, max_length: max },
  });
  return {
    type: "modal",
    callback_id: FEEDBACK_CALLBACK,
    title: plain(t.events.feedbackTitle, 24),
    submit: plain(t.events.submit, 24),
    close: plain(t.events.close, 24),
    private_metadata: feedbackMetadata.encode({ eventId }),
    blocks: [
      text("wentWell", t.events.wentWell, true, 2000),
      text("toImprove", t.events.toImprove, true, 2000),
      text("attendance", t.events.attendance, false, 6),
      text("suggestions", t.events.suggestions, true, 3000),
    ],
  };
}

/** The day-after prompt: the text, with the feedback form's button. */
export function followUpBlocks(t: Messages, eventId: number, text: string): KnownBlock[] {
  return [
    { type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } },
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: FEEDBACK_ACTION,
          text: plain(t.events.feedbackButton, 75),
          value: idCodec.encode(eventId),
        },
      ],
    },
  ];
}

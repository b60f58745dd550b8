// An event's checklist in Slack (each item marked done or not needed, once) and the feedback form
// the day-after prompt opens.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import { acceptForm } from "../../bot/form-submission.js";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  type UserView,
  userView,
} from "../../bot/handler-deps.js";
import type { Messages } from "../../i18n/index.js";
import { formatDayMonthYear } from "../../lib/clock.js";
import { escapeMrkdwn, truncate } from "../../lib/mrkdwn.js";

export const ITEM_DONE_ACTION = "event_item_done";
export const ITEM_NOT_NEEDED_ACTION = "event_item_not_needed";
export const FEEDBACK_ACTION = "event_feedback";
export const FEEDBACK_CALLBACK = "event_feedback_modal";
const ACTION = "value";
const MARK = { open: ":white_square:", done: ":white_check_mark:", not_needed: ":heavy_minus_sign:" } as const;
const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });

export async function checklistBlocks(
  deps: HandlerDeps,
  t: Messages,
  eventId: number,
): Promise<{ text: string; blocks: KnownBlock[] } | null> {
  const event = await deps.services.events.get(eventId);
  if (!event) return null;
  const items = await deps.services.events.checklist(eventId);
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
                { text: plain(t.events.itemDone, 75), value: `done:${item.id}:${eventId}` },
                { text: plain(t.events.itemNotNeeded, 75), value: `not_needed:${item.id}:${eventId}` },
              ],
            },
          }
        : {}),
    });
  }
  return { text: heading.replace(/\*/g, ""), blocks };
}

export async function showChecklist(deps: HandlerDeps, user: UserView, eventId: number, reply: Reply) {
  const content = await checklistBlocks(deps, user.t, eventId);
  if (!content) return reply(user.t.events.notFound);
  await reply(content.text, content.blocks);
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
    private_metadata: JSON.stringify({ eventId }),
    blocks: [
      text("wentWell", t.events.wentWell, true, 2000),
      text("toImprove", t.events.toImprove, true, 2000),
      text("attendance", t.events.attendance, false, 6),
      text("suggestions", t.events.suggestions, true, 3000),
    ],
  };
}

export function registerEventFollowUp(app: App, deps: HandlerDeps): void {
  app.action<BlockAction>(ITEM_DONE_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const reply: Reply = async (text, blocks) => {
      await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
    };
    await answerSafely(deps, { userId: body.user.id, reply, what: ITEM_DONE_ACTION }, async () => {
      const user = await userView(deps, body.user.id);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const value = "selected_option" in action ? (action.selected_option?.value ?? "") : "";
      const [status, itemId, eventId] = value.split(":");
      if ((status === "done" || status === "not_needed") && itemId)
        await deps.services.events.settleItem(Number(itemId), status, user.userId);
      await showChecklist(deps, user, Number(eventId), reply);
    });
  });

  app.action<BlockAction<ButtonAction>>(FEEDBACK_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const user = await userView(deps, body.user.id);
    await client.views.open({ trigger_id: body.trigger_id, view: feedbackModal(user.t, Number(action.value)) });
  });

  app.view(FEEDBACK_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const eventId = Number((JSON.parse(view.private_metadata || "{}") as { eventId?: number }).eventId);
    await acceptForm(deps, { ack, view, userId, what: FEEDBACK_CALLBACK, errorBlock: "wentWell" }, async (user) => {
      const values = view.state.values as Record<string, Record<string, { value?: string | null }>>;
      const get = (b: string) => (values[b]?.[ACTION]?.value ?? "").trim() || undefined;
      const attendanceText = get("attendance");
      if (attendanceText && !/^\d{1,6}$/.test(attendanceText))
        return { errors: { attendance: user.t.events.errors.attendanceInvalid } };
      const stored = await deps.services.events.addFeedback({
        eventId,
        by: userId,
        wentWell: get("wentWell"),
        toImprove: get("toImprove"),
        attendance: attendanceText ? Number(attendanceText) : undefined,
        suggestions: get("suggestions"),
      });
      if (!stored) return {};
      return { after: () => client.chat.postMessage({ channel: userId, text: user.t.events.feedbackSaved(eventId) }) };
    });
  });
}

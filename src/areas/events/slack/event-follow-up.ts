// An event's checklist in Slack (each item marked done or not needed, once, or given another
// owner or due date) and the feedback form the day-after prompt opens.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { Messages } from "../../../i18n/index.js";
import { formatDayMonthYear, isRealIsoDate } from "../../../lib/clock.js";
import { acceptForm } from "../../../slack/form-submission.js";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";

export const ITEM_DONE_ACTION = "event_item_done";
export const ITEM_NOT_NEEDED_ACTION = "event_item_not_needed";
export const FEEDBACK_ACTION = "event_feedback";
export const FEEDBACK_CALLBACK = "event_feedback_modal";
export const ITEM_CALLBACK = "event_item_modal";
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
                { text: plain(t.events.itemReassign, 75), value: `reassign:${item.id}:${eventId}` },
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
    private_metadata: JSON.stringify({ itemId: item.id, eventId: item.eventId, responseUrl }),
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
  app.action<BlockAction>(ITEM_DONE_ACTION, async ({ ack, action, body, respond, client }) => {
    await ack();
    const reply: Reply = async (text, blocks) => {
      await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
    };
    await answerSafely(deps, { userId: body.user.id, reply, what: ITEM_DONE_ACTION }, async () => {
      const user = await userView(deps, body.user.id);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const value = "selected_option" in action ? (action.selected_option?.value ?? "") : "";
      const [status, itemId, eventId] = value.split(":");
      if (status === "reassign" && itemId) {
        const item = await deps.services.events.checklistItem(Number(itemId));
        if (item?.status === "open") {
          await client.views.open({ trigger_id: body.trigger_id, view: itemModal(user.t, item, body.response_url) });
          return;
        }
      }
      if ((status === "done" || status === "not_needed") && itemId)
        await deps.services.events.settleItem(Number(itemId), status, user.userId);
      await showChecklist(deps, user, Number(eventId), reply);
    });
  });

  app.view(ITEM_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as {
      itemId?: number;
      eventId?: number;
      responseUrl?: string;
    };
    await acceptForm(deps, { ack, view, userId, what: ITEM_CALLBACK, errorBlock: "owner" }, async (user) => {
      const values = view.state.values as Record<
        string,
        Record<string, { selected_user?: string | null; selected_date?: string | null }>
      >;
      const owner = values.owner?.[ACTION]?.selected_user ?? "";
      const dueOn = values.dueOn?.[ACTION]?.selected_date ?? "";
      const errors: Record<string, string> = {};
      if (!owner) errors.owner = user.t.events.errors.required;
      if (!isRealIsoDate(dueOn))
        errors.dueOn = dueOn ? user.t.events.errors.dateInvalid : user.t.events.errors.required;
      if (Object.keys(errors).length > 0) return { errors };
      const result = await deps.services.events.reassignItem(Number(meta.itemId), { owner, dueOn });
      if (!result) return { errors: { owner: user.t.events.itemNotOpen } };
      return {
        after: async () => {
          if (!result.changed) return;
          if (owner !== userId && owner !== result.previousOwner) {
            const event = await deps.services.events.get(result.item.eventId);
            const { t } = await userView(deps, owner);
            await client.chat.postMessage({
              channel: owner,
              text: t.events.itemAssignedToYou(
                userId,
                escapeMrkdwn(result.item.title),
                result.item.eventId,
                escapeMrkdwn(event?.title ?? ""),
                formatDayMonthYear(dueOn),
              ),
            });
          }
          // The checklist the form was opened from, as it is now (Slack keeps its response_url 30 minutes).
          const content = meta.responseUrl ? await checklistBlocks(deps, user.t, result.item.eventId) : null;
          if (meta.responseUrl && content) await replaceMessage(meta.responseUrl, content);
        },
      };
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

/** Replaces the ephemeral message a response_url belongs to. */
async function replaceMessage(responseUrl: string, content: { text: string; blocks: KnownBlock[] }) {
  const response = await fetch(responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ response_type: "ephemeral", replace_original: true, ...content }),
  });
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
}

// An event's checklist in Slack (each item marked done or not needed, once, or given another
// owner or due date) and the feedback form the day-after prompt opens.
import type { App, BlockAction, OverflowAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { idCodec } from "../../../slack/codec.js";
import { formState } from "../../../slack/form-state.js";
import { fieldErrors, onAction, onForm, type Reply, type UserView, userView } from "../../../slack/listener.js";
import { escapeMrkdwn } from "../../../slack/mrkdwn.js";
import type { EventsContext } from "../deps.js";
import { checkReassignment, EVENTS_ROLE } from "../rules.js";
import { isRefused } from "../service.js";
import {
  checklistBlocks,
  checklistChoice,
  FEEDBACK_ACTION,
  FEEDBACK_CALLBACK,
  feedbackMetadata,
  feedbackModal,
  ITEM_CALLBACK,
  ITEM_DONE_ACTION,
  itemMetadata,
  itemModal,
} from "./follow-up-views.js";
import { opened } from "./opened.js";

const ACTION = "value";

async function checklistContent(ctx: EventsContext, user: UserView, eventId: number) {
  const found = await ctx.events.checklistFor(user.userId, eventId);
  return found && !isRefused(found) ? checklistBlocks(user.t, found.event, found.shown) : null;
}

export async function showChecklist(ctx: EventsContext, user: UserView, eventId: number, reply: Reply) {
  const found = await opened(await ctx.events.checklistFor(user.userId, eventId), user, reply);
  if (!found) return;
  const content = checklistBlocks(user.t, found.event, found.shown);
  await reply(content.text, content.blocks);
}

export function registerEventFollowUp(app: App, ctx: EventsContext): void {
  const { kit } = ctx;
  onAction<OverflowAction, NonNullable<ReturnType<typeof checklistChoice.decode>>>(app, kit, {
    id: ITEM_DONE_ACTION,
    role: EVENTS_ROLE,
    value: checklistChoice,
    async handle({ user, value, body, client, respond }) {
      const reply: Reply = async (text, blocks) => {
        await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
      };
      if (value.choice === "reassign") {
        const item = await ctx.events.checklistItem(value.itemId);
        if (item?.status === "open") {
          await client.views.open({ trigger_id: body.trigger_id, view: itemModal(user.t, item, body.response_url) });
          return;
        }
      } else {
        const settled = await ctx.events.settleItem(value.itemId, value.choice, user.userId);
        if (isRefused(settled)) return reply(user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]));
      }
      await showChecklist(ctx, user, value.eventId, reply);
    },
  });

  onForm(app, kit, {
    callbackId: ITEM_CALLBACK,
    role: EVENTS_ROLE,
    metadata: itemMetadata,
    errorBlock: "owner",
    async handle({ user, view, metadata, client }) {
      const form = formState(view.state, [ACTION]);
      const owner = form.user("owner") ?? "";
      const dueOn = form.date("dueOn") ?? "";
      const invalid = checkReassignment({ owner, dueOn });
      if (Object.keys(invalid).length > 0)
        return { errors: fieldErrors(invalid, (code) => user.t.events.errors[code]) };
      const result = await ctx.events.reassignItem(user.userId, metadata.itemId, { owner, dueOn });
      if (isRefused(result))
        return { errors: { owner: user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]) } };
      if (!result) return { errors: { owner: user.t.events.itemNotOpen } };
      return {
        after: async () => {
          if (!result.changed) return;
          if (owner !== user.userId && owner !== result.previousOwner) {
            const event = await ctx.events.get(result.item.eventId);
            const { t } = await userView(kit, owner);
            await client.chat.postMessage({
              channel: owner,
              text: t.events.itemAssignedToYou(
                user.userId,
                escapeMrkdwn(result.item.title),
                result.item.eventId,
                escapeMrkdwn(event?.title ?? ""),
                formatDayMonthYear(dueOn),
              ),
            });
          }
          // The checklist the form was opened from, as it is now (Slack keeps its response_url 30 minutes).
          const content = metadata.responseUrl ? await checklistContent(ctx, user, result.item.eventId) : null;
          if (metadata.responseUrl && content) await replaceMessage(metadata.responseUrl, content);
        },
      };
    },
  });

  onAction<BlockAction["actions"][number], number>(app, kit, {
    id: FEEDBACK_ACTION,
    role: EVENTS_ROLE,
    value: idCodec,
    async handle({ user, value, body, client, reply }) {
      // Asked of the service first: whoever may not record feedback on this event is told at the
      // click, not after writing it.
      if (!(await opened(await ctx.events.eventFor(user.userId, value), user, reply))) return;
      await client.views.open({ trigger_id: body.trigger_id, view: feedbackModal(user.t, value) });
    },
  });

  onForm(app, kit, {
    callbackId: FEEDBACK_CALLBACK,
    role: EVENTS_ROLE,
    metadata: feedbackMetadata,
    errorBlock: "wentWell",
    async handle({ user, view, metadata, client }) {
      const { eventId } = metadata;
      const form = formState(view.state, [ACTION]);
      const get = (b: string) => (form.text(b) ?? "").trim() || undefined;
      const attendanceText = get("attendance");
      if (attendanceText && !/^\d{1,6}$/.test(attendanceText))
        return { errors: { attendance: user.t.events.errors.attendanceInvalid } };
      const stored = await ctx.events.addFeedback({
        eventId,
        by: user.userId,
        wentWell: get("wentWell"),
        toImprove: get("toImprove"),
        attendance: attendanceText ? Number(attendanceText) : undefined,
        suggestions: get("suggestions"),
      });
      if (isRefused(stored))
        return { errors: { wentWell: user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]) } };
      if (!stored) return {};
      return {
        after: () => client.chat.postMessage({ channel: user.userId, text: user.t.events.feedbackSaved(eventId) }),
      };
    },
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

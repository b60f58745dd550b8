// "Needs a reply": assign the municipality's reply to someone with a due date, then close it with
// the reply. Reached from the search results' menu; staff may do both.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { formState } from "../../../slack/form-state.js";
import { type FormAnswer, onForm, replyPrivately, type UserView, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import { checkReplyRequest, type ReplyRequestError } from "../rules.js";
import type { ClippingsContext } from "./context.js";
import {
  ASSIGNEE,
  buildReplyCloseModal,
  buildReplyRequestModal,
  type ClippingRef,
  DUE,
  REPLY_CLOSE_CALLBACK,
  REPLY_REQUEST_CALLBACK,
  replyMetadata,
  TEXT,
} from "./reply-views.js";

/** Opens the right modal for a result-menu choice ("reply:ID" or "close:ID"). */
export async function openReplyModal(
  { replies }: Pick<ClippingsContext, "replies">,
  client: WebClient,
  user: UserView,
  verb: "reply" | "close",
  clipping: ClippingRef,
  triggerId: string,
  channel?: string,
) {
  const view =
    verb === "reply"
      ? buildReplyRequestModal(user.t, clipping, user.userId, replies.today(), channel)
      : buildReplyCloseModal(user.t, clipping, channel);
  await client.views.open({ trigger_id: triggerId, view });
}

function requestErrorText(t: Messages, error: ReplyRequestError): string {
  return error === "assigneeRequired"
    ? t.clip.errors.required
    : error === "dateInvalid"
      ? t.clip.errors.dateInvalid
      : t.replies.dueInPast;
}

export function registerReplyClipping(app: App, context: ClippingsContext): void {
  const { kit, replies, clippings, sender } = context;

  onForm(app, kit, {
    callbackId: REPLY_REQUEST_CALLBACK,
    role: "staff",
    metadata: replyMetadata,
    errorBlock: DUE,
    handle: async ({ user, view, metadata, client }): Promise<FormAnswer> => {
      const { t } = user;
      const form = formState(view.state);
      const assignee = form.user(ASSIGNEE) ?? "";
      const dueOn = form.date(DUE) ?? "";
      const problems = checkReplyRequest({ assignee, dueOn, today: replies.today() });
      const errors: Record<string, string> = {};
      if (problems.assignee) errors[ASSIGNEE] = requestErrorText(t, problems.assignee);
      if (problems.dueOn) errors[DUE] = requestErrorText(t, problems.dueOn);
      if (Object.keys(errors).length) return { errors };
      const outcome = await replies.requestReply({ id: metadata.clippingId, assignee, dueOn, by: user.userId });
      // A repeated submission changed nothing, so it says nothing again.
      if (outcome !== "requested") return {};
      const when = formatDayMonthYear(dueOn);
      return {
        after: async () => {
          await replyPrivately(
            kit,
            client,
            user.userId,
            metadata.channel,
          )(t.replies.requested(metadata.registerNumber, `<@${assignee}>`, when)).catch((e: unknown) =>
            kit.logger.warn({ err: e }, "could not confirm the reply request"),
          );
          if (assignee === user.userId) return;
          const clipping = await clippings.findForEdit(metadata.clippingId);
          const other = await userView(kit, assignee);
          const title = clipping?.values.url
            ? mrkdwnLink(clipping.values.url, truncate(clipping.title, 150))
            : escapeMrkdwn(truncate(clipping?.title ?? "", 150));
          await sender
            .post({
              // Once per assignment, whatever Slack retries.
              key: `reply-assigned:${metadata.clippingId}:${assignee}:${dueOn}`,
              channel: assignee,
              text: other.t.replies.assignedToYou(metadata.registerNumber, title, when, user.userId),
            })
            .catch((e: unknown) => kit.logger.warn({ err: e }, "could not tell the assignee"));
        },
      };
    },
  });

  onForm(app, kit, {
    callbackId: REPLY_CLOSE_CALLBACK,
    role: "staff",
    metadata: replyMetadata,
    errorBlock: TEXT,
    handle: async ({ user, view, metadata, client }): Promise<FormAnswer> => {
      const { t } = user;
      const text = (formState(view.state).text(TEXT) ?? "").trim();
      if (!text) return { errors: { [TEXT]: t.clip.errors.required } };
      const outcome = await replies.closeReply({ id: metadata.clippingId, text, by: user.userId });
      const said =
        outcome === "closed" ? t.replies.closed(metadata.registerNumber) : t.replies.notOpen(metadata.registerNumber);
      return { after: () => replyPrivately(kit, client, user.userId, metadata.channel)(said) };
    },
  });
}

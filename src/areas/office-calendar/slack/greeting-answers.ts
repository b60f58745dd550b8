// The answers to the morning's name-day message ("wishes sent", "skip") and to a card campaign
// ("record cards sent"). Each answer is recorded once (the first stands) and the message is
// redrawn from the database, so simultaneous clicks on different contacts do not undo each other.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { messages } from "../../../i18n/index.js";
import { localDate } from "../../../lib/clock.js";
import { answerSafely, ensureRole, type HandlerDeps, replyPrivately, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { cardCampaignState } from "../card-campaign.js";
import { RECORD_CARDS_ACTION, renderCardCampaign } from "./card-views.js";
import {
  answerBlocks,
  parseGreetingValue,
  recordedLine,
  WISHES_SENT_ACTION,
  WISHES_SKIP_ACTION,
} from "./name-day-views.js";

export const RECORD_CARDS_CALLBACK = "cards_record_modal";
const CARDS_BLOCK = "contacts";

export function registerGreetingAnswers(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^(${WISHES_SENT_ACTION}|${WISHES_SKIP_ACTION})$`),
    async ({ ack, action, body, client }) => {
      await ack();
      const userId = body.user.id;
      const channel = body.channel?.id;
      const reply = replyPrivately(deps, client, userId, channel);
      await answerSafely(deps, { userId, reply, what: action.action_id }, async () => {
        const user = await userView(deps, userId);
        if (!(await ensureRole(deps, user, "staff", reply))) return;
        const target = parseGreetingValue(action.value);
        if (!target) return;
        const recorded = await deps.services.greetings.record({
          contactId: target.contactId,
          kind: "name_day",
          occasion: target.date,
          outcome: action.action_id === WISHES_SENT_ACTION ? "sent" : "skipped",
          by: userId,
        });
        if (!recorded) return reply(user.t.contacts.notFound);
        const message = body.message as { ts?: string; text?: string; blocks?: KnownBlock[] } | undefined;
        if (!channel || !message?.ts || !message.blocks) return;
        // The channel's language, as the message was posted in it.
        const t = messages(deps.defaultLocale);
        const blocks: KnownBlock[] = [];
        for (const block of message.blocks) {
          const m = /^greet:(\d+):(\d{4}-\d{2}-\d{2})$/.exec(block.block_id ?? "");
          if (!m) {
            blocks.push(block);
            continue;
          }
          const [contactId, date] = [Number(m[1]), m[2] as string];
          const [state] = await deps.services.greetings.statusOf("name_day", date, [contactId]);
          blocks.push(
            state && state.status !== "pending"
              ? {
                  type: "context",
                  block_id: block.block_id,
                  elements: [
                    { type: "mrkdwn", text: recordedLine(t, state.status, state.doneBy, state.doneAt, deps.timeZone) },
                  ],
                }
              : answerBlocks(t, { contactId, date }),
          );
        }
        await client.chat.update({ channel, ts: message.ts, text: message.text ?? "", blocks });
      });
    },
  );

  app.action<BlockAction<ButtonAction>>(RECORD_CARDS_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const userId = body.user.id;
    const channel = body.channel?.id;
    const reply = replyPrivately(deps, client, userId, channel);
    await answerSafely(deps, { userId, reply, what: RECORD_CARDS_ACTION }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const [idText, date] = (action.value ?? "").split(":");
      const reminderId = Number(idText);
      if (!date || !Number.isInteger(reminderId)) return;
      const state = await cardCampaignState(deps.services, reminderId, date);
      const waiting = state.recipients.filter((c) => !state.sent.has(c.id));
      if (waiting.length === 0) return reply(user.t.cards.nothingLeft);
      const option = (c: (typeof waiting)[number]): PlainTextOption => ({
        text: { type: "plain_text", text: truncate(`${c.nameEl}${c.organisation ? `, ${c.organisation}` : ""}`, 75) },
        value: String(c.id),
      });
      const view: ModalView = {
        type: "modal",
        callback_id: RECORD_CARDS_CALLBACK,
        title: { type: "plain_text", text: truncate(user.t.cards.modalTitle, 24) },
        submit: { type: "plain_text", text: truncate(user.t.cards.modalSubmit, 24) },
        close: { type: "plain_text", text: truncate(user.t.contacts.close, 24) },
        private_metadata: JSON.stringify({ reminderId, date, channel, ts: (body.message as { ts?: string })?.ts }),
        blocks: [
          {
            type: "input",
            block_id: CARDS_BLOCK,
            label: { type: "plain_text", text: user.t.cards.pick },
            // Slack lists at most 100 options; those still waiting come first by the list's order.
            element: { type: "multi_static_select", action_id: "value", options: waiting.slice(0, 100).map(option) },
          },
        ],
      };
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  });

  app.view(RECORD_CARDS_CALLBACK, async ({ ack, view, body, client }) => {
    await ack();
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as {
      reminderId?: number;
      date?: string;
      channel?: string;
      ts?: string;
    };
    const reply = replyPrivately(deps, client, userId, meta.channel);
    await answerSafely(deps, { userId, reply, what: RECORD_CARDS_CALLBACK }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const { reminderId, date } = meta;
      if (typeof reminderId !== "number" || !date) return;
      const values = view.state.values as Record<string, Record<string, { selected_options?: { value?: string }[] }>>;
      const ids = (values[CARDS_BLOCK]?.value?.selected_options ?? [])
        .map((o) => Number(o.value))
        .filter(Number.isInteger);
      let recorded = 0;
      for (const contactId of ids) {
        const r = await deps.services.greetings.record({
          contactId,
          kind: "card",
          occasion: `${reminderId}:${date}`,
          outcome: "sent",
          by: userId,
        });
        if (r?.recordedNow) recorded++;
      }
      const reminder = (await deps.services.calendarReminders.active("cards")).find((r) => r.id === reminderId);
      if (recorded > 0) await reply(user.t.cards.recorded(recorded, escapeMrkdwn(reminder?.name ?? "")));
      if (!reminder || !meta.channel || !meta.ts) return;
      // The campaign message's tracker, redrawn in the channel's language.
      const message = await renderCardCampaign({
        services: deps.services,
        locale: deps.defaultLocale,
        reminder,
        date,
        today: localDate(deps.clock.now(), deps.timeZone),
      });
      await client.chat.update({ channel: meta.channel, ts: meta.ts, ...message });
    });
  });
}

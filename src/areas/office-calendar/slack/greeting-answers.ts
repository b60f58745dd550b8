// The answers to the morning's name-day message ("wishes sent", "skip") and to a card campaign
// ("record cards sent"). Each answer is recorded once (the first stands) and the message is
// redrawn from the database, so simultaneous clicks on different contacts do not undo each other.
import type { App, ButtonAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { nameParts, vocativeOfName } from "../../../calendar/namedays/vocative.js";
import { messages } from "../../../i18n/index.js";
import { localDate } from "../../../lib/clock.js";
import { actionMessage } from "../../../slack/codec.js";
import { formState } from "../../../slack/form-state.js";
import { onAction, onForm, replyPrivately, type SlackKit } from "../../../slack/listener.js";
import { escapeMrkdwn } from "../../../slack/mrkdwn.js";
import { cardCampaignState, cardOccasion, loadCardCampaign } from "../card-campaign.js";
import { suggestedGreeting } from "../name-day-reminder.js";
import type { OfficeCalendarServices } from "../office-calendar-services.js";
import {
  CARDS_BLOCK,
  cardCampaignValue,
  RECORD_CARDS_ACTION,
  RECORD_CARDS_CALLBACK,
  recordCardsMetadata,
  recordCardsModal,
  renderCardCampaign,
} from "./card-views.js";
import {
  greetingOfBlock,
  greetingValue,
  redrawNameDayBlocks,
  VOCATIVE_ACTION,
  VOCATIVE_BLOCK,
  VOCATIVE_CALLBACK,
  vocativeMetadata,
  vocativeModal,
  WISHES_SENT_ACTION,
  WISHES_SKIP_ACTION,
} from "./name-day-views.js";

export function registerGreetingAnswers(app: App, kit: SlackKit, services: OfficeCalendarServices): void {
  onAction<ButtonAction, { contactId: number; date: string }>(app, kit, {
    id: new RegExp(`^(${WISHES_SENT_ACTION}|${WISHES_SKIP_ACTION})$`),
    role: "staff",
    value: greetingValue,
    async handle({ user, action, body, value, client, reply }) {
      const recorded = await services.greetings.record({
        contactId: value.contactId,
        kind: "name_day",
        occasion: value.date,
        outcome: action.action_id === WISHES_SENT_ACTION ? "sent" : "skipped",
        by: user.userId,
      });
      if (recorded.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames.staff));
      if (recorded.status === "not_found") return reply(user.t.contacts.notFound);
      const channel = body.channel?.id;
      const message = actionMessage(body);
      if (!channel || !message?.blocks) return;
      const shown = message.blocks as KnownBlock[];
      const states = new Map<string, Awaited<ReturnType<typeof services.greetings.statusOf>>[number]>();
      for (const block of shown) {
        const target = greetingOfBlock(block.block_id);
        if (!target) continue;
        const [state] = await services.greetings.statusOf("name_day", target.date, [target.contactId]);
        if (state) states.set(greetingValue.encode(target), state);
      }
      // The channel's language, as the message was posted in it.
      const blocks = redrawNameDayBlocks(
        messages(services.defaultLocale),
        shown,
        (contactId, date) => states.get(greetingValue.encode({ contactId, date })),
        services.timeZone,
      );
      await client.chat.update({ channel, ts: message.ts, text: message.text ?? "", blocks });
    },
  });

  // «Προσφώνηση»: staff correct once how a contact is addressed in the wishes.
  onAction<ButtonAction, { contactId: number; date: string }>(app, kit, {
    id: VOCATIVE_ACTION,
    role: "staff",
    value: greetingValue,
    async handle({ user, body, value, client, reply }) {
      const contact = await services.contacts.get(value.contactId);
      if (!contact) return reply(user.t.contacts.notFound);
      const feminine = nameParts(services.nameDays, contact.nameEl).feminine;
      const current = contact.vocative ?? (feminine ? contact.nameEl : vocativeOfName(contact.nameEl));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: vocativeModal(user.t, contact, current, body.channel?.id),
      });
    },
  });

  onForm(app, kit, {
    callbackId: VOCATIVE_CALLBACK,
    role: "staff",
    metadata: vocativeMetadata,
    errorBlock: VOCATIVE_BLOCK,
    async handle({ user, view, metadata, client }) {
      const typed = formState(view.state).text(VOCATIVE_BLOCK) ?? "";
      const reply = replyPrivately(kit, client, user.userId, metadata.channel);
      return {
        after: async () => {
          const done = await services.greetings.correctVocative({
            contactId: metadata.contactId,
            vocative: typed,
            by: user.userId,
          });
          if (done.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames.staff));
          if (done.status === "not_found") return reply(user.t.contacts.notFound);
          if (done.status === "unchanged") return reply(user.t.nameDays.vocativeUnchanged);
          const contact = await services.contacts.get(metadata.contactId);
          const greeting = contact ? suggestedGreeting(services.nameDays, { ...contact, language: null }) : undefined;
          await reply(user.t.nameDays.vocativeSaved(escapeMrkdwn(greeting ?? typed)));
        },
      };
    },
  });

  onAction<ButtonAction, { reminderId: number; date: string }>(app, kit, {
    id: RECORD_CARDS_ACTION,
    role: "staff",
    value: cardCampaignValue,
    async handle({ user, body, value, client, reply }) {
      const state = await cardCampaignState(services, value.reminderId, value.date);
      const waiting = state.recipients.filter((c) => !state.sent.has(c.id));
      if (waiting.length === 0) return reply(user.t.cards.nothingLeft);
      const ts = actionMessage(body)?.ts;
      await client.views.open({
        trigger_id: body.trigger_id,
        view: recordCardsModal(user.t, waiting, { ...value, channel: body.channel?.id, ts }),
      });
    },
  });

  onForm(app, kit, {
    callbackId: RECORD_CARDS_CALLBACK,
    role: "staff",
    metadata: recordCardsMetadata,
    errorBlock: CARDS_BLOCK,
    async handle({ user, view, metadata, client }) {
      const { reminderId, date } = metadata;
      const ids = formState(view.state).choices(CARDS_BLOCK).map(Number).filter(Number.isInteger);
      const reply = replyPrivately(kit, client, user.userId, metadata.channel);
      return {
        after: async () => {
          let recorded = 0;
          for (const contactId of ids) {
            const r = await services.greetings.record({
              contactId,
              kind: "card",
              occasion: cardOccasion(reminderId, date),
              outcome: "sent",
              by: user.userId,
            });
            if (r.status === "recorded" && r.greeting.recordedNow) recorded++;
          }
          const reminder = (await services.reminders.active("cards")).find((r) => r.id === reminderId);
          if (recorded > 0) await reply(user.t.cards.recorded(recorded, escapeMrkdwn(reminder?.name ?? "")));
          if (!reminder || !metadata.channel || !metadata.ts) return;
          // The campaign message's tracker, redrawn in the channel's language.
          const campaign = await loadCardCampaign(services, {
            reminder,
            date,
            today: localDate(services.clock.now(), services.timeZone),
          });
          await client.chat.update({
            channel: metadata.channel,
            ts: metadata.ts,
            ...renderCardCampaign(services.defaultLocale, campaign),
          });
        },
      };
    },
  });
}

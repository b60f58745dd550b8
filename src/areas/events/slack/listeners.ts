// `/event`: the form (with the overlap warning), the card in the PR office's channel with its
// calendar file and cancellation, and the list of a period.
import type { App, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type LocaleCode, type Messages, messages } from "../../../i18n/index.js";
import { formatDayMonthYear, localDate, shiftDate } from "../../../lib/clock.js";
import { idCodec } from "../../../slack/codec.js";
import { formState } from "../../../slack/form-state.js";
import {
  fieldErrors,
  onAction,
  onCommand,
  onForm,
  onOptions,
  type Reply,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { EventsContext } from "../deps.js";
import { type EventError, type EventInput, validateEvent } from "../event-validation.js";
import { EVENTS_ROLE, listPeriod } from "../rules.js";
import { isRefused } from "../service.js";
import type { EventWithType } from "../store.js";
import { exportGifts, registerEventExtras, showGifts, showInvitations } from "./event-extras.js";
import { registerEventFollowUp, showChecklist } from "./event-follow-up.js";
import { placeGuest, registerEventGuests, showGuests } from "./event-guests.js";
import {
  buildEventModal,
  cancelMetadata,
  cancelModal,
  EVENT_CANCEL_ACTION,
  EVENT_CANCEL_CALLBACK,
  EVENT_CHECKLIST_ACTION,
  EVENT_CREATE_ACTION,
  EVENT_EDIT_ACTION,
  EVENT_ICS_ACTION,
  EVENT_MODAL_CALLBACK,
  EVENT_PARTNER_OPTIONS,
  eventCard,
  eventModalMetadata,
  eventValues,
  eventWhen,
  newEventValue,
  readEventState,
} from "./event-views.js";
import { opened } from "./opened.js";

function errorText(t: Messages, e: EventError): string {
  return e.code === "tooLong" ? t.events.errors.tooLong(e.max) : t.events.errors[e.code];
}

/** The partner an event names, from the partners area: its name and its card's button. */
async function partnerOf(ctx: EventsContext, partnerId: number | null | undefined) {
  if (!partnerId) return undefined;
  const p = await ctx.partners.get(partnerId);
  return p ? { name: p.name, ...ctx.partners.cardButton(p.id) } : undefined;
}

/** The chosen partner of a form's values, for the select's initial option. */
async function chosenPartner(ctx: EventsContext, partnerId: string | undefined) {
  const id = partnerId ? idCodec.decode(partnerId) : undefined;
  return id === undefined ? undefined : ((await ctx.partners.get(id)) ?? undefined);
}

/** The event's card, with its partner (when one was chosen) as a link to the partner's card. */
async function cardOf(ctx: EventsContext, t: Messages, locale: LocaleCode, e: EventWithType) {
  return eventCard(t, locale, e, ctx.timeZone, await partnerOf(ctx, e.partnerId));
}

const noPermission = (user: UserView) => user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]);

export async function openEventForm(
  ctx: EventsContext,
  client: WebClient,
  user: UserView,
  triggerId: string,
  values: EventInput,
  channel?: string,
) {
  await client.views.open({
    trigger_id: triggerId,
    view: buildEventModal({
      t: user.t,
      locale: user.locale,
      types: await ctx.events.types(),
      values,
      today: localDate(ctx.clock.now(), ctx.timeZone),
      metadata: channel ? { channel } : {},
    }),
  });
}

async function postCard(ctx: EventsContext, e: EventWithType) {
  const channel = ctx.prChannelId ?? e.createdBy;
  const card = await cardOf(ctx, messages(ctx.defaultLocale), ctx.defaultLocale, e);
  const sent = await ctx.sender.post({ key: `event-card:${e.id}`, channel, ...card });
  await ctx.events.setCard(e.id, sent.channel, sent.ts);
}

async function listEvents(ctx: EventsContext, user: UserView, text: string, reply: Reply) {
  const today = localDate(ctx.clock.now(), ctx.timeZone);
  const p = listPeriod(text, today);
  if (!p) return reply(user.t.events.badCommand(escapeMrkdwn(truncate(text, 60))));
  const at = (d: string) => new Date(`${d}T00:00:00Z`); // approximate bounds, refined below by local date
  const events = (await ctx.events.between(at(shiftDate(p.from, -1)), at(shiftDate(p.to, 1)))).filter(
    (e) => localDate(e.endsAt, ctx.timeZone) >= p.from && localDate(e.startsAt, ctx.timeZone) < p.to,
  );
  const title = user.t.events.listTitle(formatDayMonthYear(p.from), formatDayMonthYear(shiftDate(p.to, -1)));
  if (events.length === 0) return reply(`${title}\n${user.t.events.listEmpty}`);
  const lines = events.map(
    (e) =>
      `• #${e.id} *${escapeMrkdwn(truncate(e.title, 100))}* · ${eventWhen(user.t, e, ctx.timeZone)}${e.venue ? ` · ${escapeMrkdwn(truncate(e.venue, 60))}` : ""}`,
  );
  await reply([title, ...lines.slice(0, 50)].join("\n"));
}

export function register(app: App, ctx: EventsContext): void {
  const { kit } = ctx;
  registerEventFollowUp(app, ctx);
  registerEventGuests(app, ctx);
  registerEventExtras(app, ctx);

  // The form's partner select: the partners found by what was typed (staff only, as the form is).
  onOptions(app, kit, {
    actionId: EVENT_PARTNER_OPTIONS,
    async handle({ user, query }) {
      if (!(await kit.roles.hasRole(user.userId, EVENTS_ROLE))) return [];
      const found = query.trim() ? await ctx.partners.search(query.slice(0, 100)) : [];
      return found.slice(0, 20).map((p) => ({
        text: { type: "plain_text" as const, text: truncate(p.name, 75) },
        value: String(p.id),
      }));
    },
  });
  onCommand(app, kit, {
    name: "/event",
    role: EVENTS_ROLE,
    help: (t) => t.events.help,
    async handle({ user, command, text, client, reply }) {
      const [verb = "", ...rest] = text.split(/\s+/);
      if (!text) return openEventForm(ctx, client, user, command.trigger_id, {}, command.channel_id);
      if (verb === "list") return listEvents(ctx, user, rest.join(" "), reply);
      const id = Number(verb.replace(/^#/, ""));
      const isId = Number.isInteger(id) && id > 0;
      if (rest.length === 1 && rest[0] === "checklist" && isId) return showChecklist(ctx, user, id, reply);
      if (rest.length === 1 && rest[0] === "guests" && isId) return showGuests(ctx, user, id, reply);
      if (rest[0] === "place" && isId) return placeGuest(ctx, user, id, rest.slice(1), reply);
      if (rest.length === 1 && rest[0] === "invitations" && isId) return showInvitations(ctx, user, id, reply);
      if (rest.length === 1 && rest[0] === "gifts" && isId) return showGifts(ctx, user, id, reply);
      if (verb === "gifts" && rest.length <= 1) {
        const year = rest[0] ? Number(rest[0]) : Number(localDate(ctx.clock.now(), ctx.timeZone).slice(0, 4));
        if (Number.isInteger(year) && year >= 2000 && year <= 2100) return exportGifts(ctx, client, user, year, reply);
      }
      if (rest.length === 0 && isId) {
        const e = await opened(await ctx.events.eventFor(user.userId, id), user, reply);
        if (!e) return;
        const card = await cardOf(ctx, user.t, user.locale, e);
        return reply(card.text, card.blocks);
      }
      await reply(user.t.events.badCommand(escapeMrkdwn(truncate(text, 60))));
    },
  });

  onForm(app, kit, {
    callbackId: EVENT_MODAL_CALLBACK,
    role: EVENTS_ROLE,
    metadata: eventModalMetadata,
    errorBlock: "title",
    async handle({ user, view, metadata }) {
      const input = readEventState(view.state);
      const types = await ctx.events.types();
      const result = validateEvent(input, {
        now: ctx.clock.now(),
        timeZone: ctx.timeZone,
        knownTypes: new Set(types.map((t) => t.slug)),
      });
      if (!result.ok) return { errors: fieldErrors(result.errors, (e) => errorText(user.t, e)) };
      // A partner chosen from the list that is not (or no longer) there: said under its field.
      if (result.draft.partnerId !== null && !(await ctx.partners.get(result.draft.partnerId)))
        return { errors: { partnerId: errorText(user.t, { code: "unknownPartner" }) } };
      if (!metadata.acceptOverlap) {
        const clash = await ctx.events.overlaps(result.draft, metadata.eventId);
        if (clash.length > 0) {
          const list = clash
            .map((e) => `#${e.id} «${escapeMrkdwn(truncate(e.title, 80))}» (${eventWhen(user.t, e, ctx.timeZone)})`)
            .join(", ");
          return {
            update: buildEventModal({
              t: user.t,
              locale: user.locale,
              types,
              values: input,
              today: localDate(ctx.clock.now(), ctx.timeZone),
              metadata: { ...metadata, acceptOverlap: true },
              notice: user.t.events.overlap(list),
              partner: await chosenPartner(ctx, input.partnerId),
            }),
          };
        }
      }
      if (metadata.eventId !== undefined) {
        const updated = await ctx.events.update(user.userId, metadata.eventId, result.draft);
        if (isRefused(updated)) return { errors: { title: noPermission(user) } };
        if (!updated) return { errors: { title: user.t.events.notFound } };
        if (!updated.changed) return {};
        const e = updated.event;
        return {
          after: async () => {
            const t = messages(ctx.defaultLocale);
            if (e.cardChannel && e.cardTs)
              await app.client.chat.update({
                channel: e.cardChannel,
                ts: e.cardTs,
                ...(await cardOf(ctx, t, ctx.defaultLocale, e)),
              });
            await replyPrivately(
              kit,
              app.client,
              user.userId,
              metadata.channel,
            )(user.t.events.updated(e.id, escapeMrkdwn(truncate(e.title, 150))));
          },
        };
      }
      const outcome = await ctx.events.create({
        draft: result.draft,
        createdBy: user.userId,
        submissionKey: view.id,
      });
      if (isRefused(outcome)) return { errors: { title: noPermission(user) } };
      if (outcome.status !== "created") return {};
      const e = outcome.event;
      // What was said after the last event of this kind, to plan this one better.
      const last = await ctx.events.lastFeedbackOfType(e.typeSlug, e.id);
      const notes = (last?.feedback ?? [])
        .map((f) => [f.toImprove, f.suggestions].filter(Boolean).join(" · "))
        .filter(Boolean)
        .join(" | ");
      const lessons =
        last && notes
          ? user.t.events.lastTime(escapeMrkdwn(truncate(last.event.title, 100)), escapeMrkdwn(truncate(notes, 1500)))
          : "";
      const caughtUp = outcome.dueTodayInstead ? user.t.events.dueTodayInstead(outcome.dueTodayInstead) : "";
      const saved = `${user.t.events.saved(e.id, escapeMrkdwn(truncate(e.title, 150)))}${caughtUp}${lessons}`;
      return {
        after: async () => {
          await postCard(ctx, e);
          await replyPrivately(kit, app.client, user.userId, metadata.channel)(saved);
        },
      };
    },
  });

  onAction<ButtonAction, number>(app, kit, {
    id: EVENT_ICS_ACTION,
    role: EVENTS_ROLE,
    value: idCodec,
    async handle({ user, value, client, reply }) {
      const e = await opened(await ctx.events.eventFor(user.userId, value), user, reply);
      if (!e) return;
      const ics = ctx.events.toIcs([e], e.title);
      await sendFilesPrivately(client, user.userId, user.t.events.icsReady(escapeMrkdwn(truncate(e.title, 150))), [
        { file: Buffer.from(ics, "utf8"), filename: `grafeio-event-${e.id}.ics` },
      ]);
    },
  });

  onAction<ButtonAction, number>(app, kit, {
    id: EVENT_CANCEL_ACTION,
    role: EVENTS_ROLE,
    value: idCodec,
    async handle({ user, value, body, client, reply }) {
      const e = await opened(await ctx.events.eventFor(user.userId, value), user, reply);
      if (!e) return;
      await client.views.open({ trigger_id: body.trigger_id, view: cancelModal(user.t, e, body.channel?.id) });
    },
  });

  onAction<ButtonAction, number>(app, kit, {
    id: new RegExp(`^(${EVENT_EDIT_ACTION}|${EVENT_CHECKLIST_ACTION})$`),
    role: EVENTS_ROLE,
    value: idCodec,
    async handle({ user, action, value, body, client, reply }) {
      const e = await opened(await ctx.events.eventFor(user.userId, value), user, reply);
      if (!e) return;
      if (action.action_id === EVENT_CHECKLIST_ACTION) return showChecklist(ctx, user, e.id, reply);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildEventModal({
          t: user.t,
          locale: user.locale,
          types: await ctx.events.types(),
          values: eventValues(e, ctx.timeZone),
          today: localDate(ctx.clock.now(), ctx.timeZone),
          metadata: { ...(body.channel?.id ? { channel: body.channel.id } : {}), eventId: e.id },
          partner: await chosenPartner(ctx, e.partnerId ? String(e.partnerId) : undefined),
        }),
      });
    },
  });

  // A national-day reminder's button: the form, prefilled with the day and its name.
  onAction<ButtonAction, NonNullable<ReturnType<typeof newEventValue.decode>>>(app, kit, {
    id: EVENT_CREATE_ACTION,
    role: EVENTS_ROLE,
    value: newEventValue,
    async handle({ user, value, body, client }) {
      await openEventForm(
        ctx,
        client,
        user,
        body.trigger_id,
        { title: value.title, startDate: value.date, typeSlug: value.type },
        body.channel?.id,
      );
    },
  });

  onForm(app, kit, {
    callbackId: EVENT_CANCEL_CALLBACK,
    role: EVENTS_ROLE,
    metadata: cancelMetadata,
    errorBlock: "reason",
    async handle({ user, view, metadata, client }) {
      const reason = (formState(view.state).text("reason") ?? "").trim();
      const e = await ctx.events.cancel(metadata.id, user.userId, reason || null);
      if (isRefused(e)) return { errors: { reason: noPermission(user) } };
      if (!e) return {}; // cancelled already: the first cancellation told everyone
      kit.logger.info({ user: user.userId, event: e.id }, "event cancelled");
      return {
        after: async () => {
          const t = messages(ctx.defaultLocale);
          if (e.cardChannel && e.cardTs)
            await client.chat.update({
              channel: e.cardChannel,
              ts: e.cardTs,
              ...(await cardOf(ctx, t, ctx.defaultLocale, e)),
            });
          // Everyone involved hears of it, once: the responsible staff and whoever registered it.
          for (const person of new Set([...e.responsible, e.createdBy])) {
            const tp = messages(await kit.locales.resolve(person));
            const text = tp.events.cancelled(
              e.id,
              escapeMrkdwn(truncate(e.title, 150)),
              `<@${user.userId}>`,
              escapeMrkdwn(truncate(reason, 300)),
            );
            await ctx.sender.post({ key: `event-cancelled:${e.id}:${person}`, channel: person, text });
          }
        },
      };
    },
  });
}

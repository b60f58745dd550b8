// `/event`: the form (with the overlap warning), the card in the PR office's channel with its
// calendar file and cancellation, and the list of a period.
import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type Messages, messages } from "../../../i18n/index.js";
import { formatDayMonthYear, localDate, shiftDate } from "../../../lib/clock.js";
import { acceptForm, fieldErrors } from "../../../slack/form-submission.js";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  registerOfficeButton,
  registerOfficeCommand,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { parseDayArgument } from "../../office-calendar/day-argument.js";
import type { EventWithType } from "../event-service.js";
import { type EventError, type EventInput, validateEvent } from "../event-validation.js";
import { exportGifts, registerEventExtras, showGifts, showInvitations } from "./event-extras.js";
import { registerEventFollowUp, showChecklist } from "./event-follow-up.js";
import { placeGuest, registerEventGuests, showGuests } from "./event-guests.js";
import {
  buildEventModal,
  cancelModal,
  EVENT_CANCEL_ACTION,
  EVENT_CANCEL_CALLBACK,
  EVENT_CHECKLIST_ACTION,
  EVENT_CREATE_ACTION,
  EVENT_EDIT_ACTION,
  EVENT_ICS_ACTION,
  EVENT_MODAL_CALLBACK,
  type EventModalMetadata,
  eventCard,
  eventValues,
  eventWhen,
  readEventState,
} from "./event-views.js";

function errorText(t: Messages, e: EventError): string {
  return e.code === "tooLong" ? t.events.errors.tooLong(e.max) : t.events.errors[e.code];
}

export async function openEventForm(
  deps: HandlerDeps,
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
      types: await deps.services.events.types(),
      values,
      today: localDate(deps.clock.now(), deps.timeZone),
      metadata: { channel },
    }),
  });
}

async function postCard(deps: HandlerDeps, e: EventWithType) {
  const channel = deps.prChannelId ?? e.createdBy;
  const card = eventCard(messages(deps.defaultLocale), deps.defaultLocale, e, deps.timeZone);
  const sent = await deps.sender.post({ key: `event-card:${e.id}`, channel, ...card });
  await deps.services.events.setCard(e.id, sent.channel, sent.ts);
}

/** `week` (default), `month`, one day, or two days (`1/12 31/12`): the period as [from, to) dates. */
function period(text: string, today: string): { from: string; to: string } | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words[0] === "week" || words[0] === "εβδομάδα")
    return { from: today, to: shiftDate(today, 7) };
  if (words[0] === "month" || words[0] === "μήνας") return { from: today, to: shiftDate(today, 31) };
  const days = words.map((w) => parseDayArgument(w, today));
  if (days.length > 2 || days.some((d) => d.kind !== "date")) return undefined;
  const [a, b] = days.map((d) => (d.kind === "date" ? d.date : today)) as [string, string | undefined];
  const to = b ?? a;
  return to < a ? undefined : { from: a, to: shiftDate(to, 1) };
}

async function listEvents(deps: HandlerDeps, user: UserView, text: string, reply: Reply) {
  const today = localDate(deps.clock.now(), deps.timeZone);
  const p = period(text, today);
  if (!p) return reply(user.t.events.badCommand(escapeMrkdwn(truncate(text, 60))));
  const at = (d: string) => new Date(`${d}T00:00:00Z`); // approximate bounds, refined below by local date
  const events = (await deps.services.events.between(at(shiftDate(p.from, -1)), at(shiftDate(p.to, 1)))).filter(
    (e) => localDate(e.endsAt, deps.timeZone) >= p.from && localDate(e.startsAt, deps.timeZone) < p.to,
  );
  const title = user.t.events.listTitle(formatDayMonthYear(p.from), formatDayMonthYear(shiftDate(p.to, -1)));
  if (events.length === 0) return reply(`${title}\n${user.t.events.listEmpty}`);
  const lines = events.map(
    (e) =>
      `• #${e.id} *${escapeMrkdwn(truncate(e.title, 100))}* · ${eventWhen(user.t, e, deps.timeZone)}${e.venue ? ` · ${escapeMrkdwn(truncate(e.venue, 60))}` : ""}`,
  );
  await reply([title, ...lines.slice(0, 50)].join("\n"));
}

export function register(app: App, deps: HandlerDeps): void {
  registerEventFollowUp(app, deps);
  registerEventGuests(app, deps);
  registerEventExtras(app, deps);
  registerOfficeCommand(app, deps, "/event", "staff", async ({ user, command, client, reply }) => {
    const text = command.text.trim();
    const [verb = "", ...rest] = text.split(/\s+/);
    if (!text) return openEventForm(deps, client, user, command.trigger_id, {}, command.channel_id);
    if (verb === "help") return reply(user.t.events.help);
    if (verb === "list") return listEvents(deps, user, rest.join(" "), reply);
    const id = Number(verb.replace(/^#/, ""));
    if (rest.length === 1 && rest[0] === "checklist" && Number.isInteger(id) && id > 0)
      return showChecklist(deps, user, id, reply);
    if (rest.length === 1 && rest[0] === "guests" && Number.isInteger(id) && id > 0)
      return showGuests(deps, user, id, reply);
    if (rest[0] === "place" && Number.isInteger(id) && id > 0) return placeGuest(deps, user, id, rest.slice(1), reply);
    if (rest.length === 1 && rest[0] === "invitations" && Number.isInteger(id) && id > 0)
      return showInvitations(deps, user, id, reply);
    if (rest.length === 1 && rest[0] === "gifts" && Number.isInteger(id) && id > 0)
      return showGifts(deps, user, id, reply);
    if (verb === "gifts" && rest.length <= 1) {
      const year = rest[0] ? Number(rest[0]) : Number(localDate(deps.clock.now(), deps.timeZone).slice(0, 4));
      if (Number.isInteger(year) && year >= 2000 && year <= 2100) return exportGifts(deps, client, user, year, reply);
    }
    if (rest.length === 0 && Number.isInteger(id) && id > 0) {
      const e = await deps.services.events.get(id);
      if (!e) return reply(user.t.events.notFound);
      const card = eventCard(user.t, user.locale, e, deps.timeZone);
      return reply(card.text, card.blocks);
    }
    await reply(user.t.events.badCommand(escapeMrkdwn(truncate(text, 60))));
  });

  app.view(EVENT_MODAL_CALLBACK, async ({ ack, view, body }) => {
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as EventModalMetadata;
    await acceptForm(
      deps,
      { ack, view, userId, what: EVENT_MODAL_CALLBACK, errorBlock: "title" },
      async (user, channel) => {
        const input = readEventState(view.state);
        const types = await deps.services.events.types();
        const result = validateEvent(input, {
          now: deps.clock.now(),
          timeZone: deps.timeZone,
          knownTypes: new Set(types.map((t) => t.slug)),
        });
        if (!result.ok) return { errors: fieldErrors(result.errors, (e) => errorText(user.t, e)) };
        if (!meta.acceptOverlap) {
          const clash = await deps.services.events.overlaps(result.draft, meta.eventId);
          if (clash.length > 0) {
            const list = clash
              .map((e) => `#${e.id} «${escapeMrkdwn(truncate(e.title, 80))}» (${eventWhen(user.t, e, deps.timeZone)})`)
              .join(", ");
            return {
              update: buildEventModal({
                t: user.t,
                locale: user.locale,
                types,
                values: input,
                today: localDate(deps.clock.now(), deps.timeZone),
                metadata: { ...meta, acceptOverlap: true },
                notice: user.t.events.overlap(list),
              }),
            };
          }
        }
        if (meta.eventId !== undefined) {
          const updated = await deps.services.events.update(meta.eventId, result.draft);
          if (!updated) return { errors: { title: user.t.events.notFound } };
          if (!updated.changed) return {};
          const e = updated.event;
          return {
            after: async () => {
              const t = messages(deps.defaultLocale);
              if (e.cardChannel && e.cardTs)
                await app.client.chat.update({
                  channel: e.cardChannel,
                  ts: e.cardTs,
                  ...eventCard(t, deps.defaultLocale, e, deps.timeZone),
                });
              await replyPrivately(
                deps,
                app.client,
                userId,
                channel,
              )(user.t.events.updated(e.id, escapeMrkdwn(truncate(e.title, 150))));
            },
          };
        }
        const outcome = await deps.services.events.create({
          draft: result.draft,
          createdBy: userId,
          submissionKey: view.id,
        });
        if (outcome.status !== "created") return {};
        const e = outcome.event;
        // What was said after the last event of this kind, to plan this one better.
        const last = await deps.services.events.lastFeedbackOfType(e.typeSlug, e.id);
        const notes = (last?.feedback ?? [])
          .map((f) => [f.toImprove, f.suggestions].filter(Boolean).join(" · "))
          .filter(Boolean)
          .join(" | ");
        const lessons =
          last && notes
            ? user.t.events.lastTime(escapeMrkdwn(truncate(last.event.title, 100)), escapeMrkdwn(truncate(notes, 1500)))
            : "";
        const saved = `${user.t.events.saved(e.id, escapeMrkdwn(truncate(e.title, 150)))}${lessons}`;
        return {
          after: async () => {
            await postCard(deps, e);
            await replyPrivately(deps, app.client, userId, channel)(saved);
          },
        };
      },
    );
  });

  registerOfficeButton(app, deps, EVENT_ICS_ACTION, "staff", async ({ user, action, client, reply }) => {
    const e = await deps.services.events.get(Number(action.value));
    if (!e) return reply(user.t.events.notFound);
    const ics = deps.services.events.toIcs([e], e.title);
    await sendFilesPrivately(client, user.userId, user.t.events.icsReady(escapeMrkdwn(truncate(e.title, 150))), [
      { file: Buffer.from(ics, "utf8"), filename: `grafeio-event-${e.id}.ics` },
    ]);
  });

  registerOfficeButton(app, deps, EVENT_CANCEL_ACTION, "staff", async ({ user, action, body, client, reply }) => {
    const e = await deps.services.events.get(Number(action.value));
    if (!e) return reply(user.t.events.notFound);
    await client.views.open({ trigger_id: body.trigger_id, view: cancelModal(user.t, e, body.channel?.id) });
  });

  registerOfficeButton(
    app,
    deps,
    new RegExp(`^(${EVENT_EDIT_ACTION}|${EVENT_CHECKLIST_ACTION})$`),
    "staff",
    async ({ user, action, body, client, reply }) => {
      const e = await deps.services.events.get(Number(action.value));
      if (!e) return reply(user.t.events.notFound);
      if (action.action_id === EVENT_CHECKLIST_ACTION) return showChecklist(deps, user, e.id, reply);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildEventModal({
          t: user.t,
          locale: user.locale,
          types: await deps.services.events.types(),
          values: eventValues(e, deps.timeZone),
          today: localDate(deps.clock.now(), deps.timeZone),
          metadata: { channel: body.channel?.id, eventId: e.id },
        }),
      });
    },
  );

  // A national-day reminder's button: the form, prefilled with the day and its name.
  registerOfficeButton(app, deps, EVENT_CREATE_ACTION, "staff", async ({ user, action, body, client }) => {
    const value = JSON.parse(action.value ?? "{}") as { title?: string; date?: string; type?: string };
    await openEventForm(
      deps,
      client,
      user,
      body.trigger_id,
      { title: value.title, startDate: value.date, typeSlug: value.type },
      body.channel?.id,
    );
  });

  app.view(EVENT_CANCEL_CALLBACK, async ({ ack, view, body, client }) => {
    await ack();
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as { id?: number; channel?: string };
    const reply = replyPrivately(deps, client, userId, meta.channel);
    await answerSafely(deps, { userId, reply, what: EVENT_CANCEL_CALLBACK }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const reason = (
        (view.state.values as Record<string, Record<string, { value?: string | null }>>).reason?.value?.value ?? ""
      ).trim();
      const e = await deps.services.events.cancel(Number(meta.id), userId, reason || null);
      if (!e) return; // cancelled already: the first cancellation told everyone
      deps.logger.info({ user: userId, event: e.id }, "event cancelled");
      const t = messages(deps.defaultLocale);
      if (e.cardChannel && e.cardTs)
        await client.chat.update({
          channel: e.cardChannel,
          ts: e.cardTs,
          ...eventCard(t, deps.defaultLocale, e, deps.timeZone),
        });
      // Everyone involved hears of it, once: the responsible staff and whoever registered it.
      for (const person of new Set([...e.responsible, e.createdBy])) {
        const tp = messages(await deps.services.locales.resolve(person));
        const text = tp.events.cancelled(
          e.id,
          escapeMrkdwn(truncate(e.title, 150)),
          `<@${userId}>`,
          escapeMrkdwn(truncate(reason, 300)),
        );
        await deps.sender.post({ key: `event-cancelled:${e.id}:${person}`, channel: person, text });
      }
    });
  });
}

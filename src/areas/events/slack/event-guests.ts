// An event's officials in order of precedence: the list (with the unranked flagged and hand-set
// places explained), adding an official, placing one by hand, and the printable PDF.
import type { App, ButtonAction } from "@slack/bolt";
import { isRealIsoDate } from "../../../lib/clock.js";
import { idCodec } from "../../../slack/codec.js";
import { formState } from "../../../slack/form-state.js";
import {
  onAction,
  onForm,
  type Reply,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { EventsContext } from "../deps.js";
import { precedencePdfOffLoop } from "../precedence-pdf.js";
import { EVENTS_ROLE } from "../rules.js";
import { isRefused } from "../service.js";
import { eventWhen } from "./event-views.js";
import {
  ADD_GUEST_ACTION,
  ADD_GUEST_CALLBACK,
  addGuestModal,
  GUESTS_PDF_ACTION,
  guestMetadata,
  guestsBlocks,
} from "./guest-views.js";
import { opened } from "./opened.js";

const ACTION = "value";

export async function showGuests(ctx: EventsContext, user: UserView, eventId: number, reply: Reply) {
  const found = await opened(await ctx.events.guestsFor(user.userId, eventId), user, reply);
  if (!found) return;
  const content = guestsBlocks(user.t, found.event, found.shown);
  await reply(content.text, content.blocks);
}

/** `/event 12 place <guest> <position> <reason>` or `/event 12 place <guest> auto`. */
export async function placeGuest(ctx: EventsContext, user: UserView, eventId: number, args: string[], reply: Reply) {
  const [guestText, positionText, ...reasonWords] = args;
  const guestId = Number((guestText ?? "").replace(/^#/, ""));
  const auto = positionText === "auto";
  const position = Number(positionText);
  const reason = reasonWords.join(" ").trim();
  if (
    !Number.isInteger(guestId) ||
    (!auto && (!Number.isInteger(position) || position < 1 || position > 500 || !reason))
  )
    return reply(user.t.events.badPlace);
  const placed = await ctx.events.placeGuest(
    user.userId,
    eventId,
    guestId,
    auto ? null : position,
    auto ? null : truncate(reason, 300),
  );
  if (isRefused(placed)) return reply(user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]));
  if (!placed) return reply(user.t.events.notFound);
  await showGuests(ctx, user, eventId, reply);
}

export function registerEventGuests(app: App, ctx: EventsContext): void {
  const { kit } = ctx;
  onAction<ButtonAction, number>(app, kit, {
    id: ADD_GUEST_ACTION,
    role: EVENTS_ROLE,
    value: idCodec,
    async handle({ user, value, body, client, reply }) {
      // The service says whether this person may work on this event before the form opens.
      if (!(await opened(await ctx.events.eventFor(user.userId, value), user, reply))) return;
      await client.views.open({
        trigger_id: body.trigger_id,
        // The archive's important contacts first: guests of honour are usually there.
        view: addGuestModal(user.t, value, await ctx.contacts.officials(), body.channel?.id),
      });
    },
  });

  onForm(app, kit, {
    callbackId: ADD_GUEST_CALLBACK,
    role: EVENTS_ROLE,
    metadata: guestMetadata,
    errorBlock: "name",
    async handle({ user, view, metadata, client }) {
      const form = formState(view.state, [ACTION]);
      const contactId = idCodec.decode(form.choice("contact"));
      const contact = contactId ? await ctx.contacts.get(contactId) : null;
      // Typed values win over the contact's: the office at this event may differ from the archive's.
      const name = (form.text("name") ?? "").replace(/\s+/g, " ").trim() || contact?.nameEl || "";
      const office = (form.text("office") ?? "").replace(/\s+/g, " ").trim() || contact?.title || "";
      const tieDate = form.date("tieDate");
      const errors: Record<string, string> = {};
      if (!name) errors.name = user.t.events.errors.required;
      if (!office) errors.office = user.t.events.errors.required;
      if (tieDate && !isRealIsoDate(tieDate)) errors.tieDate = user.t.events.errors.dateInvalid;
      if (Object.keys(errors).length) return { errors };
      const { eventId } = metadata;
      if (!(await ctx.events.get(eventId))) return { errors: { name: user.t.events.notFound } };
      const added = await ctx.events.addGuest({
        eventId,
        name,
        office,
        tieDate,
        contactId: contact?.id,
        addedBy: user.userId,
        submissionKey: view.id,
      });
      if (isRefused(added))
        return { errors: { name: user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]) } };
      // A Slack retry of the same form adds nobody and shows nothing again.
      if (!added) return {};
      return {
        after: () => showGuests(ctx, user, eventId, replyPrivately(kit, client, user.userId, metadata.channel)),
      };
    },
  });

  onAction<ButtonAction, number>(app, kit, {
    id: GUESTS_PDF_ACTION,
    role: EVENTS_ROLE,
    value: idCodec,
    async handle({ user, value, client, reply }) {
      const found = await opened(await ctx.events.guestsFor(user.userId, value), user, reply);
      if (!found) return;
      const { event } = found;
      const m = user.t.events;
      const reasons = found.shown.flatMap((g) => (g.overrideReason ? [g.overrideReason] : []));
      const pdf = await precedencePdfOffLoop(found.shown, {
        title: `${event.title}`,
        subtitle: m.pdfSubtitle(eventWhen(user.t, event, ctx.timeZone), event.venue ?? ""),
        unranked: m.unranked.replace(/:[a-z_]+: /, ""),
        byHand: new Map(reasons.map((reason) => [reason, m.byHand(reason).replace(/:[a-z_]+: /, "")])),
        speeches: m.speeches,
      });
      await sendFilesPrivately(client, user.userId, m.pdfReady(escapeMrkdwn(truncate(event.title, 150))), [
        { file: pdf, filename: `grafeio-event-${event.id}-precedence.pdf` },
      ]);
    },
  });
}

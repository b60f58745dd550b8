// An event's officials in order of precedence: the list (with the unranked flagged and hand-set
// places explained), adding an official, placing one by hand, and the printable PDF.
import type { App } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import { isRealIsoDate } from "../../../lib/clock.js";
import { acceptForm } from "../../../slack/form-submission.js";
import {
  type HandlerDeps,
  type Reply,
  registerOfficeButton,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { ContactRecord } from "../../contacts/contact-service.js";
import { precedencePdf } from "../precedence-pdf.js";
import { eventWhen } from "./event-views.js";

export const ADD_GUEST_ACTION = "event_add_guest";
export const GUESTS_PDF_ACTION = "event_guests_pdf";
export const ADD_GUEST_CALLBACK = "event_add_guest_modal";
const ACTION = "value";
const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });

export async function showGuests(deps: HandlerDeps, user: UserView, eventId: number, reply: Reply) {
  const m = user.t.events;
  const event = await deps.services.events.get(eventId);
  if (!event) return reply(m.notFound);
  const guests = await deps.services.events.orderedGuests(eventId);
  const heading = m.guestsTitle(event.id, escapeMrkdwn(truncate(event.title, 150)));
  const lines = guests.slice(0, 60).map((g, i) => {
    const notes = [
      g.rank === null ? m.unranked : "",
      g.position !== null && g.overrideReason ? m.byHand(escapeMrkdwn(truncate(g.overrideReason, 200))) : "",
    ].filter(Boolean);
    return `${m.guestLine(i + 1, escapeMrkdwn(truncate(g.name, 100)), escapeMrkdwn(truncate(g.office, 100)), g.id)}${notes.length ? `\n    ${notes.join(" · ")}` : ""}`;
  });
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: heading } }];
  let chunk = "";
  for (const line of lines.length ? lines : [m.guestsEmpty]) {
    if (chunk.length + line.length > 2900) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
      chunk = "";
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
  if (guests.length > 1) {
    // Speeches go the other way: the highest in precedence speaks last.
    const speeches = [...guests].reverse().map((g, i) => `${i + 1}. ${escapeMrkdwn(truncate(g.name, 80))}`);
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: truncate(`*${m.speeches}*: ${speeches.join(" · ")}`, 2900) }],
    });
  }
  blocks.push({
    type: "actions",
    elements: [
      { type: "button", action_id: ADD_GUEST_ACTION, text: plain(m.addGuest, 75), value: String(eventId) },
      ...(guests.length
        ? [
            {
              type: "button" as const,
              action_id: GUESTS_PDF_ACTION,
              text: plain(m.guestsPdf, 75),
              value: String(eventId),
            },
          ]
        : []),
    ],
  });
  await reply(heading.replace(/\*/g, ""), blocks);
}

/** `/event 12 place <guest> <position> <reason>` or `/event 12 place <guest> auto`. */
export async function placeGuest(deps: HandlerDeps, user: UserView, eventId: number, args: string[], reply: Reply) {
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
  if (
    !(await deps.services.events.placeGuest(
      eventId,
      guestId,
      auto ? null : position,
      auto ? null : truncate(reason, 300),
    ))
  )
    return reply(user.t.events.notFound);
  await showGuests(deps, user, eventId, reply);
}

function addGuestModal(user: UserView, eventId: number, contacts: ContactRecord[], channel?: string): ModalView {
  const m = user.t.events;
  const contactOptions = contacts.slice(0, 100).map((c) => ({
    text: plain(`${c.nameEl}${c.title ? `, ${c.title}` : ""}`, 75),
    value: String(c.id),
  }));
  return {
    type: "modal",
    callback_id: ADD_GUEST_CALLBACK,
    title: plain(m.addGuest, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    private_metadata: JSON.stringify({ eventId, channel }),
    blocks: [
      ...(contactOptions.length
        ? [
            {
              type: "input" as const,
              block_id: "contact",
              optional: true,
              label: plain(m.guestContact),
              hint: plain(m.guestContactHint),
              element: { type: "static_select" as const, action_id: ACTION, options: contactOptions },
            },
          ]
        : []),
      {
        type: "input",
        block_id: "name",
        optional: true,
        label: plain(m.guestName),
        element: { type: "plain_text_input", action_id: ACTION, max_length: 200 },
      },
      {
        type: "input",
        block_id: "office",
        optional: true,
        label: plain(m.guestOffice),
        element: { type: "plain_text_input", action_id: ACTION, max_length: 200 },
      },
      {
        type: "input",
        block_id: "tieDate",
        optional: true,
        label: plain(m.guestTieDate),
        element: { type: "datepicker", action_id: ACTION },
      },
    ],
  };
}

export function registerEventGuests(app: App, deps: HandlerDeps): void {
  registerOfficeButton(app, deps, ADD_GUEST_ACTION, "staff", async ({ user, action, body, client }) => {
    await client.views.open({
      trigger_id: body.trigger_id,
      // The archive's important contacts first: guests of honour are usually there.
      view: addGuestModal(user, Number(action.value), await deps.services.contacts.officials(), body.channel?.id),
    });
  });

  app.view(ADD_GUEST_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as { eventId?: number; channel?: string };
    await acceptForm(deps, { ack, view, userId, what: ADD_GUEST_CALLBACK, errorBlock: "name" }, async (user) => {
      const values = view.state.values as Record<
        string,
        Record<string, { value?: string | null; selected_date?: string | null }>
      >;
      const contactId = Number(
        (values.contact?.[ACTION] as { selected_option?: { value?: string } } | undefined)?.selected_option?.value,
      );
      const contact = Number.isInteger(contactId) ? await deps.services.contacts.get(contactId) : null;
      // Typed values win over the contact's: the office at this event may differ from the archive's.
      const name = (values.name?.[ACTION]?.value ?? "").replace(/\s+/g, " ").trim() || contact?.nameEl || "";
      const office = (values.office?.[ACTION]?.value ?? "").replace(/\s+/g, " ").trim() || contact?.title || "";
      const tieDate = values.tieDate?.[ACTION]?.selected_date ?? undefined;
      const errors: Record<string, string> = {};
      if (!name) errors.name = user.t.events.errors.required;
      if (!office) errors.office = user.t.events.errors.required;
      if (tieDate && !isRealIsoDate(tieDate)) errors.tieDate = user.t.events.errors.dateInvalid;
      if (Object.keys(errors).length) return { errors };
      const eventId = Number(meta.eventId);
      if (!(await deps.services.events.get(eventId))) return { errors: { name: user.t.events.notFound } };
      const added = await deps.services.events.addGuest({
        eventId,
        name,
        office,
        tieDate,
        contactId: contact?.id,
        addedBy: userId,
        submissionKey: view.id,
      });
      // A Slack retry of the same form adds nobody and shows nothing again.
      if (!added) return {};
      return { after: () => showGuests(deps, user, eventId, replyPrivately(deps, client, userId, meta.channel)) };
    });
  });

  registerOfficeButton(app, deps, GUESTS_PDF_ACTION, "staff", async ({ user, action, client, reply }) => {
    const event = await deps.services.events.get(Number(action.value));
    if (!event) return reply(user.t.events.notFound);
    const m = user.t.events;
    const pdf = await precedencePdf(await deps.services.events.orderedGuests(event.id), {
      title: `${event.title}`,
      subtitle: m.pdfSubtitle(eventWhen(user.t, event, deps.timeZone), event.venue ?? ""),
      unranked: m.unranked.replace(/:[a-z_]+: /, ""),
      byHand: (reason) => m.byHand(reason).replace(/:[a-z_]+: /, ""),
      speeches: m.speeches,
    });
    await sendFilesPrivately(client, user.userId, m.pdfReady(escapeMrkdwn(truncate(event.title, 150))), [
      { file: pdf, filename: `grafeio-event-${event.id}-precedence.pdf` },
    ]);
  });
}

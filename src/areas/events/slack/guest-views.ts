// An event's officials as Block Kit: the list in order of precedence, with its buttons, and the
// form that adds one. Data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import type { Messages } from "../../../i18n/index.js";
import { channelSchema, idCodec, idField, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { OfficialContact } from "../deps.js";
import type { OrderedGuest } from "../precedence.js";

export const ADD_GUEST_ACTION = "event_add_guest";
export const GUESTS_PDF_ACTION = "event_guests_pdf";
export const ADD_GUEST_CALLBACK = "event_add_guest_modal";
const ACTION = "value";
const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });

/** The add-guest form's private_metadata: the event, and the channel it was opened from. */
export const guestMetadata = jsonCodec(channelSchema.extend({ eventId: idField }));

export function guestsBlocks(
  t: Messages,
  event: { id: number; title: string },
  guests: readonly OrderedGuest[],
): { text: string; blocks: KnownBlock[] } {
  const m = t.events;
  const eventId = event.id;
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
      { type: "button", action_id: ADD_GUEST_ACTION, text: plain(m.addGuest, 75), value: idCodec.encode(eventId) },
      ...(guests.length
        ? [
            {
              type: "button" as const,
              action_id: GUESTS_PDF_ACTION,
              text: plain(m.guestsPdf, 75),
              value: idCodec.encode(eventId),
            },
          ]
        : []),
    ],
  });
  return { text: heading.replace(/\*/g, ""), blocks };
}

export function addGuestModal(
  t: Messages,
  eventId: number,
  contacts: readonly OfficialContact[],
  channel?: string,
): ModalView {
  const m = t.events;
  const contactOptions = contacts.slice(0, 100).map((c) => ({
    text: plain(`${c.nameEl}${c.title ? `, ${c.title}` : ""}`, 75),
    value: idCodec.encode(c.id),
  }));
  return {
    type: "modal",
    callback_id: ADD_GUEST_CALLBACK,
    title: plain(m.addGuest, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    private_metadata: guestMetadata.encode({ eventId, ...(channel ? { channel } : {}) }),
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

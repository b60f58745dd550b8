// An event's invitations and gifts as Block Kit: the lists with their buttons and menus, and the
// forms that add invitees and gifts. Data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { decimalToCents, formatEuros } from "../../../lib/money.js";
import { type Codec, idCodec, idField, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";

export const INVITE_ACTION = "event_invite";
export const ANSWER_ACTION = "event_invitation_answer";
export const ADD_GIFT_ACTION = "event_add_gift";
export const INVITE_CALLBACK = "event_invite_modal";
export const GIFT_CALLBACK = "event_gift_modal";
const ACTION = "value";
const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });

const ANSWERS = ["accepted", "declined", "pending"] as const;
export type InvitationAnswer = (typeof ANSWERS)[number];

/** An invitation's answer from its menu: `accepted:<invitation>:<event>`. */
export const invitationAnswer: Codec<{ answer: InvitationAnswer; invitationId: number; eventId: number }> = {
  decode(raw) {
    const [answer, invitation, event, ...rest] = (raw ?? "").split(":");
    if (rest.length || !(ANSWERS as readonly string[]).includes(answer ?? "")) return undefined;
    const invitationId = idCodec.decode(invitation);
    const eventId = idCodec.decode(event);
    return invitationId && eventId ? { answer: answer as InvitationAnswer, invitationId, eventId } : undefined;
  },
  encode: ({ answer, invitationId, eventId }) => `${answer}:${invitationId}:${eventId}`,
};

/** The invite and gift forms' private_metadata: the event. */
export const extrasMetadata = jsonCodec(z.object({ eventId: idField }));

export function invitationsBlocks(
  t: Messages,
  event: { id: number; title: string },
  list: readonly { id: number; name: string; answer: InvitationAnswer }[],
): { text: string; blocks: KnownBlock[] } {
  const m = t.events;
  const count = (a: InvitationAnswer) => list.filter((i) => i.answer === a).length;
  const heading = m.invitationsTitle(
    event.id,
    escapeMrkdwn(truncate(event.title, 120)),
    count("accepted"),
    count("declined"),
    count("pending"),
  );
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: heading } }];
  for (const inv of list.slice(0, 45)) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: m.invitationLine(escapeMrkdwn(truncate(inv.name, 120)), m.answers[inv.answer]) },
      accessory: {
        type: "overflow",
        action_id: ANSWER_ACTION,
        options: ANSWERS.map((answer) => ({
          text: plain(m.answers[answer], 75),
          value: invitationAnswer.encode({ answer, invitationId: inv.id, eventId: event.id }),
        })),
      },
    });
  }
  blocks.push({
    type: "actions",
    elements: [
      { type: "button", action_id: INVITE_ACTION, text: plain(m.invite, 75), value: idCodec.encode(event.id) },
    ],
  });
  return { text: heading.replace(/\*/g, ""), blocks };
}

export function giftsBlocks(
  t: Messages,
  locale: LocaleCode,
  event: { id: number; title: string },
  gifts: readonly { what: string; forWhom: string; cost: Parameters<typeof decimalToCents>[0] }[],
): { text: string; blocks: KnownBlock[] } {
  const m = t.events;
  const lines = gifts.map((g) =>
    m.giftLine(
      escapeMrkdwn(truncate(g.what, 120)),
      escapeMrkdwn(truncate(g.forWhom, 120)),
      g.cost !== null ? formatEuros(decimalToCents(g.cost), locale) : "",
    ),
  );
  const heading = m.giftsTitle(event.id, escapeMrkdwn(truncate(event.title, 120)));
  return {
    text: heading.replace(/\*/g, ""),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: truncate([heading, ...(lines.length ? lines : [m.giftsEmpty])].join("\n"), 3000),
        },
      },
      {
        type: "actions",
        elements: [
          { type: "button", action_id: ADD_GIFT_ACTION, text: plain(m.addGift, 75), value: idCodec.encode(event.id) },
        ],
      },
    ],
  };
}

function modal(callback: string, title: string, t: Messages, eventId: number, blocks: KnownBlock[]): ModalView {
  return {
    type: "modal",
    callback_id: callback,
    title: plain(title, 24),
    submit: plain(t.events.submit, 24),
    close: plain(t.events.close, 24),
    private_metadata: extrasMetadata.encode({ eventId }),
    blocks,
  };
}

export function inviteModal(t: Messages, eventId: number): ModalView {
  return modal(INVITE_CALLBACK, t.events.invite, t, eventId, [
    {
      type: "input",
      block_id: "names",
      label: plain(t.events.inviteNames),
      element: { type: "plain_text_input", action_id: ACTION, multiline: true, max_length: 3000 },
    },
  ]);
}

export function giftModal(t: Messages, eventId: number): ModalView {
  const m = t.events;
  const field = (block: string, label: string, max: number, optional = false): KnownBlock => ({
    type: "input",
    block_id: block,
    optional,
    label: plain(label),
    element: { type: "plain_text_input", action_id: ACTION, max_length: max },
  });
  return modal(GIFT_CALLBACK, m.addGift, t, eventId, [
    field("what", m.giftWhat, 200),
    field("forWhom", m.giftForWhom, 200),
    field("cost", m.giftCost, 30, true),
  ]);
}

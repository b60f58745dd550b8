// `/contact thanks`: the thank-you letters other areas (events, sponsors) have asked for, each with
// a button to record it written and sent; the first click is recorded, the list redrawn.

import type { App, ButtonAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import { distinctParts } from "../../../lib/text.js";
import { idField, jsonCodec } from "../../../slack/codec.js";
import { onAction, type Reply, type UserView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { ContactsDeps } from "../contacts-deps.js";

export const THANK_YOU_SENT_ACTION = "thank_you_sent";

/** Which letter a "sent" button is for: the contact and the occasion it was asked for. */
export const thankYouValue = jsonCodec(z.object({ c: idField, o: z.string().min(1).max(1900) }));
const SHOWN = 20;

export async function showThankYouLetters(deps: ContactsDeps, user: UserView, reply: Reply): Promise<void> {
  const pending = await deps.greetings.pendingThankYous();
  const m = user.t.nameDays;
  if (pending.length === 0) {
    await reply(m.thanksNone);
    return;
  }
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${m.thanksTitle}*: ${m.thanksSummary(pending.length)}` } },
  ];
  for (const g of pending.slice(0, SHOWN)) {
    const who = distinctParts([g.contact.nameEl, g.contact.organisation]).join(", ");
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(`*${escapeMrkdwn(who)}*${g.reason ? `\n${escapeMrkdwn(g.reason)}` : ""}`, 3000),
      },
      accessory: {
        type: "button",
        action_id: THANK_YOU_SENT_ACTION,
        text: { type: "plain_text", text: m.thanksSent },
        value: thankYouValue.encode({ c: g.contactId, o: g.occasion }),
      },
    });
  }
  if (pending.length > SHOWN)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.more(pending.length - SHOWN) }] });
  await reply(m.thanksSummary(pending.length), blocks);
}

export function registerThankYouLetters(app: App, deps: ContactsDeps): void {
  onAction<ButtonAction, { c: number; o: string }>(app, deps, {
    id: THANK_YOU_SENT_ACTION,
    role: "staff",
    value: thankYouValue,
    async handle({ user, value, respond }) {
      // The list is redrawn in place of the one clicked.
      const reply: Reply = async (text, blocks) => {
        await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
      };
      const recorded = await deps.greetings.record({
        contactId: value.c,
        kind: "thank_you",
        occasion: value.o,
        outcome: "sent",
        by: user.userId,
      });
      if (recorded.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames.staff));
      await showThankYouLetters(deps, user, reply);
    },
  });
}

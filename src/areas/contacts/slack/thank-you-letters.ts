// `/contact thanks`: the thank-you letters other areas (events, sponsors) have asked for, each with
// a button to record it written and sent; the first click is recorded, the list redrawn.

import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { answerSafely, ensureRole, type Reply, type UserView, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { ContactsDeps } from "../contacts-deps.js";

export const THANK_YOU_SENT_ACTION = "thank_you_sent";
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
    const who = [g.contact.nameEl, g.contact.organisation].filter(Boolean).join(", ");
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
        value: JSON.stringify({ c: g.contactId, o: g.occasion }).slice(0, 2000),
      },
    });
  }
  if (pending.length > SHOWN)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.more(pending.length - SHOWN) }] });
  await reply(m.thanksSummary(pending.length), blocks);
}

export function registerThankYouLetters(app: App, deps: ContactsDeps): void {
  app.action<BlockAction<ButtonAction>>(THANK_YOU_SENT_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const reply: Reply = async (text, blocks) => {
      await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
    };
    await answerSafely(deps, { userId: body.user.id, reply, what: THANK_YOU_SENT_ACTION }, async () => {
      const user = await userView(deps, body.user.id);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      let target: { c?: unknown; o?: unknown };
      try {
        target = JSON.parse(action.value ?? "") as { c?: unknown; o?: unknown };
      } catch {
        return;
      }
      if (typeof target.c !== "number" || typeof target.o !== "string") return;
      await deps.greetings.record({
        contactId: target.c,
        kind: "thank_you",
        occasion: target.o,
        outcome: "sent",
        by: user.userId,
      });
      await showThankYouLetters(deps, user, reply);
    });
  });
}

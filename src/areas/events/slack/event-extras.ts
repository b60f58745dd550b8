// An event's invitations (who was invited, who answered) and gifts (what, for whom, at what cost),
// and the year's gift register as files.
import type { App, BlockAction } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import ExcelJS from "exceljs";
import { formatDayMonthYear, localDate } from "../../../lib/clock.js";
import { csvFile } from "../../../lib/csv.js";
import { decimalToCents, formatEuros, parseEuros } from "../../../lib/money.js";
import { acceptForm } from "../../../slack/form-submission.js";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  registerOfficeButton,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";

export const INVITE_ACTION = "event_invite";
export const ANSWER_ACTION = "event_invitation_answer";
export const ADD_GIFT_ACTION = "event_add_gift";
export const INVITE_CALLBACK = "event_invite_modal";
export const GIFT_CALLBACK = "event_gift_modal";
const ACTION = "value";
const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });

export async function showInvitations(deps: HandlerDeps, user: UserView, eventId: number, reply: Reply) {
  const m = user.t.events;
  const event = await deps.services.events.get(eventId);
  if (!event) return reply(m.notFound);
  const list = await deps.services.events.invitations(eventId);
  const count = (a: string) => list.filter((i) => i.answer === a).length;
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
        options: (["accepted", "declined", "pending"] as const).map((a) => ({
          text: plain(m.answers[a], 75),
          value: `${a}:${inv.id}:${eventId}`,
        })),
      },
    });
  }
  blocks.push({
    type: "actions",
    elements: [{ type: "button", action_id: INVITE_ACTION, text: plain(m.invite, 75), value: String(eventId) }],
  });
  await reply(heading.replace(/\*/g, ""), blocks);
}

export async function showGifts(deps: HandlerDeps, user: UserView, eventId: number, reply: Reply) {
  const m = user.t.events;
  const event = await deps.services.events.get(eventId);
  if (!event) return reply(m.notFound);
  const gifts = await deps.services.events.giftsOf(eventId);
  const lines = gifts.map((g) =>
    m.giftLine(
      escapeMrkdwn(truncate(g.what, 120)),
      escapeMrkdwn(truncate(g.forWhom, 120)),
      g.cost !== null ? formatEuros(decimalToCents(g.cost), user.locale) : "",
    ),
  );
  const heading = m.giftsTitle(event.id, escapeMrkdwn(truncate(event.title, 120)));
  await reply(heading.replace(/\*/g, ""), [
    {
      type: "section",
      text: { type: "mrkdwn", text: truncate([heading, ...(lines.length ? lines : [m.giftsEmpty])].join("\n"), 3000) },
    },
    {
      type: "actions",
      elements: [{ type: "button", action_id: ADD_GIFT_ACTION, text: plain(m.addGift, 75), value: String(eventId) }],
    },
  ]);
}

export async function exportGifts(deps: HandlerDeps, client: WebClient, user: UserView, year: number, reply: Reply) {
  const m = user.t.events;
  const rows = await deps.services.events.giftsOfYear(year);
  if (rows.length === 0) return reply(m.giftsNothing(year));
  const cells = rows.map(({ gift, event }) => [
    event.title,
    formatDayMonthYear(localDate(event.startsAt, deps.timeZone)),
    gift.what,
    gift.forWhom,
    gift.cost !== null ? formatEuros(decimalToCents(gift.cost), user.locale) : "",
    gift.addedBy,
  ]);
  const total = rows.reduce((a, { gift }) => a + decimalToCents(gift.cost), 0n);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(String(year));
  sheet.columns = m.giftColumns.map((header) => ({ header, width: 28 }));
  for (const { gift, event } of rows)
    sheet.addRow([
      event.title,
      new Date(`${localDate(event.startsAt, deps.timeZone)}T00:00:00Z`),
      gift.what,
      gift.forWhom,
      gift.cost !== null ? Number(decimalToCents(gift.cost)) / 100 : null,
      gift.addedBy,
    ]);
  sheet.getColumn(2).numFmt = "d/m/yyyy";
  sheet.getColumn(5).numFmt = '#,##0.00 "€"';
  sheet.getRow(1).font = { bold: true };
  const base = `grafeio-gifts-${year}`;
  await sendFilesPrivately(client, user.userId, m.giftsReady(year, rows.length, formatEuros(total, user.locale)), [
    { file: csvFile([[...m.giftColumns], ...cells], user.locale === "el" ? ";" : ","), filename: `${base}.csv` },
    { file: Buffer.from(await book.xlsx.writeBuffer()), filename: `${base}.xlsx` },
  ]);
  await reply(user.t.contacts.exportSent);
}

function modal(
  callback: string,
  title: string,
  submit: string,
  close: string,
  eventId: number,
  blocks: KnownBlock[],
): ModalView {
  return {
    type: "modal",
    callback_id: callback,
    title: plain(title, 24),
    submit: plain(submit, 24),
    close: plain(close, 24),
    private_metadata: JSON.stringify({ eventId }),
    blocks,
  };
}

export function registerEventExtras(app: App, deps: HandlerDeps): void {
  registerOfficeButton(
    app,
    deps,
    new RegExp(`^(${INVITE_ACTION}|${ADD_GIFT_ACTION})$`),
    "staff",
    async ({ user, action, body, client }) => {
      const m = user.t.events;
      const eventId = Number(action.value);
      const view =
        action.action_id === INVITE_ACTION
          ? modal(INVITE_CALLBACK, m.invite, m.submit, m.close, eventId, [
              {
                type: "input",
                block_id: "names",
                label: plain(m.inviteNames),
                element: { type: "plain_text_input", action_id: ACTION, multiline: true, max_length: 3000 },
              },
            ])
          : modal(GIFT_CALLBACK, m.addGift, m.submit, m.close, eventId, [
              {
                type: "input",
                block_id: "what",
                label: plain(m.giftWhat),
                element: { type: "plain_text_input", action_id: ACTION, max_length: 200 },
              },
              {
                type: "input",
                block_id: "forWhom",
                label: plain(m.giftForWhom),
                element: { type: "plain_text_input", action_id: ACTION, max_length: 200 },
              },
              {
                type: "input",
                block_id: "cost",
                optional: true,
                label: plain(m.giftCost),
                element: { type: "plain_text_input", action_id: ACTION, max_length: 30 },
              },
            ]);
      await client.views.open({ trigger_id: body.trigger_id, view });
    },
  );

  app.action<BlockAction>(ANSWER_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const reply: Reply = async (text, blocks) => {
      await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
    };
    await answerSafely(deps, { userId: body.user.id, reply, what: ANSWER_ACTION }, async () => {
      const user = await userView(deps, body.user.id);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const value = "selected_option" in action ? (action.selected_option?.value ?? "") : "";
      const [answer, id, eventId] = value.split(":");
      if (answer === "accepted" || answer === "declined" || answer === "pending")
        await deps.services.events.answerInvitation(Number(id), answer);
      await showInvitations(deps, user, Number(eventId), reply);
    });
  });

  for (const callback of [INVITE_CALLBACK, GIFT_CALLBACK]) {
    app.view(callback, async ({ ack, view, body, client }) => {
      const userId = body.user.id;
      const eventId = Number((JSON.parse(view.private_metadata || "{}") as { eventId?: number }).eventId);
      await acceptForm(
        deps,
        { ack, view, userId, what: callback, errorBlock: callback === INVITE_CALLBACK ? "names" : "what" },
        async (user) => {
          const values = view.state.values as Record<string, Record<string, { value?: string | null }>>;
          const get = (b: string) => (values[b]?.[ACTION]?.value ?? "").trim();
          const m = user.t.events;
          if (!(await deps.services.events.get(eventId)))
            return { errors: { [callback === INVITE_CALLBACK ? "names" : "what"]: m.notFound } };
          const reply = replyPrivately(deps, client, userId);
          if (callback === INVITE_CALLBACK) {
            const names = [
              ...new Set(
                get("names")
                  .split(/\n+/)
                  .map((n) => n.replace(/\s+/g, " ").trim())
                  .filter(Boolean),
              ),
            ].slice(0, 200);
            if (names.length === 0) return { errors: { names: m.errors.required } };
            if (names.some((n) => n.length > 200)) return { errors: { names: m.errors.tooLong(200) } };
            const added = await deps.services.events.invite(eventId, names, userId);
            // A Slack retry finds everyone invited already: nothing new, nothing said.
            return added > 0 ? { after: () => reply(m.invited(added)) } : {};
          }
          const [what, forWhom, costText] = [get("what"), get("forWhom"), get("cost")];
          const errors: Record<string, string> = {};
          if (!what) errors.what = m.errors.required;
          if (!forWhom) errors.forWhom = m.errors.required;
          let costCents: bigint | null = null;
          if (costText) {
            const parsed = parseEuros(costText);
            if ("error" in parsed) errors.cost = user.t.sponsors.errors.amount[parsed.error];
            else costCents = parsed.cents;
          }
          if (Object.keys(errors).length) return { errors };
          const recorded = await deps.services.events.addGift({
            eventId,
            what,
            forWhom,
            costCents,
            addedBy: userId,
            submissionKey: view.id,
          });
          return recorded ? { after: () => reply(m.giftAdded) } : {};
        },
      );
    });
  }
}

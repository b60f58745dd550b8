// An event's invitations (who was invited, who answered) and gifts (what, for whom, at what cost),
// and the year's gift register as files.
import type { App, ButtonAction, OverflowAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { formatEuros, parseEuros } from "../../../lib/money.js";
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
import { byName, slackNames } from "../../../slack/people-names.js";
import type { EventsContext } from "../deps.js";
import { giftExportRows, giftsCsv, giftsXlsxOffLoop } from "../gift-export.js";
import { EVENTS_ROLE } from "../rules.js";
import { isRefused } from "../service.js";
import {
  ADD_GIFT_ACTION,
  ANSWER_ACTION,
  extrasMetadata,
  GIFT_CALLBACK,
  giftModal,
  giftsBlocks,
  INVITE_ACTION,
  INVITE_CALLBACK,
  invitationAnswer,
  invitationsBlocks,
  inviteModal,
} from "./extras-views.js";
import { opened } from "./opened.js";

const ACTION = "value";

export async function showInvitations(ctx: EventsContext, user: UserView, eventId: number, reply: Reply) {
  const found = await opened(await ctx.events.invitationsFor(user.userId, eventId), user, reply);
  if (!found) return;
  const content = invitationsBlocks(user.t, found.event, found.shown);
  await reply(content.text, content.blocks);
}

export async function showGifts(ctx: EventsContext, user: UserView, eventId: number, reply: Reply) {
  const found = await opened(await ctx.events.giftsFor(user.userId, eventId), user, reply);
  if (!found) return;
  const content = giftsBlocks(user.t, user.locale, found.event, found.shown);
  await reply(content.text, content.blocks);
}

export async function exportGifts(ctx: EventsContext, client: WebClient, user: UserView, year: number, reply: Reply) {
  const m = user.t.events;
  const rows = await ctx.events.giftsOfYear(user.userId, year);
  if (isRefused(rows)) return reply(user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]));
  if (rows.length === 0) return reply(m.giftsNothing(year));
  // Who recorded each gift, by name.
  const name = byName(
    await slackNames(
      client,
      rows.map((r) => r.gift.addedBy),
    ),
  );
  const files = giftExportRows(rows, ctx.timeZone).map((r) => ({ ...r, addedBy: name(r.addedBy) }));
  const total = files.reduce((a, r) => a + (r.costCents ?? 0n), 0n);
  const base = `grafeio-gifts-${year}`;
  await sendFilesPrivately(client, user.userId, m.giftsReady(year, rows.length, formatEuros(total, user.locale)), [
    { file: giftsCsv(files, user.locale), filename: `${base}.csv` },
    { file: await giftsXlsxOffLoop(files, user.locale, year), filename: `${base}.xlsx` },
  ]);
  await reply(user.t.contacts.exportSent);
}

export function registerEventExtras(app: App, ctx: EventsContext): void {
  const { kit } = ctx;
  onAction<ButtonAction, number>(app, kit, {
    id: INVITE_ACTION,
    role: EVENTS_ROLE,
    value: idCodec,
    async handle({ user, value, body, client, reply }) {
      // The service says whether this person may work on this event before the form opens.
      if (!(await opened(await ctx.events.eventFor(user.userId, value), user, reply))) return;
      await client.views.open({ trigger_id: body.trigger_id, view: inviteModal(user.t, value) });
    },
  });
  onAction<ButtonAction, number>(app, kit, {
    id: ADD_GIFT_ACTION,
    role: EVENTS_ROLE,
    value: idCodec,
    async handle({ user, value, body, client, reply }) {
      if (!(await opened(await ctx.events.eventFor(user.userId, value), user, reply))) return;
      await client.views.open({ trigger_id: body.trigger_id, view: giftModal(user.t, value) });
    },
  });

  onAction<OverflowAction, NonNullable<ReturnType<typeof invitationAnswer.decode>>>(app, kit, {
    id: ANSWER_ACTION,
    role: EVENTS_ROLE,
    value: invitationAnswer,
    async handle({ user, value, respond }) {
      const reply: Reply = async (text, blocks) => {
        await respond({ response_type: "ephemeral", replace_original: true, text, ...(blocks ? { blocks } : {}) });
      };
      const answered = await ctx.events.answerInvitation(user.userId, value.invitationId, value.eventId, value.answer);
      if (isRefused(answered)) return reply(user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]));
      await showInvitations(ctx, user, value.eventId, reply);
    },
  });

  const noPermission = (user: UserView) => user.t.common.noPermission(user.t.common.roleNames[EVENTS_ROLE]);
  const text = (values: unknown, block: string) => (formState({ values }, [ACTION]).text(block) ?? "").trim();

  onForm(app, kit, {
    callbackId: INVITE_CALLBACK,
    role: EVENTS_ROLE,
    metadata: extrasMetadata,
    errorBlock: "names",
    async handle({ user, view, metadata, client }) {
      const m = user.t.events;
      if (!(await ctx.events.get(metadata.eventId))) return { errors: { names: m.notFound } };
      const names = [
        ...new Set(
          text(view.state.values, "names")
            .split(/\n+/)
            .map((n) => n.replace(/\s+/g, " ").trim())
            .filter(Boolean),
        ),
      ].slice(0, 200);
      if (names.length === 0) return { errors: { names: m.errors.required } };
      if (names.some((n) => n.length > 200)) return { errors: { names: m.errors.tooLong(200) } };
      const added = await ctx.events.invite(metadata.eventId, names, user.userId);
      if (isRefused(added)) return { errors: { names: noPermission(user) } };
      // A Slack retry finds everyone invited already: nothing new, nothing said.
      return added > 0 ? { after: () => replyPrivately(kit, client, user.userId)(m.invited(added)) } : {};
    },
  });

  onForm(app, kit, {
    callbackId: GIFT_CALLBACK,
    role: EVENTS_ROLE,
    metadata: extrasMetadata,
    errorBlock: "what",
    async handle({ user, view, metadata, client }) {
      const m = user.t.events;
      if (!(await ctx.events.get(metadata.eventId))) return { errors: { what: m.notFound } };
      const [what, forWhom, costText] = ["what", "forWhom", "cost"].map((b) => text(view.state.values, b)) as [
        string,
        string,
        string,
      ];
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
      const recorded = await ctx.events.addGift({
        eventId: metadata.eventId,
        what,
        forWhom,
        costCents,
        addedBy: user.userId,
        submissionKey: view.id,
      });
      if (isRefused(recorded)) return { errors: { what: noPermission(user) } };
      return recorded ? { after: () => replyPrivately(kit, client, user.userId)(m.giftAdded) } : {};
    },
  });
}

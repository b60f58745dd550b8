// The proposals' buttons: «Καταχώριση» opens the clipping form filled in from the article;
// «Άσχετο» records who dismissed it and redraws the message without buttons; «Υπάρχει ήδη» opens a
// small form whose picker searches the register as the person types (words, Greeklish, or a register
// number) and links the two, once, with who. Staff only; the service checks.

import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { z } from "zod";
import { localDate } from "../../../lib/clock.js";
import { idCodec, idField, jsonCodec } from "../../../slack/codec.js";
import { onAction, onForm, onOptions, type SlackKit } from "../../../slack/listener.js";
import type { ClipForm } from "../../clippings/index.js";
import { intakeTexts } from "../messages.js";
import type { ItemRecord, PressIntakeService } from "../service.js";
import {
  ACTIONS,
  clippingOption,
  decidedBlocks,
  EXISTS_BLOCK,
  EXISTS_CALLBACK,
  EXISTS_PICK,
  existsModal,
} from "./proposal-views.js";

export interface IntakeSlackDeps {
  kit: SlackKit;
  intake: PressIntakeService;
  clipForm: ClipForm;
  timeZone: string;
}

const existsMetadata = jsonCodec(
  z.object({
    itemId: idField,
    channel: z.string().regex(/^[A-Z0-9]{1,40}$/),
    ts: z.string().regex(/^\d{1,12}\.\d{1,8}$/),
  }),
);

/** The message the button was in: where it is, to redraw it. */
const whereOf = (body: BlockAction<ButtonAction>) =>
  body.channel?.id && body.message?.ts ? { channel: body.channel.id, ts: body.message.ts } : undefined;

export function registerProposalButtons(app: App, deps: IntakeSlackDeps): void {
  const { kit, intake, clipForm, timeZone } = deps;

  onAction<ButtonAction, number>(app, kit, {
    id: ACTIONS.log,
    role: "staff",
    value: idCodec,
    async handle({ user, value, body, client, reply }) {
      const o = await intake.item(user.userId, value);
      if (o.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames[o.needed]));
      if (o.status === "unknown") return reply(user.t.common.outOfDate);
      const item = o.item;
      const where = whereOf(body);
      await clipForm.open(client, {
        user,
        triggerId: body.trigger_id,
        values: {
          title: item.title,
          outlet: item.outlet,
          url: item.url,
          medium: "online",
          publishedOn: item.publishedAt ? localDate(item.publishedAt, timeZone) : undefined,
          summary: item.excerpt || undefined,
        },
        channel: where?.channel,
        source: where,
      });
    },
  });

  onAction<ButtonAction, number>(app, kit, {
    id: ACTIONS.dismiss,
    role: "staff",
    value: idCodec,
    async handle({ user, value, body, client, reply }) {
      const t = intakeTexts(user.locale);
      const o = await intake.dismiss(user.userId, value);
      if (o.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames[o.needed]));
      if (o.status === "unknown") return reply(user.t.common.outOfDate);
      if (o.status === "already_decided") return reply(t.alreadyDecided);
      await redraw(client, whereOf(body), o.item, t.dismissedBy(`<@${user.userId}>`));
    },
  });

  onAction<ButtonAction, number>(app, kit, {
    id: ACTIONS.exists,
    role: "staff",
    value: idCodec,
    async handle({ user, value, body, client, reply }) {
      const where = whereOf(body);
      if (!where) return reply(user.t.common.outOfDate);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: existsModal(intakeTexts(user.locale), value, where.channel, where.ts),
      });
    },
  });

  onForm(app, kit, {
    callbackId: EXISTS_CALLBACK,
    role: "staff",
    metadata: existsMetadata,
    errorBlock: EXISTS_BLOCK,
    async handle({ user, view, metadata, client }) {
      const t = intakeTexts(user.locale);
      // The option's value is a clipping's id: decoded, never trusted (a forged one finds nothing).
      const chosen = idCodec.decode(
        view.state.values[EXISTS_BLOCK]?.[EXISTS_PICK]?.selected_option?.value ?? undefined,
      );
      if (chosen === undefined) return { errors: { [EXISTS_BLOCK]: t.noSuchClipping } };
      const o = await intake.linkExisting(user.userId, metadata.itemId, chosen);
      if (o.status === "refused")
        return { errors: { [EXISTS_BLOCK]: user.t.common.noPermission(user.t.common.roleNames[o.needed]) } };
      if (o.status === "no_clipping") return { errors: { [EXISTS_BLOCK]: t.noSuchClipping } };
      if (o.status === "unknown") return { errors: { [EXISTS_BLOCK]: user.t.common.outOfDate } };
      if (o.status === "already_decided") return { errors: { [EXISTS_BLOCK]: t.alreadyDecided } };
      const outcome = t.loggedAs(o.clipping.registerNumber, `<@${user.userId}>`);
      return { after: () => redraw(client, { channel: metadata.channel, ts: metadata.ts }, o.item, outcome) };
    },
  });

  onOptions(app, kit, {
    actionId: EXISTS_PICK,
    async handle({ user, query }) {
      const o = await intake.candidates(user.userId, query);
      return o.status === "ok" ? o.clippings.map(clippingOption) : [];
    },
  });

  async function redraw(
    client: {
      chat: { update(args: { channel: string; ts: string; text: string; blocks: unknown[] }): Promise<unknown> };
    },
    where: { channel: string; ts: string } | undefined,
    item: ItemRecord,
    outcome: string,
  ) {
    if (!where) return;
    await client.chat.update({
      channel: where.channel,
      ts: where.ts,
      text: outcome,
      blocks: decidedBlocks(item, outcome, timeZone),
    });
  }
}

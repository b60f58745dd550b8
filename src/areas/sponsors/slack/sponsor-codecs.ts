// What the sponsors' messages and forms carry back to the bot, written and read by one codec each:
// the menu's choices (`receive:12`), the approval buttons (the sponsorship's id), and the forms'
// private_metadata.
import { z } from "zod";
import {
  type Codec,
  channelMetadata,
  channelSchema,
  enumCodec,
  idCodec,
  idField,
  jsonCodec,
} from "../../../slack/codec.js";
import { MENU_STEPS } from "../sponsorship-flow.js";

/** What a sponsorship's menu offers: the steps staff take, and the benefits' form. */
export const MENU_CHOICES = [...MENU_STEPS, "benefits"] as const;
export type MenuChoice = (typeof MENU_CHOICES)[number];

const choiceCodec = enumCodec(MENU_CHOICES);

export interface MenuValue {
  choice: MenuChoice;
  id: number;
}

/** A menu option's value: `<choice>:<sponsorship id>`. */
export const menuValue: Codec<MenuValue> = {
  decode(raw) {
    const [choiceText, idText, ...rest] = (raw ?? "").split(":");
    if (rest.length > 0) return undefined;
    const choice = choiceCodec.decode(choiceText);
    const id = idCodec.decode(idText);
    return choice !== undefined && id !== undefined ? { choice, id } : undefined;
  },
  encode: ({ choice, id }) => `${choice}:${idCodec.encode(id)}`,
};

/** The approve and reject buttons carry the sponsorship's id. */
export const approvalValue = idCodec;

/** The new sponsorship's form: the channel it was opened from. */
export const sponsorFormMetadata = channelMetadata;

/** The amount-received and benefits forms: the sponsorship, and the channel they were opened from. */
export const sponsorshipFormMetadata = jsonCodec(z.object({ id: idField, channel: channelSchema.shape.channel }));

// What Q-Cities' messages and forms carry back, each written and read by one codec: the menus'
// choices and the forms' private_metadata. A value that does not decode changes nothing.
import { z } from "zod";
import { type Codec, channelSchema, idCodec, idField, jsonCodec } from "../../../slack/codec.js";
import { MEMBER_STATUSES, type MemberStatus } from "../rules.js";

const channel = channelSchema.shape.channel;

/** `<word>:<id>` with the word one of `choices`. */
function choiceCodec<const C extends string>(choices: readonly C[]): Codec<{ choice: C; id: number }> {
  return {
    decode(raw) {
      const [c, id, ...rest] = (raw ?? "").split(":");
      const n = idCodec.decode(id);
      return rest.length === 0 && n !== undefined && (choices as readonly string[]).includes(c ?? "")
        ? { choice: c as C, id: n }
        : undefined;
    },
    encode: ({ choice, id }) => `${choice}:${id}`,
  };
}

/** A practice's menu: `edit:4` (the practice), `dues:2` (its member). */
export const practiceMenuValue = choiceCodec(["edit", "dues"] as const);

/** A member's menu: `dues:2`, `practice:2`, or a status: `status-suspended:2`. */
export type MemberChoice =
  | { choice: "dues"; id: number }
  | { choice: "practice"; id: number }
  | { choice: "status"; to: MemberStatus; id: number };
export const memberMenuValue: Codec<MemberChoice> = {
  decode(raw) {
    const [c = "", id, ...rest] = (raw ?? "").split(":");
    const n = idCodec.decode(id);
    if (rest.length > 0 || n === undefined) return undefined;
    if (c === "dues") return { choice: "dues", id: n };
    if (c === "practice") return { choice: "practice", id: n };
    const to = c.startsWith("status-") ? c.slice("status-".length) : undefined;
    if (to && (MEMBER_STATUSES as readonly string[]).includes(to))
      return { choice: "status", to: to as MemberStatus, id: n };
    return undefined;
  },
  encode: (v) => (v.choice === "status" ? `status-${v.to}:${v.id}` : `${v.choice}:${v.id}`),
};

/** A meeting's menu: `minutes:3`, `approve:3`. */
export const meetingMenuValue = choiceCodec(["minutes", "approve"] as const);

export const memberFormMetadata = jsonCodec(z.object({ channel }));
export const meetingFormMetadata = jsonCodec(z.object({ channel }));
export const minutesFormMetadata = jsonCodec(z.object({ meetingId: idField, channel }));
export const practiceFormMetadata = jsonCodec(z.object({ id: idField.optional(), channel }));
export const duesFormMetadata = jsonCodec(z.object({ memberId: idField, channel }));

/** A member or partner chosen in a form's select: its id. */
export const chosenId = idCodec;

// What the networks' messages and forms carry back, each written and read by one codec: the cards'
// menus, the buttons and the forms' private_metadata. A value that does not decode changes nothing.
import { z } from "zod";
import { type Codec, channelSchema, idCodec, idField, jsonCodec } from "../../../slack/codec.js";

const channel = channelSchema.shape.channel;

/** A network card's menu: `edit:3`, `dues:3`, `paid:17` (a dues row), `delegates:3`, `meeting:3`. */
export type NetworkChoice = { choice: "edit" | "dues" | "paid" | "delegates" | "meeting"; id: number };
const NETWORK_CHOICES = ["edit", "dues", "paid", "delegates", "meeting"] as const;
export const networkMenuValue: Codec<NetworkChoice> = {
  decode(raw) {
    const [c, id, ...rest] = (raw ?? "").split(":");
    const n = idCodec.decode(id);
    const choice = NETWORK_CHOICES.find((x) => x === c);
    return rest.length === 0 && choice && n !== undefined ? { choice, id: n } : undefined;
  },
  encode: ({ choice, id }) => `${choice}:${id}`,
};

/** A meeting card's menu: `decide:12`, `report:12`, `done:40` (a follow-up action). */
export type MeetingChoice = { choice: "decide" | "report" | "done"; id: number };
const MEETING_CHOICES = ["decide", "report", "done"] as const;
export const meetingMenuValue: Codec<MeetingChoice> = {
  decode(raw) {
    const [c, id, ...rest] = (raw ?? "").split(":");
    const n = idCodec.decode(id);
    const choice = MEETING_CHOICES.find((x) => x === c);
    return rest.length === 0 && choice && n !== undefined ? { choice, id: n } : undefined;
  },
  encode: ({ choice, id }) => `${choice}:${id}`,
};

/** A search result's button: the network's id. */
export const networkOpenValue = idCodec;

/** The meeting form's host: `network:3` or `partner:12`. */
export const hostValue: Codec<{ kind: "network" | "partner"; id: number }> = {
  decode(raw) {
    const [kind, id, ...rest] = (raw ?? "").split(":");
    const n = idCodec.decode(id);
    return rest.length === 0 && (kind === "network" || kind === "partner") && n !== undefined
      ? { kind, id: n }
      : undefined;
  },
  encode: ({ kind, id }) => `${kind}:${id}`,
};

export const networkFormMetadata = jsonCodec(z.object({ id: idField.optional(), channel }));
export const networkIdMetadata = jsonCodec(z.object({ networkId: idField, channel }));
/** The meeting form: the network it was opened from, or the invitation (a letter's id) it is made of. */
export const meetingFormMetadata = jsonCodec(
  z.object({ networkId: idField.optional(), letterId: idField.optional(), channel }),
);
/** A meeting card's button (the letter's card links to it): the meeting's id. */
export const meetingOpenValue = idCodec;
export const meetingIdMetadata = jsonCodec(z.object({ meetingId: idField, channel }));

// What the partners' messages and forms carry back, each written and read by one codec: the card
// menus' choices and the forms' private_metadata. A value that does not decode changes nothing.
import { z } from "zod";
import { type Codec, channelSchema, enumCodec, idCodec, idField, jsonCodec } from "../../../slack/codec.js";
import { AGREEMENT_STEPS, type AgreementStep } from "../agreement-flow.js";

const channel = channelSchema.shape.channel;

/** A partner card's menu: `edit:12`, `status:12`, `agreement:12`. */
export const PARTNER_CHOICES = ["edit", "status", "agreement"] as const;
export type PartnerChoice = (typeof PARTNER_CHOICES)[number];
const partnerChoice = enumCodec(PARTNER_CHOICES);
export const partnerMenuValue: Codec<{ choice: PartnerChoice; id: number }> = {
  decode(raw) {
    const [c, id, ...rest] = (raw ?? "").split(":");
    const choice = partnerChoice.decode(c);
    const n = idCodec.decode(id);
    return rest.length === 0 && choice && n !== undefined ? { choice, id: n } : undefined;
  },
  encode: ({ choice, id }) => `${choice}:${id}`,
};

/** A search result's button: the partner's id. */
export const partnerOpenValue = idCodec;

/** An agreement card's menu: `step:signed:7`, `obligation:7`, `edit:7`, `done:31`, `waive:31`. */
export type AgreementChoice =
  | { choice: "step"; step: AgreementStep; id: number }
  | { choice: "obligation" | "edit"; id: number }
  | { choice: "done" | "waive"; id: number };
const stepCodec = enumCodec(AGREEMENT_STEPS);
export const agreementMenuValue: Codec<AgreementChoice> = {
  decode(raw) {
    const parts = (raw ?? "").split(":");
    if (parts[0] === "step" && parts.length === 3) {
      const step = stepCodec.decode(parts[1]);
      const id = idCodec.decode(parts[2]);
      return step && id !== undefined ? { choice: "step", step, id } : undefined;
    }
    if (parts.length !== 2) return undefined;
    const id = idCodec.decode(parts[1]);
    if (id === undefined) return undefined;
    if (parts[0] === "obligation" || parts[0] === "edit") return { choice: parts[0], id };
    if (parts[0] === "done" || parts[0] === "waive") return { choice: parts[0], id };
    return undefined;
  },
  encode: (v) => (v.choice === "step" ? `step:${v.step}:${v.id}` : `${v.choice}:${v.id}`),
};

export const partnerFormMetadata = jsonCodec(z.object({ id: idField.optional(), channel }));
export const partnerStatusMetadata = jsonCodec(z.object({ id: idField, channel }));
/** The agreement form: a new one (perhaps from a partner's menu), or an edit of agreement `id`. */
export const agreementFormMetadata = jsonCodec(
  z.object({ partnerId: idField.optional(), id: idField.optional(), channel }),
);
export const stepFormMetadata = jsonCodec(z.object({ id: idField, step: z.enum(AGREEMENT_STEPS), channel }));
export const obligationFormMetadata = jsonCodec(z.object({ agreementId: idField, channel }));
export const settleFormMetadata = jsonCodec(
  z.object({ obligationId: idField, outcome: z.enum(["done", "waived"]), channel }),
);

/** A due date chosen in the settle form: YYYY-MM-DD. */
export const dueDateValue: Codec<string> = {
  decode: (raw) => (raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined),
  encode: (d) => d,
};

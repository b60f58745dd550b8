// Everything Slack hands back to the bot (a view's private_metadata, a button's value, an option's
// value) was written by the bot, but arrives from outside: an old message, a message edited by
// hand, a forged request. A codec decodes it through a schema, or says it does not decode.
import { z } from "zod";

export interface Codec<T> {
  /** The value, or undefined when the text is missing, malformed or not of the schema. */
  decode(raw: string | undefined): T | undefined;
  encode(value: T): string;
}

/** JSON that must match `schema` (private_metadata, values that carry several fields). */
export function jsonCodec<S extends z.ZodType>(schema: S): Codec<z.output<S>> {
  return {
    decode(raw) {
      if (raw === undefined || raw === "") return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return undefined;
      }
      const result = schema.safeParse(parsed);
      return result.success ? result.data : undefined;
    },
    encode: (value) => JSON.stringify(value),
  };
}

/**
 * Metadata of a form opened with nothing to carry but, perhaps, the channel it was opened from: an
 * empty private_metadata is fine here.
 */
export function optionalJsonCodec<S extends z.ZodType>(schema: S, empty: z.output<S>): Codec<z.output<S>> {
  const inner = jsonCodec(schema);
  return {
    decode: (raw) => (raw === undefined || raw === "" ? empty : inner.decode(raw)),
    encode: inner.encode,
  };
}

/** A positive whole number written as text (a record's id in a button's value). */
export const idCodec: Codec<number> = {
  decode(raw) {
    if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw)) return undefined;
    const id = Number(raw);
    return id <= 2_147_483_647 ? id : undefined;
  },
  encode: (id) => String(id),
};

/** One of a fixed set of words (a menu's choices). */
export function enumCodec<const T extends string>(values: readonly T[]): Codec<T> {
  return {
    decode: (raw) => (raw !== undefined && (values as readonly string[]).includes(raw) ? (raw as T) : undefined),
    encode: (value) => value,
  };
}

/** The channel a form was opened from, which is all most forms carry. */
export const channelSchema = z.object({
  channel: z
    .string()
    .regex(/^[A-Z0-9_]{1,40}$/i)
    .optional(),
});
export const channelMetadata = optionalJsonCodec(channelSchema, {});

/** A record's id in JSON metadata, with the channel the form came from. */
export const idField = z.number().int().positive().max(2_147_483_647);

/** `/<command> help` or `/<command> βοήθεια` (any case, accents or not). */
export function isHelpRequest(text: string): boolean {
  const word = text.trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  return word === "help" || word === "βοηθεια" || word === "?";
}

const actionMessageSchema = z.object({
  ts: z.string().min(1),
  text: z.string().optional(),
  // Redrawn and posted back as Slack gave them; each block is read by its own view.
  blocks: z.array(z.object({ type: z.string(), block_id: z.string().optional() }).passthrough()).optional(),
});

/** The message a button or menu was in (its ts, text and blocks), or undefined. */
export type ActionMessage = z.output<typeof actionMessageSchema>;

export function actionMessage(body: { message?: unknown }): ActionMessage | undefined {
  const result = actionMessageSchema.safeParse(body.message);
  return result.success ? result.data : undefined;
}

const userChangeSchema = z.object({
  id: z.string().regex(/^[UW][A-Z0-9]{2,30}$/),
  tz: z.string().min(1).max(100).optional(),
});

/** Who changed their profile in a `user_change` event, and their `tz` now, or undefined. */
export function userChange(event: { user?: unknown }): z.output<typeof userChangeSchema> | undefined {
  const result = userChangeSchema.safeParse(event.user);
  return result.success ? result.data : undefined;
}

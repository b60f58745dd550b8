// The older way to accept a form inside an `app.view` listener, kept while the areas move to
// `onForm` (listener.ts), which does the same from one declaration.
import type { SlackViewMiddlewareArgs, ViewOutput } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Role } from "../areas/users/roles.js";
import { channelMetadata } from "./codec.js";
import { type FormAnswer, type SlackKit, submitForm, type UserView } from "./listener.js";

export type { FormAnswer };

/** @deprecated use onForm */
export async function acceptForm(
  kit: SlackKit,
  context: {
    ack: SlackViewMiddlewareArgs["ack"];
    view: ViewOutput;
    userId: string;
    what: string;
    role?: Role;
    errorBlock: string;
    client?: WebClient;
  },
  handle: (user: UserView, channel: string | undefined) => Promise<FormAnswer>,
): Promise<void> {
  await submitForm(
    kit,
    {
      callbackId: context.what,
      role: context.role,
      metadata: { decode: (raw) => channelMetadata.decode(raw) ?? {}, encode: channelMetadata.encode },
      errorBlock: context.errorBlock,
      handle: ({ user, metadata }) => handle(user, metadata.channel),
    },
    { ack: context.ack, view: context.view, userId: context.userId, client: context.client as WebClient },
  );
}

/** Domain validation errors as Slack shows them: the text under each field's block. */
export function fieldErrors<E>(errors: Partial<Record<string, E>>, text: (e: E) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(errors)) if (e !== undefined) out[field] = text(e as E);
  return out;
}

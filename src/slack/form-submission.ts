// What every form's submission does around its own work: find the user's language, check the role,
// answer Slack within its 3 seconds (field errors under their fields, or close the form), and on a
// failure keep the form open with everything typed and a plain sentence, never the error.
import type { SlackViewMiddlewareArgs, ViewOutput } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { Role } from "../areas/users/roles.js";
import { type HandlerDeps, type UserView, userView } from "./listener.js";

export type FormAnswer =
  /** Field errors, by block id: the form stays open. */
  | { errors: Record<string, string> }
  /** The form again, changed (a warning to confirm, a choice to make). */
  | { update: ModalView }
  /** Accepted: the form closes; `after` runs once Slack has its answer (confirmations, posts). */
  | { after?: () => Promise<unknown> };

/** Bolt's view `ack` (its type is a union Bolt callers cannot call with an argument directly). */
type Ack = SlackViewMiddlewareArgs["ack"];

export async function acceptForm(
  deps: HandlerDeps,
  context: { ack: Ack; view: ViewOutput; userId: string; what: string; role?: Role; errorBlock: string },
  handle: (user: UserView, channel: string | undefined) => Promise<FormAnswer>,
): Promise<void> {
  const { view, userId, what, errorBlock } = context;
  const ack = context.ack as (
    response?:
      | { response_action: "errors"; errors: Record<string, string> }
      | { response_action: "update"; view: ModalView },
  ) => Promise<void>;
  const fail = (text: string) => ack({ response_action: "errors", errors: { [errorBlock]: text } });
  let user: UserView;
  try {
    user = await userView(deps, userId);
  } catch (error) {
    deps.logger.error({ err: error, user: userId, listener: what }, "form submission failed");
    await fail("Error / Σφάλμα");
    return;
  }
  let answer: FormAnswer;
  try {
    const role = context.role ?? "staff";
    if (!(await deps.services.roles.hasRole(userId, role))) {
      await fail(user.t.common.noPermission(user.t.common.roleNames[role]));
      return;
    }
    const channel = (JSON.parse(view.private_metadata || "{}") as { channel?: string }).channel;
    answer = await handle(user, channel);
  } catch (error) {
    deps.logger.error({ err: error, user: userId, listener: what }, "form submission failed");
    await fail(user.t.common.unexpectedError);
    return;
  }
  if ("update" in answer) {
    await ack({ response_action: "update", view: answer.update });
    return;
  }
  if ("errors" in answer) {
    await ack({ response_action: "errors", errors: answer.errors });
    return;
  }
  await ack();
  try {
    await answer.after?.();
  } catch (error) {
    deps.logger.warn({ err: error, user: userId, listener: what }, "could not finish after the form was accepted");
  }
}

/** Domain validation errors as Slack shows them: the text under each field's block. */
export function fieldErrors<E>(errors: Partial<Record<string, E>>, text: (e: E) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(errors)) if (e !== undefined) out[field] = text(e as E);
  return out;
}

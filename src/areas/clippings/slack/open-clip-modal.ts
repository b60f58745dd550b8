import type { WebClient } from "@slack/web-api";
import { ensureRole, type HandlerDeps, type Reply, type UserView } from "../../../slack/listener.js";
import type { ClippingInput } from "../validation.js";
import { buildClipModal, type ClipModalMetadata } from "./clip-modal-views.js";

/** What /clip and the message shortcut share: the role check, then the modal, at once. */
export async function openClipModal(
  deps: HandlerDeps,
  client: WebClient,
  options: { user: UserView; reply: Reply; triggerId: string; values: ClippingInput; metadata: ClipModalMetadata },
): Promise<void> {
  const { user, reply, triggerId, values, metadata } = options;
  if (!(await ensureRole(deps, user, "staff", reply))) return;
  const topics = await deps.services.clippings.listActiveTopics();
  const departments = await deps.services.clippings.listActiveDepartments();
  await client.views.open({
    trigger_id: triggerId,
    view: buildClipModal({
      t: user.t,
      departments,
      locale: user.locale,
      topics,
      today: deps.services.clippings.today(),
      values,
      metadata,
    }),
  });
}

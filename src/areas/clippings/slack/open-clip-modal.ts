import type { WebClient } from "@slack/web-api";
import type { UserView } from "../../../slack/listener.js";
import type { ClippingInput } from "../validation.js";
import { buildClipModal, type ClipModalMetadata } from "./clip-modal-views.js";
import type { ClippingsContext } from "./context.js";

/** What /clip and the message shortcut share: the modal, at once (their declarations checked the role). */
export async function openClipModal(
  { clippings }: Pick<ClippingsContext, "clippings">,
  client: WebClient,
  options: { user: UserView; triggerId: string; values: ClippingInput; metadata: ClipModalMetadata },
): Promise<void> {
  const { user, triggerId, values, metadata } = options;
  const topics = await clippings.listActiveTopics();
  const departments = await clippings.listActiveDepartments();
  await client.views.open({
    trigger_id: triggerId,
    view: buildClipModal({
      t: user.t,
      departments,
      locale: user.locale,
      topics,
      today: clippings.today(),
      values,
      metadata,
    }),
  });
}

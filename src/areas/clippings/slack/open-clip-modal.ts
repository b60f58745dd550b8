import type { WebClient } from "@slack/web-api";
import type { UserView } from "../../../slack/listener.js";
import { fillEmpty, type LinkPageFacts } from "../link-page.js";
import type { ClippingInput } from "../validation.js";
import { buildClipModal, type ClipModalMetadata } from "./clip-modal-views.js";
import type { ClippingsContext } from "./context.js";

/** The form as Slack holds it: its id, and the hash that changes whenever the view does. */
export interface OpenedView {
  id: string;
  hash: string;
}

async function clipModal(
  { clippings }: Pick<ClippingsContext, "clippings">,
  user: UserView,
  values: ClippingInput,
  metadata: ClipModalMetadata,
) {
  const topics = await clippings.listActiveTopics();
  const departments = await clippings.listActiveDepartments();
  return buildClipModal({
    t: user.t,
    departments,
    locale: user.locale,
    topics,
    today: clippings.today(),
    values,
    metadata,
  });
}

/** What /clip and the message shortcut share: the modal, at once (their declarations checked the role). */
export async function openClipModal(
  context: Pick<ClippingsContext, "clippings">,
  client: WebClient,
  options: { user: UserView; triggerId: string; values: ClippingInput; metadata: ClipModalMetadata },
): Promise<OpenedView | undefined> {
  const { user, triggerId, values, metadata } = options;
  const opened = await client.views.open({
    trigger_id: triggerId,
    view: await clipModal(context, user, values, metadata),
  });
  const { id, hash } = opened.view ?? {};
  return id && hash ? { id, hash } : undefined;
}

/**
 * After the form is open: the link's page read (the safe fetcher, in the listener's work after the
 * ack and after views.open) and the still-open form updated with what the page says of itself, in
 * the fields the form left empty or only guessed. The view's hash goes with the update, so Slack
 * refuses it once the form has changed or closed; a page that cannot be read leaves the form as it is.
 */
export async function fillClipModalFromLink(
  context: Pick<ClippingsContext, "clippings" | "pages" | "kit">,
  client: WebClient,
  options: {
    user: UserView;
    view: OpenedView | undefined;
    values: ClippingInput;
    metadata: ClipModalMetadata;
    guessed?: readonly (keyof LinkPageFacts)[];
  },
): Promise<void> {
  const { user, view, values, metadata } = options;
  if (!view || !values.url || !context.pages) return;
  try {
    const page = await context.pages.read(values.url);
    if (!page.ok) {
      context.kit.logger.info(
        { user: user.userId, why: page.why },
        "the linked page could not be read; the form stays as it is",
      );
      return;
    }
    const filled = fillEmpty(values, page.facts, options.guessed);
    if (!filled) return;
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: await clipModal(context, user, filled, metadata),
    });
  } catch (error) {
    // Submitted, closed or changed since (hash_conflict, not_found): the person's form wins.
    context.kit.logger.info({ err: error, user: user.userId }, "the form was not filled from its link");
  }
}

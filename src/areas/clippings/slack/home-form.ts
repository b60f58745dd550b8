// The Home tab's «Νέο δημοσίευμα» button: the same form as /clip.
import type { App, ButtonAction } from "@slack/bolt";
import { onAction } from "../../../slack/listener.js";
import type { ClippingsContext } from "./context.js";
import { openClipModal } from "./open-clip-modal.js";

export const NEW_CLIPPING_ACTION = "clip_new";

export function registerNewClippingButton(app: App, context: ClippingsContext): void {
  onAction<ButtonAction>(app, context.kit, {
    id: NEW_CLIPPING_ACTION,
    role: "staff",
    async handle({ user, body, client }) {
      await openClipModal(context, client, { user, triggerId: body.trigger_id, values: {}, metadata: {} });
    },
  });
}

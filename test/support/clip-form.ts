// Fills in the clipping modal the way Slack reports a filled-in form in view.state.values.
import type { ClippingInput } from "../../src/areas/clippings/validation.js";
import type { Json } from "./fake-slack.js";

export type ClipFormValues = ClippingInput;

export function clipFormState(v: ClipFormValues): Record<string, Record<string, Json>> {
  const text = (value?: string) => ({ value: { type: "plain_text_input", value: value ?? null } });
  const select = (type: string, value?: string) => ({
    value: { type, selected_option: value ? { value, text: { type: "plain_text", text: value } } : null },
  });
  return {
    title: text(v.title),
    outlet: text(v.outlet),
    url: text(v.url),
    summary: text(v.summary),
    publishedOn: { value: { type: "datepicker", selected_date: v.publishedOn ?? null } },
    medium: select("static_select", v.medium),
    tone: select("radio_buttons", v.tone),
    scope: select("radio_buttons", v.scope),
    topicIds: {
      value: {
        type: "multi_static_select",
        selected_options: (v.topicIds ?? []).map((id) => ({ value: id, text: { type: "plain_text", text: id } })),
      },
    },
  };
}

export const validClip: ClipFormValues = {
  title: "Ο Δήμαρχος εγκαινίασε το νέο πάρκο",
  outlet: "Η Καθημερινή",
  url: "https://www.kathimerini.gr/society/park-marousi",
  publishedOn: "2026-11-20",
  medium: "online",
  tone: "positive",
  scope: "municipality",
  summary: "Εγκαίνια πάρκου στο Μαρούσι.",
};

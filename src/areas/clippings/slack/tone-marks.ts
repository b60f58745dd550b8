// How a clipping's tone is shown beside it, and the legend that says what the marks mean.
import type { Messages } from "../../../i18n/index.js";
import type { Tone } from "../validation.js";

export const TONE_MARK: Record<Tone, string> = {
  positive: ":large_green_circle:",
  neutral: ":white_circle:",
  negative: ":red_circle:",
};

/** «🟢 Θετικό · ⚪ Ουδέτερο · 🔴 Αρνητικό», for under a list of marked clippings. */
export function toneLegend(t: Messages): string {
  return (["positive", "neutral", "negative"] as const)
    .map((tone) => `${TONE_MARK[tone]} ${t.clip.tones[tone]}`)
    .join(" · ");
}

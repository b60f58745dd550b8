// The one interface through which an area adds itself to each person's Home tab, as the digest
// sections do to the managers' briefing: the area's service gives the data for the person, the
// area's view renders it in the reader's language, and the Home puts the areas together (sorted,
// cut to Slack's limits). An area returns null when it has nothing for this person.
import type { LocaleCode } from "../../i18n/index.js";

export interface HomeWindow {
  /** Whose Home it is (a Slack user id): items are theirs, rights are checked for them. */
  actor: string;
  /** The office day (YYYY-MM-DD in the office's time zone). */
  today: string;
  /** The last day of "this week" (today + 6). */
  weekEnd: string;
  timeZone: string;
  locale: LocaleCode;
}

/** What a person can do about an item from their Home: an existing action id of the area's. */
export type HomeAction =
  | { type: "button"; text: string; actionId: string; value: string; style?: "primary" | "danger" }
  | { type: "overflow"; actionId: string; options: { text: string; value: string }[] }
  | { type: "select"; placeholder: string; actionId: string; options: { text: string; value: string }[] };

export interface HomeItem {
  /** What kind of item, in the reader's language («Απάντηση σε δημοσίευμα»). */
  kind: string;
  /** One mrkdwn line, already escaped. */
  title: string;
  /** The day it is due (YYYY-MM-DD), or null when it has none. */
  due: string | null;
  action?: HomeAction;
}

/** A button that opens one of the area's forms (the same action id its own messages use). */
export interface HomeForm {
  text: string;
  actionId: string;
  value?: string;
}

/** What one area gives a person's Home. */
export interface HomeContribution {
  /** The person's own open items. */
  items?: HomeItem[];
  /** What the office has today or this week (name days, events): a title and mrkdwn lines. */
  notice?: { title: string; lines: string[]; order: number };
  /** The area's main form(s). */
  forms?: HomeForm[];
}

export interface HomeSource {
  id: string;
  collect(window: HomeWindow): Promise<HomeContribution | null>;
}

/** Defines a source (an identity: it keeps the shape checked where the area declares it). */
export function homeSource(source: HomeSource): HomeSource {
  return source;
}

// The one interface through which an area adds itself to the managers' morning digest. An area
// returns null when it has nothing to say, and is then simply absent.
import type { LocaleCode } from "../../i18n/index.js";

export interface DigestWindow {
  /** The digest's calendar day (YYYY-MM-DD in the office's time zone). */
  date: string;
  /** What is new since this instant (the previous working day's digest)… */
  since: Date;
  /** …until this one (this digest's scheduled time). */
  until: Date;
  timeZone: string;
  locale: LocaleCode;
}

export interface DigestSectionContent {
  title: string;
  /** One or two mrkdwn lines, already escaped. */
  summary: string;
  /** One mrkdwn line per item, already escaped; long lists go on in the message's thread. */
  items: string[];
}

/**
 * A section: its data from the area's service (null: nothing to say today), rendered by the area's
 * view in the reader's language. The digest puts the rendered sections into its messages.
 */
export interface DataDigestSection<D> {
  id: string;
  collect(window: DigestWindow): Promise<D | null>;
  render(data: D, window: DigestWindow): DigestSectionContent;
}

// biome-ignore lint/suspicious/noExplicitAny: a list holds sections of different data types
export type DigestSection = DataDigestSection<any>;

/** Defines a section, keeping its data type between collect and render. */
export function digestSection<D>(section: DataDigestSection<D>): DataDigestSection<D> {
  return section;
}

export async function buildSection(section: DigestSection, window: DigestWindow): Promise<DigestSectionContent | null> {
  const data = await section.collect(window);
  return data === null ? null : section.render(data, window);
}

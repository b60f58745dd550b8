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

export interface DigestSection {
  id: string;
  build(window: DigestWindow): Promise<DigestSectionContent | null>;
}

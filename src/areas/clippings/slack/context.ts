// What the clippings' listeners are given: the Slack kit, the area's own services, and the sender
// for what is posted in channels (in the office's language).
import type { LocaleCode } from "../../../i18n/index.js";
import type { SlackKit } from "../../../slack/listener.js";
import type { Sender } from "../../../slack/sender.js";
import type { ClippingAlerts } from "../clipping-alerts.js";
import type { ClippingReplies } from "../clipping-replies.js";
import type { ClippingService } from "../clipping-service.js";
import type { CoverageService } from "../coverage-service.js";
import type { LinkPages } from "../link-page.js";
import type { SearchQuery } from "../search-query.js";
import type { SearchResult } from "../search-results.js";

export interface ClippingsContext {
  kit: SlackKit;
  clippings: ClippingService;
  search: { searchClippings(query: SearchQuery): Promise<SearchResult> };
  replies: ClippingReplies;
  /** The coverage reports (`/clip report`). */
  coverage: CoverageService;
  alerts: ClippingAlerts;
  sender: Sender;
  defaultLocale: LocaleCode;
  /** A pasted link's page, read to fill the form (none: the form is not filled from the page). */
  pages?: LinkPages;
}

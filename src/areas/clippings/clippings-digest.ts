// The clippings' parts of the morning digest: what was registered since the last one, and the
// replies the municipality still owes.
import { type DigestSection, digestSection } from "../digest/digest-section.js";
import type { ClippingReplies } from "./clipping-replies.js";
import { renderClippingsSection, renderRepliesSection } from "./slack/digest-views.js";
import type { ClippingRecord } from "./store.js";

export function createClippingsDigestSection(clippings: {
  registeredBetween(since: Date, until: Date): Promise<ClippingRecord[]>;
}): DigestSection {
  return digestSection({
    id: "clippings",
    async collect({ since, until }) {
      const rows = await clippings.registeredBetween(since, until);
      return rows.length ? rows : null;
    },
    render: renderClippingsSection,
  });
}

export function createRepliesDigestSection(replies: Pick<ClippingReplies, "owedOn">): DigestSection {
  return digestSection({
    id: "clipping-replies",
    collect: ({ date }) => replies.owedOn(date),
    render: renderRepliesSection,
  });
}

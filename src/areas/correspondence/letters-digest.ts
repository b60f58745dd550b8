// The managers' digest: calls for interest and invitations from abroad until answered or declined.
import { messages } from "../../i18n/index.js";
import { digestSection } from "../digest/digest-section.js";
import type { LetterService } from "./letter-service.js";
import { invitationsDigestContent } from "./slack/letter-views.js";

export function createLettersDigestSection(letters: Pick<LetterService, "openInvitations">) {
  return digestSection({
    id: "foreign-invitations",
    async collect() {
      const open = await letters.openInvitations();
      return open.length > 0 ? open : null;
    },
    render: (open, { date, locale }) => invitationsDigestContent(messages(locale), open, date),
  });
}

// The clippings area: the press-clippings register.
//   Slack: /clip (log, search, export, help); the "log_clipping" message shortcut; the forms
//   clip_modal, clip_edit_modal, clip_withdraw_modal, clip_reply_modal, clip_reply_close_modal;
//   the buttons clip_search_page_* and the menu clip_result_menu; the options topics_options.
//   `/clip report` (the coverage report, managers).
//   Jobs: clipping-reply-reminders, clipping-surge-check, clipping-coverage-weekly.
//   Digest: clippings (registered since the last digest), clipping-replies (replies owed).

import type { WebClient } from "@slack/web-api";
import type { SqlReader } from "../../db/sql-reader.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { LocaleCode } from "../../i18n/index.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit, UserView } from "../../slack/listener.js";
import type { Sender } from "../../slack/sender.js";
import type { Area } from "../area.js";
import type { Role } from "../users/roles.js";
import { createClippingAlerts } from "./clipping-alerts.js";
import { createClippingReplies } from "./clipping-replies.js";
import { createClippingSearch } from "./clipping-search.js";
import { createClippingService, type RoleCheck } from "./clipping-service.js";
import { createClippingsDigestSection, createRepliesDigestSection } from "./clippings-digest.js";
import { createClippingsHomeSource } from "./clippings-home.js";
import { createClippingsReportSource } from "./clippings-report.js";
import { createCoverageService } from "./coverage-service.js";
import { createClippingPicker } from "./intake-picker.js";
import { createIntakeLookups } from "./intake-store.js";
import { createCoverageWeeklyJob } from "./jobs/coverage-weekly.js";
import { createReplyRemindersJob } from "./jobs/reply-reminders.js";
import { createSurgeCheckJob } from "./jobs/surge-check.js";
import type { LinkPages } from "./link-page.js";
import { CLIP_COMMAND } from "./slack/clip-command.js";
import { registerNewClippingButton } from "./slack/home-form.js";
import { register } from "./slack/listeners.js";
import { openClipModal } from "./slack/open-clip-modal.js";
import { createSynonymStore } from "./synonym-store.js";
import type { ClippingInput } from "./validation.js";

export interface ClippingsServicesDeps {
  prisma: PrismaClient;
  /** The search's reads through the driver (see src/db/sql-reader.ts). */
  reader: SqlReader;
  clock: Clock;
  timeZone: string;
  /** Who is staff and who a manager: managers may change anyone's clipping. */
  roles: RoleCheck;
}

/** The area's use cases, built once by the composition root. */
export function createClippingsServices(deps: ClippingsServicesDeps) {
  const search = createClippingSearch(deps);
  const intakeLookups = createIntakeLookups(deps.prisma);
  return {
    clippings: createClippingService(deps),
    search,
    replies: createClippingReplies(deps),
    alerts: createClippingAlerts(deps),
    /** The coverage reports: for a period, and every Monday for the managers who asked. */
    coverage: createCoverageService(deps),
    synonyms: createSynonymStore(deps),
    /** What the press intake asks of the register (watched words matched, links registered, a clipping chosen). */
    intake: { ...intakeLookups, ...createClippingPicker({ lookups: intakeLookups, search }) },
  };
}

export type ClippingsServices = ReturnType<typeof createClippingsServices>;

export interface ClippingsAreaDeps {
  kit: SlackKit;
  services: Omit<ClippingsServices, "intake">;
  /** Who gets the surge warnings: the managers. */
  managers: { holdersOf(role: Role): Promise<string[]> };
  /** The office's language, for the notices posted in channels. */
  defaultLocale: LocaleCode;
  sender: Sender;
  /** A pasted link's page, read to fill the clipping form (createLinkPages). */
  pages?: LinkPages;
}

export function createClippingsArea(deps: ClippingsAreaDeps): Area {
  const { kit } = deps;
  const { clippings, search, replies, alerts, coverage } = deps.services;
  const context = {
    kit,
    clippings,
    search,
    replies,
    alerts,
    coverage,
    sender: deps.sender,
    defaultLocale: deps.defaultLocale,
    pages: deps.pages,
  };
  return {
    name: "clippings",
    register(app) {
      register(app, context);
      registerNewClippingButton(app, context); // action clip_new (the Home's button)
    },
    commands: [{ name: CLIP_COMMAND, role: "staff", summary: (t) => t.clip.commandSummary }],
    digestSections: [createClippingsDigestSection(clippings), createRepliesDigestSection(replies)],
    reportSections: [createClippingsReportSource(clippings)],
    homeSources: [createClippingsHomeSource(replies)], // the replies the person owes
    jobs: [
      createReplyRemindersJob({ replies, locales: kit.locales }),
      createSurgeCheckJob({ alerts, managers: deps.managers, locales: kit.locales }),
      createCoverageWeeklyJob({
        coverage,
        locales: kit.locales,
        sendFiles: (userId, comment, files) => deps.sender.sendFilesPrivately(userId, comment, files),
        filePosted: (userId, filename, since) => deps.sender.filePostedPrivately(userId, filename, since),
      }),
    ],
  };
}

/**
 * The clipping form, opened by another area with what it knows filled in (the press intake's
 * «Καταχώριση»): the same form as /clip, which checks and registers as always.
 */
export interface ClipForm {
  open(
    client: WebClient,
    options: {
      user: UserView;
      triggerId: string;
      values: ClippingInput;
      channel?: string;
      source?: { channel: string; ts: string };
    },
  ): Promise<void>;
}

export function clipFormOf(clippings: ClippingsServices["clippings"]): ClipForm {
  return {
    open: (client, { user, triggerId, values, channel, source }) =>
      openClipModal({ clippings }, client, { user, triggerId, values, metadata: { channel, source } }).then(() => {}),
  };
}

export { createLinkPages, type LinkPages, type OutletNames } from "./link-page.js";

// The press-clippings register: topics to choose from, entering a clipping exactly once, and
// correcting or withdrawing one (the person who logged it, or a manager).

import { isUniqueViolation } from "../../db/errors.js";
import type { LocaleCode } from "../../i18n/index.js";
import { localDate, localYear } from "../../lib/clock.js";
import { foldGreek } from "../../lib/text.js";
import type { DomainDeps } from "../deps.js";
import type { Role } from "../users/roles.js";
import { type ExportRange, type ExportRow, exportRowsOf } from "./clipping-export.js";
import { mayChangeClipping } from "./rules.js";
import { type ClippingForEdit, createClippingStore, type RegisteredClipping, type TopicOption } from "./store.js";
import type { ClippingDraft } from "./validation.js";

export { CLIPPINGS_REGISTER, type RegisteredClipping, type TopicOption } from "./store.js";

export type CreateClippingResult =
  | { status: "created"; clipping: RegisteredClipping }
  /** The same submission (a Slack retry or a double click) was stored before. */
  | { status: "already_stored"; clipping: RegisteredClipping }
  /** The link is already in the register; nothing was stored. */
  | { status: "duplicate_url"; existing: RegisteredClipping };

/** Why a change was refused: neither its author nor a manager. */
export type ChangeRefusal = { status: "refused"; reason: "not_yours" };

export type OpenForChangeResult =
  | { status: "found"; clipping: ClippingForEdit }
  | { status: "not_found" }
  | ChangeRefusal;

export type UpdateClippingResult =
  | { status: "updated" | "unchanged"; registerNumber: string }
  | { status: "not_found" }
  /** Someone corrected it after the form was opened: nothing was written. */
  | { status: "stale" }
  | ChangeRefusal;

export type WithdrawClippingResult =
  | { status: "withdrawn"; registerNumber: string }
  | { status: "already"; registerNumber: string }
  | { status: "not_found" }
  | ChangeRefusal;

export interface RoleCheck {
  hasRole(slackUserId: string, role: Role): Promise<boolean>;
}

export interface ClippingServiceDeps extends DomainDeps {
  /** Who is staff (who may change their own clipping) and who a manager (anyone's). */
  roles: RoleCheck;
}

// Every modal lists the topics; they change rarely, so a short cache saves a query per modal.
// Another process's change shows within this time.
const TOPICS_CACHE_MS = 30_000;
// One cache per database, shared by every instance of this service in the process (the admins'
// `/grafeio topic add` and the forms may hold different instances): an added topic shows at once.
const topicsCaches = new WeakMap<object, { at: number; topics: TopicOption[] }>();

export function createClippingService({ prisma, clock, timeZone, roles }: ClippingServiceDeps) {
  const store = createClippingStore({ prisma, clock });

  /** The clipping, if the actor may change it. */
  async function openForChange(id: number, actor: string): Promise<OpenForChangeResult> {
    const clipping = await store.findForEdit(id);
    if (!clipping) return { status: "not_found" };
    const [isStaff, isManager] = await Promise.all([roles.hasRole(actor, "staff"), roles.hasRole(actor, "manager")]);
    if (!mayChangeClipping(actor, clipping.createdBy, { isStaff, isManager }))
      return { status: "refused", reason: "not_yours" };
    return { status: "found", clipping };
  }

  return {
    /** The office's calendar date today, which bounds publication dates. */
    today: () => localDate(clock.now(), timeZone),

    async listActiveTopics(): Promise<TopicOption[]> {
      const now = clock.now().getTime();
      const cached = topicsCaches.get(prisma);
      if (cached && now - cached.at >= 0 && now - cached.at < TOPICS_CACHE_MS) return cached.topics;
      const topics = await store.listActiveTopics();
      topicsCaches.set(prisma, { at: now, topics });
      return topics;
    },

    /** Adds a topic the office uses (or brings back one that was retired). */
    async addTopic({
      nameEl,
      nameEn,
    }: {
      nameEl: string;
      nameEn: string;
    }): Promise<TopicOption & { created: boolean }> {
      const slug = foldGreek(nameEl)
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-|-$/g, "");
      const topic = await store.upsertTopic(slug, { nameEl, nameEn });
      topicsCaches.delete(prisma);
      return topic;
    },

    /** A clipping as the form shows it, with what decides who may change it. */
    findForEdit: (id: number) => store.findForEdit(id),

    openForChange,

    /**
     * Corrects a clipping, if the actor logged it or is a manager; every changed field is
     * recorded with who and when. Its register number never changes. `version` is the one the
     * form was opened at (ClippingForEdit.version): a correction made since wins.
     */
    async updateClipping({
      id,
      draft,
      by,
      version,
    }: {
      id: number;
      draft: ClippingDraft;
      by: string;
      version: number;
    }): Promise<UpdateClippingResult> {
      const opened = await openForChange(id, by);
      if (opened.status !== "found") return opened;
      const outcome = await store.updateClippingRecordingChanges({ id, draft, by, version });
      if (outcome === "not_found" || outcome === "stale") return { status: outcome };
      return { status: outcome, registerNumber: opened.clipping.registerNumber };
    },

    /** Withdraws a clipping (the actor logged it, or is a manager) without deleting it: its number stays taken. */
    async withdrawClipping({
      id,
      by,
      reason,
    }: {
      id: number;
      by: string;
      reason: string;
    }): Promise<WithdrawClippingResult> {
      const opened = await openForChange(id, by);
      if (opened.status !== "found") return opened;
      const outcome = await store.withdrawClippingRecording({ id, by, reason });
      if (outcome === "not_found") return { status: "not_found" };
      return { status: outcome, registerNumber: opened.clipping.registerNumber };
    },

    history: (id: number) => store.history(id),

    /** Clippings registered in [since, until), not withdrawn, in register order (for the digest). */
    registeredBetween: (since: Date, until: Date) => store.clippingsRegisteredBetween(since, until),

    /** Clippings published in a range, in register order, as export rows in the reader's language. */
    async rowsForExport(range: ExportRange, locale: LocaleCode): Promise<ExportRow[]> {
      return exportRowsOf(await store.clippingsPublishedBetween(range.from, range.to), locale, timeZone);
    },

    /**
     * The period reports' data: the clippings published in the range (the export's rows, withdrawn
     * ones included and marked) and the replies asked of them.
     */
    async reportData(range: { from: string; to: string }) {
      const [clippings, replies] = await Promise.all([
        store.clippingsPublishedBetween(range.from, range.to),
        store.repliesOfPublishedBetween(range.from, range.to),
      ]);
      return { clippings, replies };
    },

    listActiveDepartments: () => store.listActiveDepartments(),
    listDepartments: () => store.listDepartments(),

    /** Gives a department a channel for notices (or none). False if there is no such department. */
    setDepartmentChannel: (slug: string, channelId: string | null) => store.setDepartmentChannel(slug, channelId),

    findByUrlKey: (key: string) => store.findByUrlKey(key),

    /**
     * Enters a clipping under the next register number of the current year (in the office's time
     * zone). `submissionKey` (the Slack view id) makes a repeated submission return the first one.
     */
    async createClipping(options: {
      draft: ClippingDraft;
      createdBy: string;
      submissionKey: string;
      /** The user saw the duplicate-link warning for this entry and chose to go on. */
      acceptDuplicateOf?: number;
      source?: { channel: string; ts: string };
    }): Promise<CreateClippingResult> {
      const year = localYear(clock.now(), timeZone);
      try {
        return await store.insertClipping({ ...options, year });
      } catch (error) {
        // Two deliveries of one submission raced: the loser's transaction rolled back (giving its
        // register number back) and the winner's row is the answer.
        if (isUniqueViolation(error)) {
          const winner = await store.findBySubmission(options.submissionKey);
          if (winner) return { status: "already_stored", clipping: winner };
        }
        throw error;
      }
    },
  };
}

export type ClippingService = ReturnType<typeof createClippingService>;

// `/contact import`: a file in a modal, a preview of what each row will do, then the import on
// confirmation. The file is read after the acknowledgement (Slack allows 3 seconds), while the
// modal shows that it is being read.

import type { App } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { Messages } from "../../../i18n/index.js";
import { channelMetadata, channelSchema, idField, jsonCodec } from "../../../slack/codec.js";
import { downloadSlackFile } from "../../../slack/file-download.js";
import { formState } from "../../../slack/form-state.js";
import { onForm, replyPrivately, type UserView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { type ImportPlan, MAX_IMPORT_BYTES, type PlannedRow } from "../contact-import.js";
import type { ContactField } from "../contact-validation.js";
import type { ContactsDeps } from "../contacts-deps.js";
import { contactErrorText } from "./contact-modal-submission.js";
import { importOutcomeText } from "./import-views.js";

/** The import preview's metadata: the stored plan, and the channel the import was started from. */
export const importConfirmMetadata = jsonCodec(z.object({ importId: idField, channel: channelSchema.shape.channel }));

export const IMPORT_CALLBACK = "contact_import";
export const IMPORT_CONFIRM_CALLBACK = "contact_import_confirm";
const FILE_BLOCK = "file";
const FILE_ACTION = "value";
const PREVIEW_ROWS = 40;

const plain = (text: string) => ({ type: "plain_text" as const, text: truncate(text, 24), emoji: true });

export async function openImportModal(client: WebClient, user: UserView, triggerId: string, channel?: string) {
  const m = user.t.contacts;
  await client.views.open({
    trigger_id: triggerId,
    view: {
      type: "modal",
      callback_id: IMPORT_CALLBACK,
      title: plain(m.importTitle),
      submit: plain(m.importSubmit),
      close: plain(m.close),
      private_metadata: channelMetadata.encode({ channel }),
      blocks: [
        {
          type: "input",
          block_id: FILE_BLOCK,
          label: { type: "plain_text", text: m.importFile },
          hint: { type: "plain_text", text: truncate(m.importHint, 150) },
          element: { type: "file_input", action_id: FILE_ACTION, filetypes: ["csv", "txt"], max_files: 1 },
        },
      ],
    },
  });
}

function infoView(t: Messages, text: string): ModalView {
  return {
    type: "modal",
    callback_id: `${IMPORT_CALLBACK}_info`,
    title: plain(t.contacts.importTitle),
    close: plain(t.contacts.close),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } }],
  };
}

function rowText(t: Messages, row: PlannedRow): string {
  const m = t.contacts;
  const name = row.name ? escapeMrkdwn(truncate(row.name, 80)) : "—";
  if (row.action === "create") {
    const notes = [row.suggestedNameDay ? m.importSuggested : "", row.nameDayAmbiguous ? m.importAmbiguous : ""];
    return `${row.line}. :new: ${m.importCreate}: ${name}${notes.filter(Boolean).length ? ` _(${notes.filter(Boolean).join(", ")})_` : ""}`;
  }
  if (row.action === "update") {
    const fields = (row.changes ?? []).map((f) => m.fieldNames[f as ContactField] ?? f).join(", ");
    return `${row.line}. :arrows_counterclockwise: ${m.importUpdate}: ${name} (${fields})`;
  }
  const r = row.reason;
  const reason = !r
    ? ""
    : r.code === "invalid"
      ? m.skipReasons.invalid(m.fieldNames[r.field as ContactField] ?? r.field, contactErrorText(t, r.error))
      : r.code === "repeats"
        ? m.skipReasons.repeats(r.line)
        : r.code === "unchanged"
          ? m.skipReasons.unchanged
          : r.code === "unknownCategory"
            ? m.skipReasons.unknownCategory(escapeMrkdwn(truncate(r.value, 60)))
            : r.code === "badNameDay"
              ? m.skipReasons.badNameDay(escapeMrkdwn(truncate(r.value, 30)))
              : r.code === "unterminatedQuote"
                ? m.skipReasons.unterminatedQuote
                : r.code === "erased"
                  ? m.skipReasons.erased
                  : m.skipReasons.tooManyRows(r.max);
  return `${row.line}. :heavy_minus_sign: ${m.importSkip}: ${name}: ${reason}`;
}

export function buildImportPreview(t: Messages, plan: ImportPlan, importId: number, channel?: string): ModalView {
  const m = t.contacts;
  const count = (a: string) => plan.rows.filter((r) => r.action === a).length;
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: m.importSummary(count("create"), count("update"), count("skip")) },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: truncate(
            [
              m.importFileInfo(escapeMrkdwn(truncate(plan.fileName, 100)), plan.encoding, plan.separator),
              plan.ignoredColumns.length
                ? m.importIgnored(escapeMrkdwn(truncate(plan.ignoredColumns.join(", "), 300)))
                : "",
            ]
              .filter(Boolean)
              .join("\n"),
            2000,
          ),
        },
      ],
    },
  ];
  // Skipped rows first: they are what the office has to look at.
  const ordered = [...plan.rows].sort(
    (a, b) => Number(a.action !== "skip") - Number(b.action !== "skip") || a.line - b.line,
  );
  const lines = ordered.slice(0, PREVIEW_ROWS).map((r) => rowText(t, r));
  if (ordered.length > PREVIEW_ROWS) lines.push(m.importMore(ordered.length - PREVIEW_ROWS));
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length) blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.join("\n") } });
    chunk = [];
  };
  for (const line of lines) {
    if ([...chunk, line].join("\n").length > 2900) flush();
    chunk.push(truncate(line, 2900));
  }
  flush();
  const anything = count("create") + count("update") > 0;
  return {
    type: "modal",
    callback_id: IMPORT_CONFIRM_CALLBACK,
    title: plain(m.importPreviewTitle),
    ...(anything ? { submit: plain(m.importConfirm) } : {}),
    close: plain(m.close),
    private_metadata: importConfirmMetadata.encode({ importId, channel }),
    blocks,
  };
}

export function registerImportContacts(app: App, deps: ContactsDeps): void {
  onForm(app, deps, {
    callbackId: IMPORT_CALLBACK,
    metadata: channelMetadata,
    errorBlock: FILE_BLOCK,
    async handle({ user, view, metadata, client }) {
      const { t } = user;
      const [file] = formState(view.state, [FILE_ACTION]).files(FILE_BLOCK);
      if (!file) return { errors: { [FILE_BLOCK]: t.contacts.importProblems.noFile } };
      const show = (v: ModalView) => client.views.update({ view_id: view.id, view: v });
      // Slack waits 3 seconds for the answer; the file is read behind a "reading…" view.
      return {
        update: infoView(t, t.contacts.importReading),
        after: async () => {
          try {
            const got = await downloadSlackFile(client, file.id, { maxBytes: MAX_IMPORT_BYTES });
            if (!got.ok) {
              const problems = t.contacts.importProblems;
              // A file elsewhere than Slack's hosts is someone's doing, not a slip: a warning.
              deps.logger[got.problem === "notSlack" ? "warn" : "info"](
                { user: user.userId, problem: got.problem },
                "contact import file not read",
              );
              const text =
                got.problem === "tooLarge"
                  ? problems.tooLarge(Math.round(got.maxBytes / 1024 / 1024))
                  : got.problem === "notSlack"
                    ? problems.notSlack
                    : problems.download;
              await show(infoView(t, text));
              return;
            }
            const name = got.name ?? file.name ?? "contacts.csv";
            const prepared = await deps.imports.prepare(got.bytes, name, user.userId);
            if (prepared.problem) {
              const p = prepared.problem;
              const text =
                p.code === "tooLarge"
                  ? t.contacts.importProblems.tooLarge(Math.round(MAX_IMPORT_BYTES / 1024 / 1024))
                  : t.contacts.importProblems[p.code];
              await show(infoView(t, text));
              return;
            }
            if (prepared.plan && prepared.id !== undefined)
              await show(buildImportPreview(t, prepared.plan, prepared.id, metadata.channel));
          } catch (error) {
            deps.logger.error(
              { err: error, user: user.userId, listener: IMPORT_CALLBACK },
              "contact import preview failed",
            );
            await show(infoView(t, t.common.unexpectedError)).catch(() => {});
          }
        },
      };
    },
  });

  // The preview has no field: a refusal or a stale preview is told privately, and the form closes.
  onForm(app, deps, {
    callbackId: IMPORT_CONFIRM_CALLBACK,
    metadata: importConfirmMetadata,
    errorBlock: null,
    async handle({ user, metadata, client }) {
      const reply = replyPrivately(deps, client, user.userId, metadata.channel);
      return {
        after: async () => {
          try {
            const result = await deps.imports.apply(metadata.importId, user.userId, {
              channel: metadata.channel,
              // Each saved step, for whoever follows a long import in the log (no personal data).
              onProgress: (p) => deps.logger.debug({ import: metadata.importId, ...p }, "contact import progress"),
            });
            if (result.status === "not_found") {
              await reply(user.t.contacts.notFound);
              return;
            }
            // Confirmed again (a second click, a Slack retry): the requester is told how far it is,
            // and an import a crash stopped is resumed from there.
            const { status } = result;
            const counts =
              status === "running"
                ? { done: result.done }
                : { ...result.outcome, failed: result.outcome.failed.length };
            deps.logger.info(
              { user: user.userId, import: metadata.importId, status, total: result.total, ...counts },
              "contact import",
            );
            await reply(importOutcomeText(user.t, result));
          } catch (error) {
            deps.logger.error(
              { err: error, user: user.userId, listener: IMPORT_CONFIRM_CALLBACK },
              "contact import failed",
            );
            await reply(user.t.common.unexpectedError).catch(() => {});
          }
        },
      };
    },
  });
}

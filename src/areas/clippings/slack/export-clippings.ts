// `/clip export [month | two dates] [pdf]`: the register as CSV and XLSX (or, for managers, a
// printable PDF), sent to the requester's DM.
import type { WebClient } from "@slack/web-api";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { ensureRole, type Reply, sendFilesPrivately, type UserView } from "../../../slack/listener.js";
import { byName, slackNames } from "../../../slack/people-names.js";
import { parseExportRange, toCsv, toXlsxOffLoop } from "../clipping-export.js";
import { registerPdfOffLoop } from "../register-pdf.js";
import type { ClippingsContext } from "./context.js";

export async function exportFromCommand(
  { kit, clippings }: Pick<ClippingsContext, "kit" | "clippings">,
  client: WebClient,
  user: UserView,
  text: string,
  reply: Reply,
) {
  const { t } = user;
  // `… pdf`: the printable register, for managers.
  const pdf = /(^|\s)pdf$/i.test(text.trim());
  if (!(await ensureRole(kit, user, pdf ? "manager" : "staff", reply))) return;
  const range = parseExportRange(text.trim().replace(/(^|\s)pdf$/i, ""), clippings.today());
  if (!range) {
    await reply(t.export.badRange);
    return;
  }
  const label = range.label.includes("_")
    ? `${formatDayMonthYear(range.from)}–${formatDayMonthYear(range.to)}`
    : `${Number(range.label.slice(5))}/${range.label.slice(0, 4)}`;
  const found = await clippings.rowsForExport(range, user.locale);
  if (found.length === 0) {
    await reply(t.export.nothing(label));
    return;
  }
  // Who registered each clipping, by name.
  const name = byName(
    await slackNames(
      client,
      found.map((r) => r.createdBy),
    ),
  );
  const rows = found.map((r) => ({ ...r, createdBy: name(r.createdBy) }));
  const base = `grafeio-clippings-${range.label}`;
  if (pdf) {
    const file = await registerPdfOffLoop(rows, { locale: user.locale, periodLabel: label, office: t.export.office });
    await sendFilesPrivately(client, user.userId, t.export.pdfReady(label), [{ file, filename: `${base}.pdf` }]);
    await reply(t.export.sent);
    return;
  }
  // The files render off the event loop (the CSV is a few milliseconds: it stays here).
  const [csv, xlsx] = [toCsv(rows, user.locale), await toXlsxOffLoop(rows, user.locale)];
  await sendFilesPrivately(client, user.userId, t.export.ready(rows.length, label), [
    { file: csv, filename: `${base}.csv` },
    { file: xlsx, filename: `${base}.xlsx` },
  ]);
  await reply(t.export.sent);
}

// The contact archive's section of the period reports: how many contacts were added, VIPs among
// them, by category. Counts only: a report goes beyond the office, and the archive is personal data.
import { defineTexts } from "../../i18n/texts.js";
import { countBy, type ReportSource, type ReportWindow, reportSource } from "../reports/report-source.js";

export interface AddedContact {
  id: number;
  vip: boolean;
  archivedAt: Date | null;
  mergedIntoId: number | null;
  category: { nameEl: string; nameEn: string } | null;
}

const texts = defineTexts(
  {
    title: "Αρχείο επαφών",
    added: "Νέες επαφές",
    vip: "Από αυτές VIP",
    merged: "Συγχωνεύθηκαν αργότερα σε άλλη επαφή",
    byCategory: "Ανά κατηγορία",
    columns: ["Κατηγορία", "Νέες επαφές"],
    noCategory: "(χωρίς κατηγορία)",
    empty: "Καμία νέα επαφή αυτή την περίοδο.",
  },
  {
    title: "Contact archive",
    added: "Contacts added",
    vip: "Of which VIPs",
    merged: "Since merged into another contact",
    byCategory: "By category",
    columns: ["Category", "Contacts added"],
    noCategory: "(no category)",
    empty: "No contacts added in this period.",
  },
);

export function createContactsReportSource(contacts: {
  addedBetween(from: Date, until: Date): Promise<AddedContact[]>;
}): ReportSource {
  return reportSource({
    id: "contacts",
    collect: ({ period }) => contacts.addedBetween(period.start, period.end),
    describe: describeContacts,
  });
}

export function describeContacts(added: AddedContact[], { locale }: Pick<ReportWindow, "locale">) {
  const x = texts(locale);
  const categories = countBy(added, (c) =>
    c.category ? (locale === "en" ? c.category.nameEn : c.category.nameEl) : x.noCategory,
  );
  return {
    id: "contacts",
    title: x.title,
    figures: [
      { id: "contacts.added", label: x.added, value: added.length },
      { id: "contacts.vip", label: x.vip, value: added.filter((c) => c.vip).length },
      { id: "contacts.merged", label: x.merged, value: added.filter((c) => c.mergedIntoId !== null).length },
    ],
    tables: added.length
      ? [{ title: x.byCategory, columns: x.columns, rows: [...categories].map(([name, n]) => [name, String(n)]) }]
      : [],
    ...(added.length === 0 ? { empty: x.empty } : {}),
  };
}

// The contact archive as a CSV file the office opens in Excel (UTF-8 with BOM; ';' in Greek).
import type { LocaleCode, Messages } from "../../i18n/index.js";
import { csvFile } from "../../lib/csv.js";
import type { ContactRecord } from "./contact-service.js";
import { nameDayForFile } from "./name-day-choice.js";

export function contactsCsv(contacts: ContactRecord[], options: { t: Messages; locale: LocaleCode }): Buffer {
  const { t, locale } = options;
  const yes = (b: boolean) => (b ? t.contacts.yes : "");
  const rows = contacts.map((c) => [
    String(c.id),
    c.nameEl,
    c.nameLatin ?? "",
    c.title ?? "",
    c.organisation ?? "",
    c.category ? (locale === "en" ? c.category.nameEn : c.category.nameEl) : "",
    c.country ?? "",
    c.language ?? "",
    c.email ?? "",
    c.phone ?? "",
    c.address ?? "",
    yes(c.vip),
    c.nameDayKey ? nameDayForFile(c.nameDayKey, locale) : "",
    c.notes ?? "",
    c.consent ?? "",
    c.source ?? "",
    yes(c.optOutGreetings),
    c.archivedAt ? c.archivedAt.toISOString().slice(0, 10) : "",
  ]);
  return csvFile([[...t.contacts.columns], ...rows], locale === "el" ? ";" : ",");
}

// Importing the office's existing contact spreadsheet: read it (UTF-8 or Windows-1253, ';' or ','),
// decide for each row whether it creates, updates or is skipped and why, show that plan, and apply
// it only when confirmed. Each row is written on its own, so a bad row never stops the others and
// nothing is ever half-written.

import { randomUUID } from "node:crypto";
import type { NameDayCalendar } from "../../calendar/namedays/nameday-calendar.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { decodeSpreadsheet, detectSeparator, parseCsv, uncsvCell } from "../../lib/csv.js";
import {
  ERASED_MARK,
  type ErasedPerson,
  type ErasedRows,
  personRedactor,
  type Redactor,
  redactJson,
} from "../../lib/personal-data.js";
import { foldGreek } from "../../lib/text.js";
import type { CategoryOption, ContactService } from "./contact-service.js";
import { type ContactDraft, type ContactError, type ContactInput, validateContact } from "./contact-validation.js";
import { createImportStore, type ImportStore } from "./import-store.js";
import { readNameDay, suggestableFeasts } from "./name-day-choice.js";

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

type Column = keyof ContactInput | "firstName" | "lastName";

// Column titles as offices write them, folded (no accents, lower case, letters and digits only).
const HEADER_ALIASES: Record<string, Column> = {
  ονοματεπωνυμο: "nameEl",
  fullname: "nameEl",
  name: "nameEl",
  ονομαελληνικα: "nameEl",
  ονομα: "firstName",
  firstname: "firstName",
  επωνυμο: "lastName",
  lastname: "lastName",
  surname: "lastName",
  λατινικα: "nameLatin",
  ονομαλατινικα: "nameLatin",
  namelatin: "nameLatin",
  latinname: "nameLatin",
  latinscript: "nameLatin",
  τιτλοσ: "title",
  θεση: "title",
  ιδιοτητα: "title",
  title: "title",
  position: "title",
  φορεασ: "organisation",
  οργανισμοσ: "organisation",
  organisation: "organisation",
  organization: "organisation",
  κατηγορια: "categorySlug",
  category: "categorySlug",
  χωρα: "country",
  country: "country",
  γλωσσα: "language",
  language: "language",
  email: "email",
  ηλεκτρονικοταχυδρομειο: "email",
  τηλεφωνο: "phone",
  τηλ: "phone",
  κινητο: "phone",
  phone: "phone",
  telephone: "phone",
  mobile: "phone",
  διευθυνση: "address",
  address: "address",
  vip: "vip",
  σημαντικοσ: "vip",
  importance: "vip",
  εορτη: "nameDayKey",
  ονομαστικηεορτη: "nameDayKey",
  nameday: "nameDayKey",
  σημειωσεισ: "notes",
  παρατηρησεισ: "notes",
  notes: "notes",
  συγκαταθεση: "consent",
  νομιμηβαση: "consent",
  consent: "consent",
  πηγη: "source",
  source: "source",
  χωρισευχεσ: "optOutGreetings",
  optout: "optOutGreetings",
  nogreetings: "optOutGreetings",
};

const YES = new Set(["ναι", "ν", "x", "1", "yes", "y", "true", "vip"]);

export type RowAction = "create" | "update" | "skip";

export type SkipReason =
  | { code: "invalid"; field: string; error: ContactError }
  | { code: "repeats"; line: number }
  | { code: "unchanged"; contactId: number }
  | { code: "unknownCategory"; value: string }
  | { code: "badNameDay"; value: string }
  | { code: "unterminatedQuote" }
  | { code: "tooManyRows"; max: number }
  /** The row was about a person erased since (GDPR): nothing of it is kept. */
  | { code: "erased" };

export interface PlannedRow {
  line: number;
  action: RowAction;
  name: string;
  draft?: ContactDraft;
  contactId?: number;
  reason?: SkipReason;
  /** The fields an update changes. */
  changes?: string[];
  /** The name day was suggested from the first name (the office can correct it later). */
  suggestedNameDay?: boolean;
  /** The first name has several feasts: none chosen, the office picks one. */
  nameDayAmbiguous?: boolean;
}

export interface ImportPlan {
  fileName: string;
  encoding: string;
  separator: string;
  /** Columns that were not understood, so the office sees what was ignored. */
  ignoredColumns: string[];
  rows: PlannedRow[];
}

export type FileProblem = { code: "empty" } | { code: "noNameColumn" } | { code: "tooLarge"; maxBytes: number };

const foldHeader = (h: string) => foldGreek(h).replace(/[^\p{L}\p{N}]/gu, "");

export function planImport(
  bytes: Uint8Array,
  options: {
    fileName: string;
    categories: CategoryOption[];
    existing: { id: number; nameEl: string; organisation: string | null; email: string | null; draft: ContactDraft }[];
    nameDays: NameDayCalendar;
  },
): ImportPlan | FileProblem {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { code: "tooLarge", maxBytes: MAX_IMPORT_BYTES };
  const { text, encoding } = decodeSpreadsheet(bytes);
  if (!text.trim()) return { code: "empty" };
  const separator = detectSeparator(text);
  const { records, unterminatedAt } = parseCsv(text, separator);
  const [header, ...body] = records;
  if (!header) return { code: "empty" };
  const columns = header.cells.map((h) => HEADER_ALIASES[foldHeader(h)]);
  if (!columns.includes("nameEl") && !columns.includes("firstName") && !columns.includes("lastName"))
    return { code: "noNameColumn" };
  const ignoredColumns = header.cells.filter((h, i) => h.trim() && !columns[i]);

  const categoryByName = new Map<string, string>();
  for (const c of options.categories) {
    for (const label of [c.slug, c.nameEl, c.nameEn]) categoryByName.set(foldHeader(label), c.slug);
  }
  const byEmail = new Map(options.existing.filter((e) => e.email).map((e) => [e.email?.toLowerCase(), e]));
  const byName = new Map(options.existing.map((e) => [identity(e.nameEl, e.organisation), e]));
  const seen = new Map<string, number>();
  const knownCategories = new Set(options.categories.map((c) => c.slug));
  const rows: PlannedRow[] = [];

  for (const record of body) {
    if (rows.length >= MAX_IMPORT_ROWS) {
      rows.push({ line: record.line, action: "skip", name: "", reason: { code: "tooManyRows", max: MAX_IMPORT_ROWS } });
      break;
    }
    const raw: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      const value = uncsvCell((record.cells[i] ?? "").trim());
      if (column && value) raw[column] = raw[column] ? `${raw[column]} ${value}` : value;
    });
    const name = raw.nameEl ?? [raw.firstName, raw.lastName].filter(Boolean).join(" ");
    const skip = (reason: SkipReason) => rows.push({ line: record.line, action: "skip", name, reason });
    let categorySlug: string | undefined;
    if (raw.categorySlug) {
      categorySlug = categoryByName.get(foldHeader(raw.categorySlug));
      if (!categorySlug) {
        skip({ code: "unknownCategory", value: raw.categorySlug });
        continue;
      }
    }
    let nameDayKey: string | undefined;
    let suggestedNameDay = false;
    let nameDayAmbiguous = false;
    if (raw.nameDayKey) {
      nameDayKey = readNameDay(raw.nameDayKey);
      if (!nameDayKey) {
        skip({ code: "badNameDay", value: raw.nameDayKey });
        continue;
      }
    }
    const input: ContactInput = {
      nameEl: name,
      nameLatin: raw.nameLatin,
      title: raw.title,
      organisation: raw.organisation,
      categorySlug,
      country: raw.country,
      language: raw.language,
      email: raw.email,
      phone: raw.phone,
      address: raw.address,
      vip: raw.vip ? YES.has(foldGreek(raw.vip)) : undefined,
      nameDayKey,
      notes: raw.notes,
      consent: raw.consent,
      source: raw.source,
      optOutGreetings: raw.optOutGreetings ? YES.has(foldGreek(raw.optOutGreetings)) : undefined,
    };
    const result = validateContact(input, { knownCategories });
    if (!result.ok) {
      const [field, error] = Object.entries(result.errors)[0] as [string, ContactError];
      skip({ code: "invalid", field, error });
      continue;
    }
    const draft = result.draft;
    const key = draft.email ?? identity(draft.nameEl, draft.organisation);
    const earlierLine = seen.get(key);
    if (earlierLine !== undefined) {
      skip({ code: "repeats", line: earlierLine });
      continue;
    }
    seen.set(key, record.line);
    const match =
      (draft.email ? byEmail.get(draft.email) : undefined) ?? byName.get(identity(draft.nameEl, draft.organisation));
    if (match) {
      // An update fills in and corrects from the file; it never blanks what the file leaves empty.
      const merged: ContactDraft = { ...match.draft };
      const changes: string[] = [];
      for (const [field, value] of Object.entries(draft) as [keyof ContactDraft, unknown][]) {
        const given = field === "vip" || field === "optOutGreetings" ? input[field] !== undefined : value !== null;
        if (given && match.draft[field] !== value) {
          (merged as unknown as Record<string, unknown>)[field] = value;
          changes.push(field);
        }
      }
      if (changes.length === 0) {
        skip({ code: "unchanged", contactId: match.id });
        continue;
      }
      rows.push({ line: record.line, action: "update", name, draft: merged, contactId: match.id, changes });
      continue;
    }
    if (!draft.nameDayKey) {
      const feasts = suggestableFeasts(options.nameDays, raw.firstName ?? draft.nameEl);
      if (feasts.length === 1) {
        draft.nameDayKey = feasts[0]?.key ?? null;
        suggestedNameDay = true;
      } else if (feasts.length > 1) nameDayAmbiguous = true;
    }
    rows.push({ line: record.line, action: "create", name, draft, suggestedNameDay, nameDayAmbiguous });
  }
  if (unterminatedAt !== undefined)
    rows.push({ line: unterminatedAt, action: "skip", name: "", reason: { code: "unterminatedQuote" } });
  return { fileName: options.fileName, encoding, separator, ignoredColumns, rows };
}

function identity(nameEl: string, organisation: string | null): string {
  return `${foldGreek(nameEl)}|${foldGreek(organisation ?? "")}`;
}

export function isFileProblem(result: ImportPlan | FileProblem): result is FileProblem {
  return "code" in result;
}

/**
 * A stored plan without the person being erased: each row about them becomes an empty skipped row
 * (so that neither a confirmation nor a resumed import enters them again, and the rows keep their
 * places: a resumed import counts its progress in rows), and any other mention of them in the rest
 * (another row's notes, the file's name) is redacted. Undefined when the plan never mentioned them.
 */
export function planWithout(plan: ImportPlan, person: ErasedPerson, redactor: Redactor): ImportPlan | undefined {
  const ids = new Set(person.ids);
  const about = (row: PlannedRow) =>
    (row.contactId !== undefined && ids.has(row.contactId)) ||
    [row.name, row.draft?.nameEl, row.draft?.nameLatin, row.draft?.email, row.draft?.phone].some((v) =>
      redactor.mentions(v),
    );
  let erased = 0;
  const rows = plan.rows.map((row): PlannedRow => {
    if (!about(row)) return row;
    erased++;
    return { line: row.line, action: "skip", name: ERASED_MARK, reason: { code: "erased" } };
  });
  const without: ImportPlan = { ...plan, rows };
  const rest = redactJson(without, redactor) as ImportPlan;
  return erased === 0 && rest === without ? undefined : rest;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  skipped: number;
  /** Rows that could not be written when applied (the archive changed since the preview). */
  failed: { line: number; name: string }[];
}

export type ApplyOutcome =
  /** Applied to the end by this call; `resumedFrom` rows had been applied before it (0: a fresh start). */
  | { status: "done"; outcome: ImportOutcome; total: number; resumedFrom: number }
  /** Another run is applying it now (a second click, a Slack retry, another process). */
  | { status: "running"; done: number; total: number }
  /** Applied to the end before. */
  | { status: "finished"; outcome: ImportOutcome; total: number }
  | { status: "not_found" };

/** How long a run holds an import without saving its progress before another may resume it. */
export const IMPORT_LEASE_MS = 2 * 60_000;
/** Rows applied between two saves of the progress: at most these run again after a crash. */
export const IMPORT_SAVE_EVERY = 20;

function readProgress(value: unknown): ImportOutcome {
  const p = (value ?? {}) as Partial<ImportOutcome>;
  return {
    created: p.created ?? 0,
    updated: p.updated ?? 0,
    skipped: p.skipped ?? 0,
    failed: Array.isArray(p.failed) ? [...p.failed] : [],
  };
}

export function createContactImports(
  deps: {
    clock: Clock;
    contacts: ContactService;
    nameDays: NameDayCalendar;
  } & ({ store: ImportStore } | { prisma: PrismaClient }),
) {
  const { contacts } = deps;
  const store = "store" in deps ? deps.store : createImportStore(deps.prisma);

  async function existingContacts() {
    const all = await contacts.all();
    return all
      .filter((c) => c.archivedAt === null)
      .map((c) => ({
        id: c.id,
        nameEl: c.nameEl,
        organisation: c.organisation,
        email: c.email,
        draft: {
          nameEl: c.nameEl,
          nameLatin: c.nameLatin,
          title: c.title,
          organisation: c.organisation,
          categorySlug: c.categorySlug,
          country: c.country,
          language: c.language,
          email: c.email,
          phone: c.phone,
          address: c.address,
          vip: c.vip,
          nameDayKey: c.nameDayKey,
          notes: c.notes,
          consent: c.consent,
          source: c.source,
          optOutGreetings: c.optOutGreetings,
        },
      }));
  }

  /** Takes the import and applies its rows from where it stopped, saving as it goes. */
  async function run(
    importId: number,
    channel: string | undefined,
    onProgress?: (progress: { applied: number; total: number }) => void,
  ): Promise<ApplyOutcome> {
    const owner = randomUUID();
    const lease = () => new Date(deps.clock.now().getTime() + IMPORT_LEASE_MS);
    const claimed = await store.claimImport(importId, owner, deps.clock.now(), lease(), channel);
    const stored = await store.findImport(importId);
    if (!stored) return { status: "not_found" };
    const plan = stored.plan as unknown as ImportPlan;
    const total = plan.rows.length;
    const earlier = readProgress(stored.progress);
    if (!claimed) {
      return stored.finishedAt
        ? { status: "finished", outcome: earlier, total }
        : { status: "running", done: stored.appliedRows, total };
    }
    const resumedFrom = stored.appliedRows;
    const outcome = earlier;
    for (let i = resumedFrom; i < total; i++) {
      const row = plan.rows[i] as PlannedRow;
      try {
        if (row.action === "create" && row.draft) {
          await contacts.create({
            draft: row.draft,
            createdBy: stored.requestedBy,
            submissionKey: `import:${importId}:${row.line}`,
            nameDayConfirmed: false,
          });
          outcome.created++;
        } else if (row.action === "update" && row.draft && row.contactId !== undefined) {
          const changed = await contacts.update(row.contactId, row.draft, stored.requestedBy);
          if (changed === null) outcome.failed.push({ line: row.line, name: row.name });
          else outcome.updated++;
        } else outcome.skipped++;
      } catch {
        outcome.failed.push({ line: row.line, name: row.name });
      }
      const applied = i + 1;
      if (applied % IMPORT_SAVE_EVERY === 0 && applied < total) {
        // Lost the lease (this run stalled past it and another took over): that run goes on.
        if (
          !(await store.saveProgress(importId, owner, { appliedRows: applied, progress: outcome, leaseUntil: lease() }))
        )
          return { status: "running", done: applied, total };
        onProgress?.({ applied, total });
        // On PGlite every query resolves without leaving the event loop's microtasks, so a long
        // import would hold back every acknowledgement and log line until its end: let them through.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await store.saveProgress(importId, owner, {
      appliedRows: total,
      progress: outcome,
      leaseUntil: lease(),
      finishedAt: deps.clock.now(),
    });
    return { status: "done", outcome, total, resumedFrom };
  }

  return {
    /**
     * The erasure's step for the imports (a PersonalDataHolder): every stored plan without the
     * person. Applied imports are kept as the record of what was imported, so they are rewritten
     * like the rest.
     */
    async eraseContact(person: ErasedPerson): Promise<ErasedRows[]> {
      const redactor = personRedactor(person);
      let rows = 0;
      for (let after = 0; ; ) {
        const page = await store.findImportsAfter(after, 50);
        for (const stored of page) {
          const plan = planWithout(stored.plan as ImportPlan, person, redactor);
          const fileName = redactor.redact(stored.fileName);
          if (!plan && fileName === stored.fileName) continue;
          await store.replacePlan(stored.id, { fileName, plan: plan ?? stored.plan });
          rows++;
        }
        if (page.length < 50) break;
        after = page[page.length - 1]?.id ?? after;
      }
      return [{ table: "contact_imports", rows }];
    },

    /** Reads a file into a stored plan; nothing is written to the archive yet. */
    async prepare(bytes: Uint8Array, fileName: string, requestedBy: string) {
      const plan = planImport(bytes, {
        fileName,
        categories: await contacts.listCategories(),
        existing: await existingContacts(),
        nameDays: deps.nameDays,
      });
      if (isFileProblem(plan)) return { problem: plan };
      const id = await store.savePlan({ requestedBy, fileName, plan, at: deps.clock.now() });
      return { id, plan };
    },

    /**
     * Applies a confirmed plan, or resumes it where it stopped: the import is taken under a lease
     * first, so a second click, a Slack retry or a second process applies nothing twice while it
     * runs; each row is its own transaction; how far it got is saved every few rows, so a crash or a
     * restart loses nothing (the rows after the last save run again, and a row applied twice
     * changes nothing: a created row is keyed by the import and its line, an update sets the same
     * values). Tells what became of it: done now (and from which row), still running elsewhere, or
     * finished before.
     */
    async apply(
      importId: number,
      by: string,
      options: { channel?: string; onProgress?: (progress: { applied: number; total: number }) => void } = {},
    ): Promise<ApplyOutcome> {
      const stored = await store.findImport(importId);
      if (!stored || stored.requestedBy !== by) return { status: "not_found" };
      return run(importId, options.channel, options.onProgress);
    },

    /**
     * The imports a crash or a restart stopped (confirmed, unfinished, nobody's lease running),
     * each resumed and finished: for the job that resumes them and tells their requesters.
     */
    async resumeInterrupted(): Promise<
      { importId: number; requestedBy: string; channel: string | null; result: ApplyOutcome }[]
    > {
      const resumed = [];
      for (const { id, requestedBy } of await store.findInterrupted(deps.clock.now())) {
        const result = await run(id, undefined);
        const stored = await store.findImport(id);
        resumed.push({ importId: id, requestedBy, channel: stored?.channel ?? null, result });
      }
      return resumed;
    },
  };
}

export type ContactImports = ReturnType<typeof createContactImports>;

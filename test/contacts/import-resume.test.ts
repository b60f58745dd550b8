// A confirmed contact import that a crash stops halfway resumes where it was, when it is confirmed
// again or when the resume job finds it after a restart, and the requester is told how far it had
// got. The crash: the process stops answering in the middle of a row (what a SIGKILL leaves in the
// database is the rows written and the progress saved until then, since each is its own statement).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactImports, IMPORT_LEASE_MS, IMPORT_SAVE_EVERY } from "../../src/areas/contacts/contact-import.js";
import type { ContactService } from "../../src/areas/contacts/contact-service.js";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { ManualClock } from "../../src/lib/clock.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const ROWS = 100;
/** The row the process dies in: rows before it are written, the progress saved at the last save. */
const DIES_AT = 47;
const nameDays = NameDayCalendar.load();

const csv = (prefix: string) =>
  [
    "Ονοματεπώνυμο;Email",
    ...Array.from({ length: ROWS }, (_, i) => `${prefix} Επαφή ${i + 1};${prefix}${i + 1}@example.gr`),
  ].join("\r\n");

/** The contact archive as a process that dies in its `n`th creation: that call never returns;
 *  `died` settles when it is made. */
function dyingAt(contacts: ContactService, n: number): { contacts: ContactService; died: Promise<void> } {
  let calls = 0;
  let die: () => void = () => {};
  const died = new Promise<void>((r) => {
    die = r;
  });
  return {
    contacts: {
      ...contacts,
      create: (options) => {
        if (++calls < n) return contacts.create(options);
        die();
        return new Promise<never>(() => {});
      },
    },
    died,
  };
}

const importedCount = (prisma: PrismaClient, prefix: string) =>
  prisma.contact.count({ where: { nameEl: { startsWith: `${prefix} Επαφή ` } } });

/** Prepares the import and confirms it in a process that dies on row DIES_AT; returns the import's id. */
async function crashedImport(h: JobHarness, prefix: string): Promise<number> {
  const imports = h.services.contactImports;
  const prepared = await imports.prepare(new TextEncoder().encode(csv(prefix)), `${prefix}.csv`, STAFF);
  if (prepared.id === undefined) throw new Error("no plan");
  const { contacts, died } = dyingAt(h.services.contacts, DIES_AT);
  const dying = createContactImports({ prisma: h.database.db.prisma, clock: h.clock, contacts, nameDays });
  const applying = dying.apply(prepared.id, STAFF, { channel: "C0PRESS01" });
  // The process is gone once its row DIES_AT hangs: rows 1..DIES_AT-1 written.
  await Promise.race([died, applying.then((r) => Promise.reject(new Error(`finished: ${JSON.stringify(r)}`)))]);
  expect(await importedCount(h.database.db.prisma, prefix)).toBe(DIES_AT - 1);
  return prepared.id;
}

/** The requester's DMs (the fake's IM channel with them). */
const dms = () => (h.fake.messages.get(`D${STAFF.slice(1)}`) ?? []).map((m) => String(m.text));

const saved = Math.floor((DIES_AT - 1) / IMPORT_SAVE_EVERY) * IMPORT_SAVE_EVERY;

let h: JobHarness;

describe("a contact import stopped by a crash", () => {
  let clock: ManualClock;
  beforeAll(async () => {
    h = await createJobHarness({ now: new Date("2026-11-23T08:00:00Z") });
    clock = h.clock;
    await h.services.roles.grantRole({ slackUserId: STAFF, role: "staff", grantedBy: "t" });
    await h.services.roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: "t" });
  });
  afterAll(() => h?.dispose());

  it("is under way while its run's lease lasts; confirmed again after it, resumes where it was and says so", async () => {
    const id = await crashedImport(h, "Α");
    const imports = h.services.contactImports;
    // Confirmed again at once: the dead run's lease still holds it, and the requester is told how far it is.
    expect(await imports.apply(id, STAFF)).toEqual({ status: "running", done: saved, total: ROWS });

    clock.advance(IMPORT_LEASE_MS + 1000);
    const resumed = await imports.apply(id, STAFF);
    expect(resumed).toEqual({
      status: "done",
      resumedFrom: saved,
      total: ROWS,
      outcome: { created: ROWS, updated: 0, skipped: 0, failed: [] },
    });
    // Every row once: the rows run again after the last save were not entered twice.
    expect(await importedCount(h.database.db.prisma, "Α")).toBe(ROWS);
    expect(await imports.apply(id, STAFF)).toMatchObject({ status: "finished", outcome: { created: ROWS } });
  });

  it("is resumed after a restart by the resume job, which tells the requester how far it had got, once", async () => {
    const p = h.process("A", h.jobs("contact-import-resume"));
    await p.scheduler.tick();
    // The crash 30 s before an occurrence of the job (at 10:10 in Athens).
    clock.set(new Date("2026-11-23T08:09:30Z"));
    const id = await crashedImport(h, "Β");
    // That occurrence is within the dead run's lease: nothing is resumed (the run might be alive
    // in another process).
    clock.set(new Date("2026-11-23T08:10:05Z"));
    await p.scheduler.tick();
    expect(
      await h.database.db.prisma.jobRun.count({ where: { jobName: "contact-import-resume", status: "succeeded" } }),
    ).toBe(1);
    expect(await importedCount(h.database.db.prisma, "Β")).toBe(DIES_AT - 1);

    clock.advance(IMPORT_LEASE_MS + 10 * 60_000);
    await p.scheduler.tick();
    expect(await importedCount(h.database.db.prisma, "Β")).toBe(ROWS);
    const told = dms();
    expect(told).toHaveLength(1);
    const text = String(told[0]);
    expect(text).toContain(`#${id}`);
    expect(text).toContain(`στη γραμμή ${saved} από ${ROWS}`);
    expect(text).toContain(`${ROWS} νέες`);

    // The next occurrence finds nothing more to resume, and tells nobody again.
    clock.advance(10 * 60_000);
    await p.scheduler.tick();
    expect(dms()).toHaveLength(1);
    expect(await h.services.contactImports.apply(id, STAFF)).toMatchObject({ status: "finished" });
  });

  it("resumes without entering again a person erased meanwhile, and without losing the others", async () => {
    const prisma = h.database.db.prisma;
    const id = await crashedImport(h, "Γ");
    // Row 10, applied before the last save (the rows after it must keep their places), and row 45,
    // written before the crash but after the last save (the resumed run goes over it again).
    for (const n of [10, 45]) {
      const erased = await prisma.contact.findFirstOrThrow({ where: { nameEl: `Γ Επαφή ${n}` } });
      expect(await h.services.contacts.eraseFor(erased.id, MANAGER)).toMatchObject({ status: "erased" });
    }
    clock.advance(IMPORT_LEASE_MS + 1000);
    expect(await h.services.contactImports.apply(id, STAFF)).toMatchObject({
      status: "done",
      resumedFrom: saved,
      // Row 10 counted when it was created, row 45 skipped now.
      outcome: { created: ROWS - 1, skipped: 1 },
    });
    const names = (await prisma.contact.findMany({ where: { nameEl: { startsWith: "Γ Επαφή " } } })).map(
      (c) => c.nameEl,
    );
    expect(names).toHaveLength(ROWS - 2);
    expect(names).not.toContain("Γ Επαφή 10");
    expect(names).not.toContain("Γ Επαφή 45");
  });
});

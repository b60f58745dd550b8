// A GDPR erasure on the real engine, through the use cases as the composition root builds them: a
// person who touches every area (a merged duplicate, an import waiting for confirmation, a letter,
// a sponsorship, an event's guest, invitation and gift, greetings, a translation request, another
// contact's notes) is erased by a manager, and then no column of any table holds their name, email
// or phone; what stays is anonymised, the space is reclaimed, and a second erasure does nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, type Services } from "../../src/app/areas.js";
import { createContactsServices, type PersonalDataHolder } from "../../src/areas/contacts/index.js";
import { validateLetter } from "../../src/areas/correspondence/letter-validation.js";
import { validateEvent } from "../../src/areas/events/event-validation.js";
import { validateSponsorship } from "../../src/areas/sponsors/sponsorship-validation.js";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { noAudit } from "../../src/lib/audit.js";
import { ManualClock } from "../../src/lib/clock.js";
import { ERASED_MARK } from "../../src/lib/personal-data.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { contactDraft } from "../support/factories.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const TZ = "Europe/Athens";
const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));

/** What must be found nowhere after the erasure: the person's and their duplicate's data. */
const PERSON = {
  nameEl: "Θεοδώρα Καλλιγά",
  nameLatin: "Theodora Kalliga",
  email: "theodora.kalliga@example.gr",
  phone: "+30 697 123 4567",
};
const DUPLICATE = { nameEl: "Δώρα Καλλιγά", email: "dora.kalliga@example.org", phone: "210 765 4321" };
const TEXTS = [PERSON.nameEl, PERSON.nameLatin, PERSON.email, DUPLICATE.nameEl, DUPLICATE.email, "Καλλιγά Θεοδώρα"];
const PHONES = ["6971234567", "2107654321"];
/** Someone else, in the same rows: they must stay. */
const OTHER = "Σπυρίδων Ξενάκης";

/**
 * Every column of every table of the schema (information_schema), as text, searched for each
 * string, and for each phone's digits with every separator taken out: where they were found. One
 * statement for all the columns (one round trip each cost more than the search itself).
 */
async function findEverywhere(prisma: PrismaClient): Promise<string[]> {
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1, 2`;
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const searches = columns.flatMap(({ table_name: table, column_name: column }, i) => {
    const place = `${i} AS col, ${literal(`${table}.${column}`)} AS place`;
    return [
      `SELECT ${place}, 0 AS kind, u.n, u.s FROM unnest($1::text[]) WITH ORDINALITY AS u(s, n) WHERE EXISTS (
         SELECT 1 FROM "${table}" WHERE position(u.s IN "${column}"::text) > 0)`,
      `SELECT ${place}, 1 AS kind, u.n, u.s FROM unnest($2::text[]) WITH ORDINALITY AS u(s, n) WHERE EXISTS (
         SELECT 1 FROM "${table}" WHERE position(u.s IN regexp_replace("${column}"::text, '[^0-9]', '', 'g')) > 0)`,
    ];
  });
  const rows = await prisma.$queryRawUnsafe<{ place: string; s: string }[]>(
    `SELECT place, s FROM (${searches.join("\n UNION ALL ")}) found ORDER BY col, kind, n`,
    TEXTS,
    PHONES,
  );
  return rows.map((r) => `${r.place}: ${r.s}`);
}

/**
 * Embedded only: the files of the data directory that hold any of the strings, the write-ahead log
 * left out (it keeps every change until its segments are recycled: README).
 */
async function filesOnDiskWith(dump: Blob, strings: string[]): Promise<string[]> {
  const tar = Buffer.from(await dump.arrayBuffer());
  const found: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const field = (from: number, to: number) =>
      tar
        .subarray(at + from, at + to)
        .toString("latin1")
        .replace(/\0.*$/s, "");
    const name = field(0, 100);
    if (!name) break;
    const size = Number.parseInt(field(124, 136).trim() || "0", 8);
    const body = tar.subarray(at + 512, at + 512 + size);
    if (!name.includes("pg_wal/") && strings.some((s) => body.includes(Buffer.from(s, "utf8")))) found.push(name);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return found;
}

/** Each table's file: a rewrite (VACUUM FULL) gives it a new one. */
async function relationFiles(prisma: PrismaClient, tables: string[]): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<{ relname: string; relfilenode: number }[]>`
    SELECT relname, relfilenode::int AS relfilenode FROM pg_class
    WHERE relnamespace = 'public'::regnamespace AND relname = ANY(${tables}::text[])`;
  return new Map(rows.map((r) => [r.relname, r.relfilenode]));
}

describe("a GDPR erasure", () => {
  let t: TestDatabase;
  let s: Services;
  let prisma: PrismaClient;

  beforeAll(async () => {
    t = await createTestDatabase();
    prisma = t.db.prisma;
    s = createServices({
      prisma,
      reader: t.db.reader,
      clock,
      timeZone: TZ,
      defaultLocale: "el",
      lookupSlackLocale: async () => "el-GR",
      audit: noAudit,
    });
    for (const u of [STAFF, MANAGER]) await s.roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    await s.roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: "t" });
  });
  afterAll(() => t?.dispose());

  /** The person in every area; returns the contact's id. */
  async function personInEveryArea(suffix: string): Promise<{ id: number; duplicateId: number; eventId: number }> {
    const main = await s.contacts.create({
      draft: contactDraft({
        nameEl: PERSON.nameEl,
        nameLatin: PERSON.nameLatin,
        email: PERSON.email,
        phone: PERSON.phone,
        title: "Πρόξενος",
        notes: "Γνωριμία από το Φεστιβάλ",
      }),
      createdBy: STAFF,
    });
    const dup = await s.contacts.create({
      draft: contactDraft({ nameEl: DUPLICATE.nameEl, email: DUPLICATE.email, phone: DUPLICATE.phone }),
      createdBy: STAFF,
    });
    const id = main.contact.id;
    const duplicateId = dup.contact.id;
    // The duplicate's greeting moves over with the merge; the person's own stays theirs.
    await s.greetings.record({
      contactId: duplicateId,
      kind: "name_day",
      occasion: `2026-${suffix}`,
      outcome: "sent",
      by: STAFF,
    });
    expect(await s.contacts.merge(duplicateId, id, STAFF)).toBe("merged");
    await s.greetings.record({ contactId: id, kind: "card", occasion: `1:2026-${suffix}`, outcome: "sent", by: STAFF });
    await s.greetings.requestThankYou({ contactId: id, occasion: `x:${suffix}`, reason: "Χορηγία: Φεστιβάλ" });
    // Someone else whose notes name her.
    await s.contacts.create({
      draft: contactDraft({ nameEl: `${OTHER} ${suffix}`, notes: `Συνεργάτιδα: ${PERSON.nameEl}, ${DUPLICATE.phone}` }),
      createdBy: STAFF,
    });

    // An import waiting for its confirmation: a row about her (updating her, by email), one about someone else.
    const csv = [
      "Ονοματεπώνυμο;Email;Τηλέφωνο;Σημειώσεις",
      `${PERSON.nameEl};${PERSON.email};${PERSON.phone};Καλλιγά Θεοδώρα, πρόξενος`,
      `${OTHER} ${suffix}β;xenakis${suffix}@example.gr;;Γνωστός της ${PERSON.email}`,
    ].join("\r\n");
    const prepared = await s.contactImports.prepare(new TextEncoder().encode(csv), `kalliga-${suffix}.csv`, STAFF);
    expect("id" in prepared).toBe(true);

    const letter = validateLetter(
      {
        direction: "incoming",
        kind: "invitation",
        letterDate: "2026-11-20",
        counterpart: PERSON.nameEl,
        subject: `Πρόσκληση της ${PERSON.nameLatin} στη Λυών`,
        dueOn: "2026-12-20",
        briefing: `Απάντηση στο ${PERSON.email} ή στο 697 123 4567.`,
      },
      { today: "2026-11-23" },
    );
    if (!letter.ok) throw new Error(JSON.stringify(letter.errors));
    const registered = await s.letters.create({ draft: letter.draft, createdBy: STAFF, submissionKey: `l-${suffix}` });
    expect(registered.status).toBe("created");

    const sponsorship = validateSponsorship({
      organisation: `Οινοποιία Σάμου ${suffix}`,
      contactPerson: PERSON.nameEl,
      contributionType: "money",
      pledgedAmount: "1.500",
      eventName: "Φεστιβάλ Κρασιού",
      notes: `Κινητό 6971234567, ${PERSON.email}`,
    });
    if (!sponsorship.ok) throw new Error(JSON.stringify(sponsorship.errors));
    expect(
      (await s.sponsorships.create({ actor: STAFF, draft: sponsorship.draft, submissionKey: `s-${suffix}` })).status,
    ).toBe("created");

    const draft = validateEvent(
      { title: "Δεξίωση", typeSlug: "ceremony", startDate: "2026-12-10", startTime: "19:00", endTime: "21:00" },
      { now: clock.now(), timeZone: TZ, knownTypes: new Set(["ceremony"]) },
    );
    if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
    const event = await s.events.create({ draft: draft.draft, createdBy: STAFF, submissionKey: `e-${suffix}` });
    if (event.status === "refused") throw new Error("refused");
    const eventId = event.event.id;
    await s.events.addGuest({
      eventId,
      name: PERSON.nameEl,
      office: "Πρόξενος",
      contactId: id,
      addedBy: STAFF,
      submissionKey: `g-${suffix}`,
    });
    await s.events.addGuest({
      eventId,
      name: OTHER,
      office: "Δήμαρχος",
      addedBy: STAFF,
      submissionKey: `g2-${suffix}`,
    });
    await s.events.invite(eventId, [DUPLICATE.nameEl, OTHER], STAFF);
    await s.events.addGift({
      eventId,
      what: "Βιβλίο",
      forWhom: PERSON.nameEl,
      costCents: 2500n,
      addedBy: STAFF,
      submissionKey: `gift-${suffix}`,
    });

    const translation = await s.translations.create({
      draft: {
        title: `Επιστολή προς ${PERSON.nameLatin}`,
        documentUrl: "https://example.org/letter",
        sourceLang: "el",
        targetLang: "fr",
        dueOn: "2026-12-01",
        urgency: "normal",
        reason: null,
        notes: `Στείλτε στο ${PERSON.email}`,
      },
      requestedBy: STAFF,
      submissionKey: `t-${suffix}`,
    });
    expect(translation.status).toBe("created");
    return { id, duplicateId, eventId };
  }

  it("reaches every area, leaves nothing of the person in any table, and reclaims the space", async () => {
    const { id, duplicateId, eventId } = await personInEveryArea("a");
    expect((await findEverywhere(prisma)).length).toBeGreaterThan(10);

    // A non-manager is refused, and nothing changes.
    const auditBefore = await prisma.contactAudit.count();
    expect(await s.contacts.eraseFor(id, STAFF)).toEqual({ status: "refused", reason: "not_manager" });
    expect(await s.contacts.get(id)).not.toBeNull();
    expect(await prisma.contactAudit.count()).toBe(auditBefore);

    const tables = [
      "contacts",
      "contact_imports",
      "letters",
      "sponsorships",
      "event_guests",
      "event_invitations",
      "event_gifts",
      "greetings",
      "translation_requests",
    ];
    const filesBefore = await relationFiles(prisma, tables);
    const outcome = await s.contacts.eraseFor(id, MANAGER);
    if (outcome.status !== "erased") throw new Error(outcome.status);
    expect(outcome.reclaimed).toBe(true);
    expect(Object.fromEntries(outcome.touched.map((r) => [r.table, r.rows]))).toEqual({
      contacts: 3, // the person, the duplicate, and the other contact's notes
      contact_imports: 1,
      letters: 1,
      sponsorships: 1,
      event_guests: 1,
      event_invitations: 1,
      event_gifts: 1,
      greetings: 3,
      translation_requests: 1,
    });

    expect(await findEverywhere(prisma)).toEqual([]);

    // Every table it touched was written anew: the old files with the dead rows are gone.
    const filesAfter = await relationFiles(prisma, tables);
    for (const table of tables) expect(filesAfter.get(table), table).not.toBe(filesBefore.get(table));
    // On PGlite, where the files can be read: no table's or index's file holds the person any more.
    if (t.db.dumpDataDir) {
      await prisma.$executeRawUnsafe("CHECKPOINT");
      expect(await filesOnDiskWith(await t.db.dumpDataDir(), TEXTS)).toEqual([]);
    }

    // The duplicate is gone too, not un-merged: not found, not exported.
    expect(await s.contacts.get(duplicateId)).toBeNull();
    expect((await s.contacts.search("Καλλιγά", { includeArchived: true })).contacts).toEqual([]);
    expect((await s.contacts.all()).map((c) => c.nameEl)).not.toContain(DUPLICATE.nameEl);

    // What stays, stays anonymised.
    const [letter] = await prisma.letter.findMany();
    expect(letter).toMatchObject({ registerSeq: 1, counterpart: ERASED_MARK, contactId: null });
    expect(letter?.briefing).toBe(`Απάντηση στο ${ERASED_MARK} ή στο ${ERASED_MARK}.`);
    const [sponsorship] = await prisma.sponsorship.findMany();
    expect(sponsorship).toMatchObject({ organisation: "Οινοποιία Σάμου a", contactPerson: null });
    expect(sponsorship?.notes).toBe(`Κινητό ${ERASED_MARK}, ${ERASED_MARK}`);
    expect((await s.events.giftsOf(eventId)).map((g) => [g.what, g.forWhom])).toEqual([["Βιβλίο", ERASED_MARK]]);
    expect((await s.events.orderedGuests(eventId)).map((g) => g.name)).toEqual([OTHER]);
    expect((await s.events.invitations(eventId)).map((i) => i.name)).toEqual([OTHER]);
    const [stored] = await prisma.contactImport.findMany();
    const plan = stored?.plan as { rows: { name: string }[] };
    expect(plan.rows.map((r) => r.name)).toEqual([ERASED_MARK, `${OTHER} aβ`]);
    expect(stored?.fileName).toBe(`kalliga-a.csv`);
    expect(await prisma.greeting.count()).toBe(0);

    // The audit line: who, when, the tables and their counts; nothing of the person.
    const audit = await s.contacts.auditOf(id);
    expect(audit.at(-1)).toMatchObject({ action: "erased", actor: MANAGER, at: clock.now() });
    expect(audit.at(-1)?.detail).toContain("letters 1");
    expect((await s.contacts.auditOf(duplicateId)).at(-1)).toMatchObject({ action: "erased", detail: `with ${id}` });

    // A second erasure is a no-op.
    const lines = await prisma.contactAudit.count();
    expect(await s.contacts.eraseFor(id, MANAGER)).toEqual({ status: "not_found" });
    expect(await prisma.contactAudit.count()).toBe(lines);
  });

  it("finishes an erasure that stopped halfway when it is asked again", async () => {
    // The person again (the first test left nothing of them).
    const { id } = await personInEveryArea("b");
    let crash = true;
    const crashing: PersonalDataHolder = {
      async eraseContact() {
        if (crash) throw new Error("the process died here");
        return [];
      },
    };
    // The contacts area as the composition root builds it, with a step that dies after the letters'.
    const { contacts } = createContactsServices({
      prisma,
      clock,
      roles: s.roles,
      nameDays: NameDayCalendar.load(),
      audit: noAudit,
      personalData: [s.letters, crashing, s.sponsorships, s.events, s.greetings, s.translations],
    });
    await expect(contacts.eraseFor(id, MANAGER)).rejects.toThrow("the process died here");
    // Halfway: the letter is anonymised, the contact (the last step) is still there.
    expect((await prisma.letter.findUnique({ where: { submissionKey: "l-b" } }))?.counterpart).toBe(ERASED_MARK);
    expect(await contacts.get(id)).not.toBeNull();

    crash = false;
    const outcome = await contacts.eraseFor(id, MANAGER);
    if (outcome.status !== "erased") throw new Error(outcome.status);
    // The letter was done the first time; the rest now.
    expect(outcome.touched.map((r) => r.table)).not.toContain("letters");
    expect(outcome.touched.map((r) => r.table)).toContain("sponsorships");
    expect(await findEverywhere(prisma)).toEqual([]);
  });
});

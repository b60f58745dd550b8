import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactImports, planImport } from "../../src/areas/contacts/contact-import.js";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { type ContactInput, validateContact } from "../../src/areas/contacts/contact-validation.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const nameDays = NameDayCalendar.load();
const known = new Set(["politicians", "embassies", "journalists"]);

function draftOf(input: ContactInput) {
  const r = validateContact(input, { knownCategories: known });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.draft;
}

// Windows-1253 as Node's own decoder reads it, turned around: text to bytes.
const WINDOWS_1253 = new Map<string, number>();
for (let byte = 0; byte < 256; byte++) {
  const ch = new TextDecoder("windows-1253").decode(Uint8Array.of(byte));
  if (ch !== "\uFFFD") WINDOWS_1253.set(ch, byte);
}
function windows1253(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const byte = WINDOWS_1253.get(ch);
      if (byte === undefined) throw new Error(`no Windows-1253 byte for ${ch}`);
      return byte;
    }),
  );
}

describe("contact validation", () => {
  it("needs a name and refuses a bad email, phone, category or name day, field by field", () => {
    const r = validateContact(
      { nameEl: "  ", email: "not-an-email", phone: "call me", categorySlug: "aliens", nameDayKey: "fixed:02-30" },
      { knownCategories: known },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(["categorySlug", "email", "nameDayKey", "nameEl", "phone"]);
  });

  it("tidies what it keeps: one-line names, lower-case email", () => {
    const d = draftOf({ nameEl: " Γιώργος   Παπαδόπουλος ", email: "G.Pap@Example.GR", phone: "+30 210 123 4567" });
    expect(d.nameEl).toBe("Γιώργος Παπαδόπουλος");
    expect(d.email).toBe("g.pap@example.gr");
  });
});

describe("the contact categories as the office reads them", () => {
  it("come in Greek order, accents and capitals folded: «Αδελφοποιημένες πόλεις» before «Ένοπλες δυνάμεις»", async () => {
    const t = await createTestDatabase();
    try {
      const names = (
        await createContactStore({ prisma: t.db.prisma, clock: new ManualClock(new Date()) }).findActiveCategories()
      ).map((c) => c.nameEl);
      expect(names.indexOf("Αδελφοποιημένες πόλεις")).toBeLessThan(names.indexOf("Ένοπλες δυνάμεις"));
      expect(names.indexOf("Αδελφοποιημένες πόλεις")).toBeGreaterThanOrEqual(0);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "el", { sensitivity: "base" })));
    } finally {
      await t.dispose();
    }
  });
});

describe("the contact archive", () => {
  let t: TestDatabase;
  let contacts: ReturnType<typeof createContactService>;
  const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));
  beforeAll(async () => {
    t = await createTestDatabase();
    contacts = createContactService({
      store: createContactStore({ prisma: t.db.prisma, clock }),
      roles: createRoleService({ prisma: t.db.prisma }),
    });
  });
  afterAll(() => t?.dispose());

  it("stores a form once however often it is submitted", async () => {
    const draft = draftOf({ nameEl: "Ελένη Ιωάννου", organisation: "Σύλλογος Γονέων" });
    const [a, b] = await Promise.all([
      contacts.create({ draft, createdBy: "U1", submissionKey: "view-1" }),
      contacts.create({ draft, createdBy: "U1", submissionKey: "view-1" }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["already_stored", "created"]);
    expect(a.contact.id).toBe(b.contact.id);
  });

  it("finds contacts whatever the accents, capitals or script", async () => {
    await contacts.create({
      draft: draftOf({ nameEl: "Γεώργιος Παπαδόπουλος", nameLatin: "Georgios Papadopoulos", title: "Βουλευτής" }),
      createdBy: "U1",
    });
    await contacts.create({
      draft: draftOf({ nameEl: "Embassy of France", organisation: "Ambassade de France", categorySlug: "embassies" }),
      createdBy: "U1",
    });
    // Articles and prepositions are left out, as in the register's search: «για τον Παπαδόπουλο» is «Παπαδόπουλο».
    for (const q of [
      "παπαδοπουλος",
      "ΠΑΠΑΔΌΠΟΥΛΟΣ",
      "papadopoulos",
      "Γεωργιος βουλευτης",
      "papadopulos",
      "για τον Παπαδόπουλο",
      "gia ton vouleftí",
    ]) {
      const { contacts: found } = await contacts.search(q);
      expect(
        found.map((c) => c.nameEl),
        q,
      ).toContain("Γεώργιος Παπαδόπουλος");
    }
    expect((await contacts.search("ambassade")).contacts.map((c) => c.nameEl)).toEqual(["Embassy of France"]);
    expect((await contacts.search("ξξξξξξ")).contacts).toEqual([]);
    expect((await contacts.search("!!!")).contacts).toEqual([]);
  });

  it("merges a duplicate: fills the gaps, keeps an opt-out, archives the duplicate pointing to the one kept", async () => {
    const keep = await contacts.create({ draft: draftOf({ nameEl: "Νίκος Αλεξίου" }), createdBy: "U1" });
    const dup = await contacts.create({
      draft: draftOf({ nameEl: "Νικόλαος Αλεξίου", email: "n.alexiou@example.gr", optOutGreetings: true }),
      createdBy: "U1",
    });
    expect(await contacts.merge(dup.contact.id, keep.contact.id, "U2")).toBe("merged");
    const kept = await contacts.get(keep.contact.id);
    expect(kept?.email).toBe("n.alexiou@example.gr");
    expect(kept?.optOutGreetings).toBe(true);
    const gone = await contacts.get(dup.contact.id);
    expect(gone?.mergedIntoId).toBe(keep.contact.id);
    expect(gone?.archivedAt).not.toBeNull();
    expect((await contacts.search("Αλεξίου")).contacts.map((c) => c.id)).toEqual([keep.contact.id]);
    expect(await contacts.merge(dup.contact.id, keep.contact.id, "U2")).toBe("not_found");
  });

  it("erases a person on request, leaving an audit line with no personal data", async () => {
    const c = await contacts.create({
      draft: draftOf({ nameEl: "Μαρία Κωνσταντίνου", email: "maria.k@example.gr", phone: "6971234567" }),
      createdBy: "U1",
    });
    const record = await contacts.personalData(c.contact.id, "U9");
    expect(record?.contact.email).toBe("maria.k@example.gr");
    expect(await contacts.erase(c.contact.id, "U9")).toMatchObject({ status: "erased" });
    expect(await contacts.get(c.contact.id)).toBeNull();
    const audit = await contacts.auditOf(c.contact.id);
    expect(audit.map((a) => a.action)).toEqual(["created", "exported", "erased"]);
    expect(audit.at(-1)?.detail).toBe("contacts 1");
    const text = JSON.stringify(audit);
    for (const personal of ["Μαρία", "Κωνσταντίνου", "maria.k", "6971234567"]) expect(text).not.toContain(personal);
    expect(await contacts.erase(c.contact.id, "U9")).toEqual({ status: "not_found" });
  });

  describe("import", () => {
    const categories = [
      { slug: "politicians", nameEl: "Πολιτικά πρόσωπα", nameEn: "Politicians" },
      { slug: "journalists", nameEl: "Δημοσιογράφοι", nameEn: "Journalists" },
    ];

    it("reads a Windows-1253 file with ';' and suggests name days from the first name", () => {
      const csv = "Επώνυμο;Όνομα;Κατηγορία;Email;VIP\r\nΠαπαδάκης;Γιώργος;Δημοσιογράφοι;gp@example.gr;ναι\r\n";
      const plan = planImport(windows1253(csv), { fileName: "a.csv", categories, existing: [], nameDays });
      if ("code" in plan) throw new Error(plan.code);
      expect(plan.encoding).toBe("windows-1253");
      expect(plan.separator).toBe(";");
      expect(plan.rows).toHaveLength(1);
      const row = plan.rows[0];
      expect(row?.action).toBe("create");
      expect(row?.draft).toMatchObject({
        nameEl: "Γιώργος Παπαδάκης",
        categorySlug: "journalists",
        vip: true,
        nameDayKey: "later:04-23/easter+1",
      });
      expect(row?.suggestedNameDay).toBe(true);
    });

    it("reports each bad row of a malformed file with its reason and keeps the good ones", () => {
      const csv = [
        "Ονοματεπώνυμο,Email,Κατηγορία,Εορτή,Φορέας",
        "Άννα Λάμπρου,anna@example.gr,,,",
        ",nobody@example.gr,,,",
        "Κώστας Δήμου,not-an-email,,,",
        "Σοφία Ρήγα,,Εξωγήινοι,,",
        "Πέτρος Νικολάου,,,31/02,",
        "Άννα Λάμπρου,anna@example.gr,,,",
        'Ιωάννα Σταύρου,,,,"Σύλλογος, ""Η Πρόοδος"""',
        'Δημήτρης Ανοιχτός,,,,"never closed',
        "Χαμένη Γραμμή,,,,",
      ].join("\n");
      const plan = planImport(Buffer.from(csv, "utf8"), { fileName: "b.csv", categories, existing: [], nameDays });
      if ("code" in plan) throw new Error(plan.code);
      expect(plan.separator).toBe(",");
      const summary = plan.rows.map((r) => [r.line, r.action, r.reason?.code ?? ""]);
      expect(summary).toEqual([
        [2, "create", ""],
        [3, "skip", "invalid"],
        [4, "skip", "invalid"],
        [5, "skip", "unknownCategory"],
        [6, "skip", "badNameDay"],
        [7, "skip", "repeats"],
        [8, "create", ""],
        [9, "skip", "unterminatedQuote"],
      ]);
      expect(plan.rows[6]?.draft?.organisation).toBe('Σύλλογος, "Η Πρόοδος"');
    });

    it("refuses a file with no name column or nothing in it, without an error", () => {
      const noName = planImport(Buffer.from("Email;Τηλέφωνο\na@b.gr;210\n"), {
        fileName: "c.csv",
        categories,
        existing: [],
        nameDays,
      });
      expect(noName).toEqual({ code: "noNameColumn" });
      expect(planImport(new Uint8Array(), { fileName: "d.csv", categories, existing: [], nameDays })).toEqual({
        code: "empty",
      });
    });

    it("previews, then applies once: creates, updates what changed and skips what did not", async () => {
      const imports = createContactImports({ prisma: t.db.prisma, clock, contacts, nameDays });
      const csv = [
        "Ονοματεπώνυμο;Θέση;Email",
        "Ελένη Ιωάννου;Πρόεδρος;", // exists (same name, no organisation in the file → different identity)
        "Γεώργιος Παπαδόπουλος;Βουλευτής Β' Βόρειου Τομέα Αθηνών;",
        "Χρήστος Νέος;;christos@example.gr",
      ].join("\n");
      const prepared = await imports.prepare(Buffer.from(csv), "e.csv", "U5");
      if (!("plan" in prepared) || !prepared.plan || prepared.id === undefined) throw new Error("no plan");
      expect(prepared.plan.rows.map((r) => r.action)).toEqual(["create", "update", "create"]);
      expect(prepared.plan.rows[1]?.changes).toEqual(["title"]);
      const before = await t.db.prisma.contact.count();
      expect(await imports.apply(prepared.id, "U6")).toEqual({ status: "not_found" }); // someone else's preview
      const both = await Promise.all([imports.apply(prepared.id, "U5"), imports.apply(prepared.id, "U5")]);
      const done = both.filter((r) => r.status === "done");
      // One applies it; the other finds it under way, or already finished (told so, not silent).
      expect(done).toHaveLength(1);
      expect(["running", "finished"]).toContain(both.find((r) => r.status !== "done")?.status);
      expect(done[0]).toMatchObject({ outcome: { created: 2, updated: 1, skipped: 0, failed: [] }, resumedFrom: 0 });
      expect(await imports.apply(prepared.id, "U5")).toMatchObject({ status: "finished", outcome: { created: 2 } });
      expect(await t.db.prisma.contact.count()).toBe(before + 2);
      const christos = (await contacts.search("christos")).contacts[0];
      expect(christos?.nameDayKey).toBe("fixed:12-25");
      expect(christos?.nameDayConfirmed).toBe(false);
    });
  });
});

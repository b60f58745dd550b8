// What an erasure looks for in free text, and what an import's stored plan keeps: pure rules.
import { describe, expect, it } from "vitest";
import { type ImportPlan, planWithout } from "../../src/areas/contacts/contact-import.js";
import { personRedactor, redactJson, ERASED_MARK as X } from "../../src/lib/personal-data.js";
import { contactDraft } from "../support/factories.js";

const person = {
  ids: [7, 9],
  names: ["Γιώργος Παπαδόπουλος", "Georgios Papadopoulos"],
  emails: ["g.pap@example.gr"],
  phones: ["+30 210 123 4567"],
};
const r = personRedactor(person);

describe("the erasure's redactor", () => {
  it("finds the name whatever the accents, capitals, final sigma or order of the words", () => {
    expect(r.redact("Συνάντηση με ΓΙΩΡΓΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ.")).toBe(`Συνάντηση με ${X}.`);
    expect(r.redact("γιωργοσ παπαδοπουλος")).toBe(X);
    expect(r.redact("Παπαδόπουλος Γιώργος, πρόξενος")).toBe(`${X}, πρόξενος`);
    expect(r.redact("Letter from georgios  papadopoulos")).toBe(`Letter from ${X}`);
  });

  it("finds whole words only, and leaves someone else's name alone", () => {
    expect(r.redact("Γιώργος Παπαδόπουλου")).toBe("Γιώργος Παπαδόπουλου");
    expect(r.redact("Νίκος Παπαδόπουλος")).toBe("Νίκος Παπαδόπουλος");
    expect(r.mentions("Άλλος άνθρωπος")).toBe(false);
  });

  it("finds the email in any case and the phone however it is written", () => {
    expect(r.redact("Γράψτε στο G.Pap@Example.GR σήμερα")).toBe(`Γράψτε στο ${X} σήμερα`);
    for (const phone of [
      "2101234567",
      "210 123 4567",
      "210-1234567",
      "+30 210 1234567",
      "0030 (210) 123-4567",
      "+302101234567",
    ])
      expect(r.redact(`Τηλ. ${phone}.`), phone).toBe(`Τηλ. ${X}.`);
    expect(r.redact("Αρ. 221012345678")).toBe("Αρ. 221012345678");
  });

  it("changes nothing, and mentions nothing, for a person with no data", () => {
    const none = personRedactor({ names: [], emails: [], phones: ["12"] });
    expect(none.redact("Γιώργος Παπαδόπουλος 12")).toBe("Γιώργος Παπαδόπουλος 12");
    expect(none.mentions("anything")).toBe(false);
  });

  it("redacts every string inside a JSON value, and hands back the same value when none changed", () => {
    const value = { a: ["Γιώργος Παπαδόπουλος", 3], b: { c: "g.pap@example.gr" } };
    expect(redactJson(value, r)).toEqual({ a: [X, 3], b: { c: X } });
    const untouched = { a: ["x"], b: { c: 1 } };
    expect(redactJson(untouched, r)).toBe(untouched);
  });
});

describe("an import's plan without the person", () => {
  const plan: ImportPlan = {
    fileName: "list.csv",
    encoding: "utf-8",
    separator: ";",
    ignoredColumns: [],
    rows: [
      {
        line: 2,
        action: "update",
        name: "Γ. Παπαδόπουλος",
        contactId: 9,
        draft: contactDraft({ nameEl: "Γ. Παπαδόπουλος" }),
      },
      {
        line: 3,
        action: "create",
        name: "Τζώρτζης",
        draft: contactDraft({ nameEl: "Τζώρτζης", email: "g.pap@example.gr" }),
      },
      {
        line: 4,
        action: "create",
        name: "Άννα Ζ.",
        draft: contactDraft({ nameEl: "Άννα Ζ.", notes: "κόρη του Γιώργος Παπαδόπουλος" }),
      },
      { line: 5, action: "create", name: "Ελένη", draft: contactDraft({ nameEl: "Ελένη" }) },
    ],
  };

  it("empties the rows about them (by contact, name, email or phone), in their places, and redacts the rest", () => {
    const without = planWithout(plan, person, r);
    expect(without?.rows.map((row) => [row.line, row.action, row.name])).toEqual([
      [2, "skip", X],
      [3, "skip", X],
      [4, "create", "Άννα Ζ."],
      [5, "create", "Ελένη"],
    ]);
    expect(without?.rows[0]).toEqual({ line: 2, action: "skip", name: X, reason: { code: "erased" } });
    expect(without?.rows[2]?.draft?.notes).toBe(`κόρη του ${X}`);
  });

  it("is undefined when the plan never mentioned them", () => {
    expect(planWithout({ ...plan, rows: plan.rows.slice(3) }, person, r)).toBeUndefined();
  });
});

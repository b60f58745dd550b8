import { describe, expect, it } from "vitest";
import { orderGuests, rankOf } from "../../src/areas/events/precedence.js";

const table = [
  { office: "Πρωθυπουργός", rank: 2 },
  { office: "Υπουργός", rank: 10 },
  { office: "Υφυπουργός", rank: 11 },
  { office: "Πρέσβης", rank: 25 },
  { office: "Δήμαρχος", rank: 40 },
];

const guest = (
  id: number,
  name: string,
  office: string,
  extra: Partial<{ tieDate: Date; position: number; overrideReason: string }> = {},
) => ({
  id,
  name,
  office,
  tieDate: extra.tieDate ?? null,
  position: extra.position ?? null,
  overrideReason: extra.overrideReason ?? null,
});

describe("precedence", () => {
  it("ranks an office by the longest entry it starts with, in any spelling", () => {
    expect(rankOf("Υπουργός Εσωτερικών", table)).toBe(10);
    expect(rankOf("ΥΦΥΠΟΥΡΓΟΣ ΠΟΛΙΤΙΣΜΟΥ", table)).toBe(11);
    expect(rankOf("υπουργος", table)).toBe(10);
    expect(rankOf("Πρέσβης της Γαλλίας", table)).toBe(25);
    expect(rankOf("Υπουργόςς", table)).toBeNull();
    expect(rankOf("Πρόεδρος Συλλόγου Γονέων", table)).toBeNull();
  });

  it("orders by rank, breaks ties by date (ambassadors by credentials), puts the unranked last", () => {
    const order = orderGuests(
      [
        guest(1, "Δήμαρχος Αμαρουσίου", "Δήμαρχος Αμαρουσίου"),
        guest(2, "Πρέσβης Β", "Πρέσβης της Ιταλίας", { tieDate: new Date("2022-05-01") }),
        guest(3, "Πρέσβης Α", "Πρέσβης της Γαλλίας", { tieDate: new Date("2019-09-10") }),
        guest(4, "Πρόεδρος Συλλόγου", "Πρόεδρος Συλλόγου Γονέων"),
        guest(5, "Υπουργός Εσωτερικών", "Υπουργός Εσωτερικών"),
      ],
      table,
    );
    expect(order.map((g) => g.id)).toEqual([5, 3, 2, 1, 4]);
    expect(order.at(-1)?.rank).toBeNull();
  });

  it("keeps a place set by hand, the others around it in their order", () => {
    const order = orderGuests(
      [
        guest(1, "Δήμαρχος", "Δήμαρχος"),
        guest(2, "Υπουργός", "Υπουργός"),
        guest(3, "Πρωθυπουργός", "Πρωθυπουργός"),
        guest(4, "Ομιλητής", "Πρόεδρος Συλλόγου", { position: 1, overrideReason: "Οικοδεσπότης της εκδήλωσης" }),
      ],
      table,
    );
    expect(order.map((g) => g.id)).toEqual([4, 3, 2, 1]);
    expect(order[0]?.byTable).toBe(4);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import { greeklishSkeleton, nameSkeletons, skeletonReadings } from "../../src/lib/greeklish.js";
import { TABLE } from "../fixtures/greeklish-table.js";

describe("the transliteration table, both ways", () => {
  for (const row of TABLE) {
    it(`${row.rule}: «${row.greek}» and ${row.latin.join(", ")} are all ${row.skeleton}`, () => {
      expect(greeklishSkeleton(row.greek)).toBe(row.skeleton);
      for (const spelling of row.latin) expect(greeklishSkeleton(spelling), spelling).toBe(row.skeleton);
    });
  }

  it("keeps apart what sounds apart", () => {
    expect(greeklishSkeleton("πάρκο")).not.toBe(greeklishSkeleton("Μάρκο"));
    expect(greeklishSkeleton("Παύλος")).not.toBe(greeklishSkeleton("Πάολος"));
    expect(greeklishSkeleton("Ευτυχία")).not.toBe(greeklishSkeleton("Ευαγγελία"));
    // Ordinals stay numbers: 8ος is not θος, nor 8th θth.
    expect(greeklishSkeleton("8ος 8th")).toBe("8os 8th");
  });

  it("reads Latin oi, ai, ei both ways where a name may mean either", () => {
    expect(skeletonReadings("Zoi")).toEqual(["zi", "zoi"]);
    expect(skeletonReadings("Zoi")).toContain(greeklishSkeleton("Ζωή"));
    expect(skeletonReadings("Rafail")).toContain(greeklishSkeleton("Ραφαήλ"));
    expect(skeletonReadings("Maiou")).toContain(greeklishSkeleton("Μαΐου"));
    expect(skeletonReadings("Ζωή")).toEqual(["zoi"]);
  });

  it("knows English names: Helen is Ελένη, Peter Πέτρος, Mary Μαρία", () => {
    expect(nameSkeletons("Helen")).toContain(greeklishSkeleton("Ελένη"));
    expect(nameSkeletons("Peter")).toContain(greeklishSkeleton("Πέτρος"));
    expect(nameSkeletons("mary")).toContain(greeklishSkeleton("Μαρία"));
  });
});

describe("the name-day look-up, with the spellings people type", () => {
  const fixture = JSON.parse(readFileSync(new URL("../fixtures/greeklish-names.json", import.meta.url), "utf8")) as {
    greeklish: [string, string][];
    english: [string, string][];
  };
  const calendar = NameDayCalendar.load();
  const finds = (greek: string, typed: string) => {
    const wanted = new Set(calendar.lookup(greek).map((m) => m.key));
    return wanted.size > 0 && calendar.lookup(typed).some((m) => wanted.has(m.key));
  };

  it.each(fixture.greeklish)("«%s» is found as %s", (greek, typed) => {
    expect(finds(greek, typed)).toBe(true);
  });

  it.each(fixture.english)("«%s» is found as %s", (greek, typed) => {
    expect(finds(greek, typed)).toBe(true);
  });

  it("still takes the Greek spelling first: «Ζωή» and Zoi have the same feast", () => {
    expect(calendar.lookup("Zoi").map((m) => m.key)).toEqual(calendar.lookup("Ζωή").map((m) => m.key));
  });
});

import { describe, expect, it } from "vitest";
import { nextOccurrence, occurrencesBetween, parseCron } from "../src/scheduling/cron.js";

const TZ = "Europe/Athens";
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("cron occurrences in Athens", () => {
  it("a daily 08:00 job runs once a day across the March change (UTC+2 → UTC+3)", () => {
    // Last Sunday of March 2026 is the 29th.
    const got = occurrencesBetween("0 8 * * *", new Date("2026-03-27T00:00:00Z"), new Date("2026-03-31T00:00:00Z"), TZ);
    expect(iso(got)).toEqual([
      "2026-03-27T06:00:00.000Z",
      "2026-03-28T06:00:00.000Z",
      "2026-03-29T05:00:00.000Z",
      "2026-03-30T05:00:00.000Z",
    ]);
  });

  it("a daily 08:00 job runs once a day across the October change (UTC+3 → UTC+2)", () => {
    // Last Sunday of October 2026 is the 25th.
    const got = occurrencesBetween("0 8 * * *", new Date("2026-10-24T00:00:00Z"), new Date("2026-10-27T00:00:00Z"), TZ);
    expect(iso(got)).toEqual(["2026-10-24T05:00:00.000Z", "2026-10-25T06:00:00.000Z", "2026-10-26T06:00:00.000Z"]);
  });

  it("a 03:30 job is neither skipped in the spring gap nor repeated in the autumn hour", () => {
    const spring = occurrencesBetween(
      "30 3 * * *",
      new Date("2026-03-28T12:00:00Z"),
      new Date("2026-03-30T12:00:00Z"),
      TZ,
    );
    expect(spring).toHaveLength(2); // 29th (shifted past the gap) and 30th
    expect(spring[0]?.toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 04:30 EEST: the hour 03:00-04:00 does not exist
    const autumn = occurrencesBetween(
      "30 3 * * *",
      new Date("2026-10-24T12:00:00Z"),
      new Date("2026-10-26T12:00:00Z"),
      TZ,
    );
    expect(autumn).toHaveLength(2); // 25th once, 26th
  });

  it("an hourly job runs once per local hour that exists: 23 on the March Sunday, 24 on the October one", () => {
    // From just before local midnight to just before the next.
    expect(
      occurrencesBetween("0 * * * *", new Date("2026-03-28T21:59:00Z"), new Date("2026-03-29T20:59:00Z"), TZ),
    ).toHaveLength(23);
    const october = occurrencesBetween(
      "0 * * * *",
      new Date("2026-10-24T20:59:00Z"),
      new Date("2026-10-25T21:59:00Z"),
      TZ,
    );
    expect(october).toHaveLength(24); // 03:00 happens twice on the clock, but runs once
    expect(new Set(october.map((d) => d.getTime())).size).toBe(24);
  });

  it("working days only: Monday to Friday", () => {
    const got = occurrencesBetween(
      "0 8 * * 1-5",
      new Date("2026-11-20T00:00:00Z"),
      new Date("2026-11-24T23:00:00Z"),
      TZ,
    );
    expect(iso(got)).toEqual(["2026-11-20T06:00:00.000Z", "2026-11-23T06:00:00.000Z", "2026-11-24T06:00:00.000Z"]);
  });

  it("finds the next occurrence, and refuses nonsense", () => {
    expect(nextOccurrence("0 8 * * 1-5", new Date("2026-11-21T10:00:00Z"), TZ)?.toISOString()).toBe(
      "2026-11-23T06:00:00.000Z",
    );
    expect(nextOccurrence("0 9 25 3 *", new Date("2026-04-01T00:00:00Z"), TZ)?.toISOString()).toBe(
      "2027-03-25T07:00:00.000Z",
    );
    expect(() => parseCron("61 8 * * *")).toThrow();
    expect(() => parseCron("0 8 * *")).toThrow();
  });
});

// A form's submitted values, read through a schema: what Slack sends is read back; a value of a shape
// Slack never sends reads as not given.
import { describe, expect, it } from "vitest";
import { formState } from "../../src/slack/form-state.js";

describe("a submitted form's state", () => {
  it("reads each kind of input Slack sends, by block and action id", () => {
    const f = formState({
      values: {
        title: { value: { type: "plain_text_input", value: "Συναυλία" } },
        empty: { value: { type: "plain_text_input", value: null } },
        day: { value: { type: "datepicker", selected_date: "2026-12-24" } },
        at: { value: { type: "timepicker", selected_time: "19:30" } },
        kind: { value: { type: "static_select", selected_option: { value: "ceremony" } } },
        none: { value: { type: "static_select", selected_option: null } },
        langs: { value: { type: "multi_static_select", selected_options: [{ value: "el" }, { value: "en" }] } },
        vip: { value: { type: "checkboxes", selected_options: [{ value: "yes" }] } },
        who: { value: { type: "users_select", selected_user: "U0STAFF01" } },
        team: { value: { type: "multi_users_select", selected_users: ["U1", "U2"] } },
        topics: { topics_options: { type: "multi_external_select", selected_options: [{ value: "3" }] } },
      },
    });
    expect([f.text("title"), f.text("empty"), f.date("day"), f.time("at")]).toEqual([
      "Συναυλία",
      undefined,
      "2026-12-24",
      "19:30",
    ]);
    expect([f.choice("kind"), f.choice("none"), f.choices("langs"), f.checked("vip"), f.checked("kind")]).toEqual([
      "ceremony",
      undefined,
      ["el", "en"],
      true,
      false,
    ]);
    expect([f.user("who"), f.users("team")]).toEqual(["U0STAFF01", ["U1", "U2"]]);
    expect(f.choices("topics")).toEqual([]);
    expect(
      formState({ values: { topics: { topics_options: { selected_options: [{ value: "3" }] } } } }, [
        "value",
        "topics_options",
      ]).choices("topics"),
    ).toEqual(["3"]);
  });

  it("reads a forged or broken state as nothing given, never as a crash", () => {
    for (const state of [undefined, null, "values", { values: "x" }, { values: { title: "x" } }]) {
      const f = formState(state);
      expect([f.text("title"), f.choices("title"), f.checked("title"), f.users("title")]).toEqual([
        undefined,
        [],
        false,
        [],
      ]);
    }
    const f = formState({ values: { title: { value: { value: 42 } }, langs: { value: { selected_options: "el" } } } });
    expect([f.text("title"), f.choices("langs")]).toEqual([undefined, []]);
  });
});

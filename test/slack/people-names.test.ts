// People's names for exports: Slack's names decoded, an id kept when Slack gives no name.
import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { byName, shownName, slackNames } from "../../src/slack/people-names.js";

describe("a person's name from users.info", () => {
  it("is the full name, else the display name, else the handle; nothing from a shape Slack never sends", () => {
    expect(shownName({ user: { name: "maria", profile: { real_name: "Μαρία Π.", display_name: "Μ" } } })).toBe(
      "Μαρία Π.",
    );
    expect(shownName({ user: { name: "maria", profile: { real_name: " ", display_name: "Μαρία" } } })).toBe("Μαρία");
    expect(shownName({ user: { name: "maria" } })).toBe("maria");
    expect(shownName({ user: { name: 42 } })).toBeUndefined();
    expect(shownName(undefined)).toBeUndefined();
  });

  it("is asked once per person, and a person Slack fails on keeps their id", async () => {
    const asked: string[] = [];
    const client = {
      users: {
        info: async ({ user }: { user: string }) => {
          asked.push(user);
          if (user === "U0GONE") throw new Error("user_not_found");
          return { ok: true, user: { name: user.toLowerCase(), real_name: `Όνομα ${user}` } };
        },
      },
    } as unknown as Pick<WebClient, "users">;
    const names = await slackNames(client, ["U0A", "U0B", "U0A", "U0GONE", "not an id"]);
    expect(asked.sort()).toEqual(["U0A", "U0B", "U0GONE"]);
    const name = byName(names);
    expect(["U0A", "U0GONE", "not an id"].map(name)).toEqual(["Όνομα U0A", "U0GONE", "not an id"]);
  });
});

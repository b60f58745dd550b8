import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Slack's schema, vendored with its licence and source in contracts/slack-manifest/.
const contract = (file: string) =>
  JSON.parse(readFileSync(new URL(`../contracts/slack-manifest/${file}`, import.meta.url), "utf8"));
const schema = contract("manifest.schema.1.0.0.json");
const manifest = parse(readFileSync(new URL("../manifest.yml", import.meta.url), "utf8"));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe("manifest.yml", () => {
  it("validates against Slack's app-manifest schema", () => {
    const validate = validator();
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("is checked by a validator that accepts Slack's own example manifest", () => {
    const validate = validator();
    expect(validate(contract("example.valid.json")), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("is checked by a validator that does reject a broken manifest", () => {
    const validate = validator();
    expect(validate({ ...manifest, display_information: { name: "" }, unknown_key: 1 })).toBe(false);
  });

  it("declares what the bot listens to and needs", () => {
    const commands = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect(commands).toEqual(expect.arrayContaining(["/clip", "/grafeio"]));
    const shortcuts = manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id);
    expect(shortcuts).toContain("log_clipping");
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        "commands",
        "chat:write",
        "users:read",
        "im:write",
        "channels:join",
        "channels:read",
        "groups:read",
      ]),
    );
  });
});

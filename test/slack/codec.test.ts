// Tier 1 (no database): the kit's codecs refuse what the bot did not write.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { actionMessage, channelMetadata, enumCodec, idCodec, isHelpRequest, jsonCodec } from "../../src/slack/codec.js";

describe("codecs", () => {
  const meta = jsonCodec(z.object({ id: z.number().int().positive(), channel: z.string().optional() }));

  it("read back what they wrote", () => {
    expect(meta.decode(meta.encode({ id: 7, channel: "C1" }))).toEqual({ id: 7, channel: "C1" });
    expect(idCodec.decode(idCodec.encode(42))).toBe(42);
    expect(enumCodec(["edit", "withdraw"] as const).decode("withdraw")).toBe("withdraw");
  });

  it("refuse malformed, missing and forged values", () => {
    for (const raw of [undefined, "", "{", "[]", '{"id":"7"}', '{"id":-1}', '{"id":1.5}']) {
      expect(meta.decode(raw), String(raw)).toBeUndefined();
    }
    for (const raw of [undefined, "", "0", "-3", "07", "1e3", "12abc", "99999999999"]) {
      expect(idCodec.decode(raw), String(raw)).toBeUndefined();
    }
    expect(enumCodec(["edit"] as const).decode("delete")).toBeUndefined();
  });

  it("take an empty form metadata as a form opened from nowhere, but not a forged channel", () => {
    expect(channelMetadata.decode("")).toEqual({});
    expect(channelMetadata.decode('{"channel":"C0PRESS01"}')).toEqual({ channel: "C0PRESS01" });
    expect(channelMetadata.decode('{"channel":"<!channel>"}')).toBeUndefined();
  });

  it("read the message an action came from, or nothing", () => {
    expect(actionMessage({ message: { ts: "1.2", text: "x", blocks: [{ type: "section", block_id: "b" }] } })).toEqual({
      ts: "1.2",
      text: "x",
      blocks: [{ type: "section", block_id: "b" }],
    });
    expect(actionMessage({})).toBeUndefined();
    expect(actionMessage({ message: { ts: 12 } })).toBeUndefined();
    expect(actionMessage({ message: { ts: "1.2", blocks: "not a list" } })).toBeUndefined();
  });

  it("know help in Greek and English, with or without accents and capitals", () => {
    for (const text of ["help", " HELP ", "βοήθεια", "Βοηθεια", "ΒΟΉΘΕΙΑ", "?"])
      expect(isHelpRequest(text), text).toBe(true);
    for (const text of ["", "helpdesk", "βοήθεια δήμαρχος", "list"]) expect(isHelpRequest(text), text).toBe(false);
  });
});

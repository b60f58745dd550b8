// A NUL byte or another control character typed into a command (PostgreSQL refuses NUL in text)
// is answered like the same text without it: never "something went wrong".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { el } from "../../src/i18n/common.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await t.grant("U0ADMIN01", "admin");
  await t.grant("U0ADMIN01", "manager");
  await t.grant("U0ADMIN01", "staff");
});
afterAll(() => t?.stop());

async function answer(command: string, text: string): Promise<string> {
  const before = t.fake.calls.length;
  const res = await t.slack.command({ command, text, userId: "U0ADMIN01" });
  expect(res.status).toBe(200);
  // Text that is nothing but control characters is an empty command: its form opens.
  const call = await Promise.race([
    t.fake.waitFor("response_url", () => true, 30_000, before),
    t.fake.waitFor("views.open", () => true, 30_000, before),
  ]);
  return call.method === "views.open" ? "views.open" : String(call.args.text ?? "");
}

describe("control characters in a command's text", () => {
  it.each([
    ["/letter", "δήμαρχος\u0000 Βερολίνο"],
    ["/letter", "\u0000"],
    ["/sponsor", "Εταιρεία\u0000 ΑΕ"],
    ["/sponsor", "report 2026\u0000"],
    ["/clip", "search δήμαρχος\u0000 πάρκο"],
    ["/clip", "search \u0001\u0002\u001f\u007f\u0085"],
    ["/contact", "Παπαδόπουλος\u0000"],
    ["/contact", "pap\u0000adopoulos"],
    ["/event", "list week\u0000"],
    ["/event", "list\u0000"],
    ["/letter", "open\u0000"],
    ["/contact", "thanks\u0000"],
  ])("%s %j is answered plainly", async (command, text) => {
    const logsBefore = t.logs.length;
    const got = await answer(command, text);
    expect(got).not.toBe(el.common.unexpectedError);
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(t.logs.slice(logsBefore).filter((l) => l.includes('"listener failed"'))).toEqual([]);
  });
});

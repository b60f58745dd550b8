// Shutdown in process; the real process on SIGTERM is shutdown.process.test.ts.
import { describe, expect, it } from "vitest";
import { startTestBot } from "../support/test-bot.js";

describe("graceful shutdown", () => {
  it("finishes work in flight before stop() returns", async () => {
    const t = await startTestBot();
    try {
      await t.grant("U0STAFF01", "staff");
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      t.fake.override("users.info", async () => {
        await gate;
        return { ok: true, user: { id: "U0STAFF01", locale: "el-GR" } };
      });
      const res = await t.slack.command({ command: "/clip", userId: "U0STAFF01" });
      expect(res.status).toBe(200); // acknowledged while the work goes on
      expect(t.bot.inFlight.size).toBe(1);
      const stopping = t.bot.stop(5000);
      release();
      expect(await stopping).toBe(true);
      expect(t.fake.callsTo("views.open")).toHaveLength(1);
      // No longer taking requests.
      await expect(fetch(`${t.baseUrl}/healthz`)).rejects.toThrow();
    } finally {
      await t.stop();
    }
  });
});

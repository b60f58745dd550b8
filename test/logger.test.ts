import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { boltLogger, createLogger } from "../src/app/logger.js";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "debug", destination }) };
}

describe("logger", () => {
  it("redacts secret fields and masks tokens inside messages and errors", () => {
    const { lines, logger } = capture();
    logger.info(
      { token: "xoxb-test-fake-111222abc", config: { signingSecret: "s3cr3t" } },
      "calling with xoxb-test-fake-111222abc",
    );
    logger.error({ err: new Error("bad token xapp-1-A1-999") }, "failed");
    const all = lines.join("\n");
    expect(all).not.toContain("xoxb-test-fake-111222abc");
    expect(all).not.toContain("s3cr3t");
    expect(all).not.toContain("xapp-1-A1-999");
    expect(all).toContain("[redacted]");
  });

  it("carries Bolt's log lines as structured JSON", () => {
    const { lines, logger } = capture();
    boltLogger(logger).warn("something", { detail: 1 });
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry).toMatchObject({ level: 40, component: "bolt", msg: 'something {"detail":1}' });
  });

  it("stamps each line with the time in ISO 8601, UTC", () => {
    const { lines, logger } = capture();
    logger.info("hello");
    const { time } = JSON.parse(lines[0] ?? "{}") as { time?: unknown };
    expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

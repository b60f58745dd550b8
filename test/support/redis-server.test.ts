// The private Redis of the sender's outage tests counts only its own child as Redis.
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { RedisServer, redisPort } from "./redis-server.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("RedisServer", () => {
  it("starts, answers, stops and starts again on the same port", async () => {
    const port = await redisPort();
    const [ephemeralLow] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").split(/\s+/);
    expect(port).toBeLessThan(Number(ephemeralLow));
    const server = new RedisServer(port);
    cleanups.push(() => server.stop());
    await server.start();
    const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();
    expect(await client.set("k", "v")).toBe("OK");
    client.disconnect();
    await server.stop();
    await server.start();
    const again = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await again.connect();
    expect(await again.get("k")).toBeNull();
    again.disconnect();
  });

  it("fails at once when another listener holds its port, instead of counting it as Redis", async () => {
    const port = await redisPort();
    const squatter = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
    const server = new RedisServer(port);
    cleanups.push(() => server.stop());
    // "exited", not "did not answer": the child's own exit is what start() reports.
    await expect(server.start()).rejects.toThrow(/exited/);
  });
});

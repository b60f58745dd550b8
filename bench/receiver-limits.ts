// npm run bench:receiver — what unauthenticated clients cost the bot's HTTP receiver (a
// benchmark, not a test). Against Grafeio as `npm start` runs it (embedded PGlite) and, for
// comparison, a bare Bolt app on Bolt's default HTTPReceiver (what Grafeio used before: a 4 MB
// body buffered before the signature is checked, Node's 60 s header time-out, no connection cap):
//   1. 40 concurrent unsigned posts of 3.9 MB each: the process's RSS before and at its peak;
//   2. 1,500 sockets that send half a request's headers and stop: how many are open 12 s later.
// Each app runs in its own process; its RSS is read from /proc. Prints a table, then one JSON line.

import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { BOT_TOKEN, FakeSlack } from "../test/support/fake-slack.js";
import { rssMb, startApp as startApp_ } from "./support/app-process.js";

const POSTS = Number(process.env.BENCH_POSTS ?? 40);
const POST_BYTES = Number(process.env.BENCH_POST_BYTES ?? 3_900_000);
const SLOW_SOCKETS = Number(process.env.BENCH_SLOW_SOCKETS ?? 1500);
const SLOW_WAIT_MS = Number(process.env.BENCH_SLOW_WAIT_MS ?? 12_000);
const SECRET = "bench-signing-secret-0123456789";

const fake = new FakeSlack();
const apiUrl = await fake.start();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "grafeio-bench-"));

const startApp = (script: string) =>
  startApp_(script, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    DATA_DIR: dataDir,
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// One body for every post: the load generator's own memory is not what is measured.
const body = Buffer.alloc(POST_BYTES, "a");

/** An unsigned post of the whole body: its status, or how the connection ended. */
function unsignedPost(port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = request(
      `http://127.0.0.1:${port}/slack/events`,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(body.length),
          "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
          "x-slack-signature": "v0=0000",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.statusCode)));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    req.end(body);
  });
}

async function bodies(app: { child: ChildProcess; port: number }) {
  const pid = app.child.pid as number;
  await sleep(1000);
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 10);
  const outcomes = await Promise.all(Array.from({ length: POSTS }, () => unsignedPost(app.port)));
  await sleep(300);
  clearInterval(sampler);
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return { rss_before_mb: before, rss_peak_mb: peak, rss_growth_mb: peak - before, answers: counts };
}

async function slowSockets(port: number) {
  const sockets: Socket[] = [];
  let open = 0;
  await Promise.all(
    Array.from(
      { length: SLOW_SOCKETS },
      () =>
        new Promise<void>((resolve) => {
          const s = connect(port, "127.0.0.1", () => {
            open++;
            s.write("POST /slack/events HTTP/1.1\r\nHost: x\r\n");
            resolve();
          });
          // Read what the server says (a 408), or the socket would never see it close.
          s.on("data", () => {});
          s.on("error", () => resolve());
          s.on("close", () => {
            open--;
            resolve();
          });
          sockets.push(s);
        }),
    ),
  );
  await sleep(SLOW_WAIT_MS);
  const stillOpen = Math.max(0, open);
  for (const s of sockets) s.destroy();
  return { sockets: SLOW_SOCKETS, open_after_12s: stillOpen };
}

const results: Record<
  string,
  { bodies: Awaited<ReturnType<typeof bodies>>; slow: Awaited<ReturnType<typeof slowSockets>> }
> = {};
for (const [name, script] of [
  ["bolt-default", "bench/bare-bolt-app.ts"],
  ["grafeio", "src/app/main.ts"],
] as const) {
  const app = await startApp(script);
  const b = await bodies(app);
  const slow = await slowSockets(app.port);
  results[name] = { bodies: b, slow };
  const exited = new Promise((resolve) => app.child.on("exit", resolve));
  app.child.kill("SIGTERM");
  await exited;
}
await fake.stop();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  `${POSTS} concurrent unsigned posts of ${(POST_BYTES / 1e6).toFixed(1)} MB; ${SLOW_SOCKETS} sockets with half their headers`,
);
console.log("| receiver | RSS before MB | RSS peak MB | growth MB | answers | slow sockets open after 12 s |");
console.log("|---|---:|---:|---:|---|---:|");
for (const [name, label] of [
  ["bolt-default", "Bolt's default HTTPReceiver (before)"],
  ["grafeio", "Grafeio's receiver (after)"],
] as const) {
  const r = results[name];
  if (!r) continue;
  const answers = Object.entries(r.bodies.answers)
    .map(([k, v]) => `${k}×${v}`)
    .join(" ");
  console.log(
    `| ${label} | ${r.bodies.rss_before_mb} | ${r.bodies.rss_peak_mb} | ${r.bodies.rss_growth_mb} | ${answers} | ${r.slow.open_after_12s} of ${r.slow.sockets} |`,
  );
}
console.log(JSON.stringify({ benchmark: "receiver-limits", posts: POSTS, post_bytes: POST_BYTES, ...results }));

// `npm run sample`: fills the running local workspace (npm start without Slack settings) with a
// sample office, through the bot's own services: the same as the operator panel's button. The
// embedded database is the running bot's alone, so the bot does it (POST /ui/sample).
import dotenv from "dotenv";

dotenv.config({ quiet: true });
const port = process.env.PORT?.trim() || "3000";
const url = `http://127.0.0.1:${port}/ui/sample`;
try {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const answer = (await res.json()) as { result?: string; error?: string };
  process.stdout.write(`${answer.result ?? answer.error ?? `HTTP ${res.status}`}\n`);
  process.exit(res.ok ? 0 : 1);
} catch {
  process.stderr.write(
    `No local workspace answers at ${url}: start it first with npm start (no SLACK_BOT_TOKEN), then run npm run sample again.\n`,
  );
  process.exit(2);
}

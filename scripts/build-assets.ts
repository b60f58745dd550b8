// After `tsc -p tsconfig.build.json`: what the compiled code reads from disk beside itself, copied to
// the same place under dist/ (the migrations, from dist/src/db; the name-day dataset, from its
// calendar module; the local workspace's page and the manifest it reads its commands from). dist/ is rebuilt from nothing each time, so nothing stale is left in it.
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const assets = ["prisma/migrations", "src/calendar/namedays/dataset", "src/local-workspace/page", "manifest.yml"];
for (const asset of assets) {
  const from = path.join(root, asset);
  if (!existsSync(from)) throw new Error(`missing ${asset}`);
  cpSync(from, path.join(root, "dist", asset), { recursive: true });
}
process.stdout.write(`Built dist/ (with ${assets.join(", ")}). Start it with: npm run start:prod\n`);

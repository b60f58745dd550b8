// The tests of an older checkout, as they are in this one: for `bench:tests`, which times them here
// beside that checkout's own `npm test`, so that the same behaviours' tests are compared however
// many tests were added since. Each older test is found here by its full name (describe > test), or
// by its last part when that is unique, or through bench/renamed-tests.json (older name → name
// here) for the few whose wording changed when they moved. One that is found nowhere is an error:
// a test may move, it may not be dropped.
// Both checkouts are listed on one engine: some tests exist on one engine only, and some name their
// engine (`migrations on ${testEngine}`). With TEST_DATABASE_URL set, the listing is PostgreSQL's.
//   tsx bench/same-tests.ts <older checkout>   prints { files, pattern, count } as JSON
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface Listed {
  name: string;
  file: string;
}

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const older = process.argv[2];
if (!older) {
  console.error("usage: tsx bench/same-tests.ts <older checkout>");
  process.exit(2);
}

function list(dir: string): Listed[] {
  const out = execFileSync("npx", ["vitest", "list", "--json"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(out) as Listed[];
}

const renamed = JSON.parse(readFileSync(path.join(here, "bench/renamed-tests.json"), "utf8")) as Record<string, string>;
const current = list(here);
const byName = new Map(current.map((t) => [t.name, t]));
const leafOf = (name: string) => name.split(" > ").at(-1) ?? name;
const byLeaf = new Map<string, Listed[]>();
for (const t of current) byLeaf.set(leafOf(t.name), [...(byLeaf.get(leafOf(t.name)) ?? []), t]);

const found: Listed[] = [];
const missing: string[] = [];
for (const old of list(path.resolve(older))) {
  const leafMatches = byLeaf.get(leafOf(old.name)) ?? [];
  const match =
    byName.get(old.name) ??
    (renamed[old.name] ? byName.get(renamed[old.name] as string) : undefined) ??
    (leafMatches.length === 1 ? leafMatches[0] : undefined);
  if (match) found.push(match);
  else missing.push(`${path.relative(older, old.file)}: ${old.name}`);
}
if (missing.length) {
  console.error(`${missing.length} test(s) of ${older} not found here:\n${missing.join("\n")}`);
  process.exit(1);
}
// vitest's -t matches "file describe test", the parts joined by spaces.
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const pattern = `(?:^| )(?:${[...new Set(found.map((t) => escapeRegExp(t.name.replaceAll(" > ", " "))))].join("|")})$`;
const files = [...new Set(found.map((t) => path.relative(here, t.file)))].sort();
console.log(JSON.stringify({ count: found.length, files, pattern }));

#!/usr/bin/env bash
# Wall time of the test suite, on PGlite (`npm test`: type-check, lint, vitest; and, where a checkout
# has it apart, `npm run test:processes`) and on PostgreSQL (`vitest run` with TEST_DATABASE_URL:
# every test), for this checkout and for any other checkouts named, one
# after the other in one sitting, so that they are measured on the same machine under the same load:
#   npm run bench:tests -- /path/to/an/older/checkout
#   BENCH_ROUNDS=3 npm run bench:tests -- /path/to/an/older/checkout
# For each older checkout named, its own tests are also timed as they are in this checkout
# (bench/same-tests.ts finds each one here, moved or not): `npm run check` beside those tests, every
# tier, on PGlite and on PostgreSQL. That compares the same behaviours' tests, whatever was added
# since; the whole suites are compared too.
# Two runs of the same suite on an idle 2-core machine differ by up to a fifth (24.3 and 29.8 s in a
# row, measured), about as much as the figures being compared: with BENCH_ROUNDS=N (1 by default)
# every run is repeated N times, the checkouts taking turns within each round so that a slow spell
# of the machine falls on both, and the table gives each run's median with its range.
# Every run starts as on a fresh clone: node_modules/.cache (the template dumps, tsc's incremental
# state) and vitest's results are removed first.
# Prints a table, then a last line of JSON. A suite that fails is reported as such, with its time.
set -uo pipefail
PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
ROUNDS="${BENCH_ROUNDS:-1}"
dirs=("$(cd "$(dirname "$0")/.." && pwd)" "$@")
here="${dirs[0]}"
samples="$(mktemp)" # one line per run: key, seconds, tests, status (tab-separated)
order="$(mktemp)"   # the keys in the order of their first run
trap 'rm -f "$samples" "$order"' EXIT
run() { # dir label command...
  local dir=$1 label=$2; shift 2
  local start end status key
  rm -rf "$dir/node_modules/.cache" "$dir/node_modules/.vite" "$dir/node_modules/.experimental-vitest-cache"
  start=$(date +%s.%N)
  (cd "$dir" && "$@" >/tmp/bench-test-time.log 2>&1)
  status=$?
  end=$(date +%s.%N)
  local secs tests
  secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  tests=$(sed 's/\x1b\[[0-9;]*m//g' /tmp/bench-test-time.log | grep -E '^ +Tests ' | tail -1 | sed -E 's/^ +Tests +//; s/ \| /, /g')
  # An older checkout's tests here: every one of them must have run and passed, or the time is not theirs.
  if [ -n "${EXPECT_PASSED:-}" ]; then
    local passed
    passed=$(grep -oE '^[0-9]+ passed' <<<"${tests:-}" | cut -d' ' -f1)
    if [ "${passed:-0}" -ne "$EXPECT_PASSED" ]; then
      status=1
      tests="${tests:-?}; expected $EXPECT_PASSED passed"
    fi
  fi
  key="$(git -C "$dir" rev-parse --short HEAD)|$label"
  grep -qxF "$key" "$order" || echo "$key" >>"$order"
  printf '%s\t%s\t%s\t%s\n' "$key" "$secs" "${tests:-?}" "$([ $status -eq 0 ] && echo pass || echo FAIL)" >>"$samples"
  echo "bench:tests: $key: $secs s, ${tests:-?}, $([ $status -eq 0 ] && echo pass || echo FAIL)" >&2
}
# Each older checkout's tests, as found here: listed on PGlite and on PostgreSQL (some tests exist on
# one engine only, some name their engine).
same_files=()
for older in "$@"; do
  same_pglite="$(mktemp)"
  same_postgres="$(mktemp)"
  if ! (cd "$here" && env -u TEST_DATABASE_URL npx tsx bench/same-tests.ts "$older" >"$same_pglite" &&
    TEST_DATABASE_URL="$PG_URL" npx tsx bench/same-tests.ts "$older" >"$same_postgres"); then
    echo "bench:tests: the tests of $older could not all be found here (above)" >&2
    exit 1
  fi
  same_files+=("$same_pglite" "$same_postgres")
done
same_tests() { # the older checkout's tests here, every tier (so the source is compiled for the processes)
  node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write([...j.files, "-t", j.pattern].join("\0"))' "$same" |
    xargs -0 npx vitest run
}
export -f same_tests
same_count() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).count)' "$1"; }
for round in $(seq 1 "$ROUNDS"); do
  echo "bench:tests: round $round of $ROUNDS" >&2
  for dir in "${dirs[@]}"; do
    run "$dir" pglite npm test
    if grep -q '"test:processes"' "$dir/package.json"; then
      # The real processes' tier is apart (npm test leaves it out): timed on its own, and on
      # PostgreSQL the two parts one after the other, as on PGlite.
      run "$dir" pglite-processes npm run test:processes
      run "$dir" postgres env TEST_DATABASE_URL="$PG_URL" npx vitest run --exclude '**/*.process.test.ts'
      run "$dir" postgres-processes env TEST_DATABASE_URL="$PG_URL" npx vitest run .process.test.ts
    else
      run "$dir" postgres env TEST_DATABASE_URL="$PG_URL" npx vitest run
    fi
  done
  i=0
  for older in "$@"; do
    commit="$(git -C "$older" rev-parse --short HEAD)"
    export same="${same_files[$i]}"
    count=$(same_count "$same")
    EXPECT_PASSED=$count run "$here" "pglite, $commit's $count tests" \
      bash -c 'npm run --silent check & c=$!; same_tests; t=$?; wait $c || exit 1; exit $t'
    export same="${same_files[$((i + 1))]}"
    count=$(same_count "$same")
    EXPECT_PASSED=$count run "$here" "postgres, $commit's $count tests" env TEST_DATABASE_URL="$PG_URL" bash -c same_tests
    i=$((i + 2))
  done
done
rm -f "${same_files[@]}"
# Each run's median (the middle one; of an even number, the mean of the two middle ones) and range.
# Then each older checkout's figures as ratios: this checkout's time over that one's.
olders=()
for older in "$@"; do olders+=("$(git -C "$older" rev-parse --short HEAD)"); done
node - "$samples" "$order" "$(git -C "$here" rev-parse --short HEAD)" "${olders[@]}" <<'NODE'
const fs = require("node:fs");
const [samplesFile, orderFile, here, ...olders] = process.argv.slice(2);
const byKey = new Map();
for (const line of fs.readFileSync(samplesFile, "utf8").split("\n").filter(Boolean)) {
  const [key, secs, tests, status] = line.split("\t");
  if (!byKey.has(key)) byKey.set(key, []);
  byKey.get(key).push({ secs: Number(secs), tests, status });
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
console.log("| commit | engine | wall time (median) | range | runs | tests | result |");
console.log("|---|---|---:|---|---:|---|---|");
const json = [];
for (const key of fs.readFileSync(orderFile, "utf8").split("\n").filter(Boolean)) {
  const runs = byKey.get(key);
  const [commit, ...label] = key.split("|");
  const secs = runs.map((r) => r.secs);
  const ok = runs.every((r) => r.status === "pass");
  const range = runs.length > 1 ? `${Math.min(...secs).toFixed(1)}–${Math.max(...secs).toFixed(1)} s` : "";
  console.log(`| ${commit} | ${label.join("|")} | ${median(secs).toFixed(1)} s | ${range} | ${runs.length} | ${runs.at(-1).tests} | ${ok ? "pass" : "FAIL"} |`);
  json.push({ commit, engine: label.join("|"), seconds: Number(median(secs).toFixed(1)), runs: secs, ok });
}
const medianOf = (commit, engine) => json.find((r) => r.commit === commit && r.engine === engine)?.seconds;
const ratios = [];
for (const older of olders) {
  const same = (engine) => json.find((r) => r.commit === here && r.engine.startsWith(`${engine}, ${older}'s `));
  const inProcessAndProcesses = (engine) => {
    const a = medianOf(here, engine);
    const b = medianOf(here, `${engine}-processes`);
    return a !== undefined && b !== undefined ? Number((a + b).toFixed(1)) : undefined;
  };
  const rows = [
    ["npm test (PGlite), whole suites", medianOf(here, "pglite"), medianOf(older, "pglite")],
    ["PostgreSQL in process, whole suites", medianOf(here, "postgres"), medianOf(older, "postgres")],
    ["PostgreSQL every tier, whole suites", inProcessAndProcesses("postgres"), medianOf(older, "postgres")],
    [`PGlite, ${older}'s tests here`, same("pglite")?.seconds, medianOf(older, "pglite")],
    [`PostgreSQL, ${older}'s tests here`, same("postgres")?.seconds, medianOf(older, "postgres")],
  ];
  for (const [reading, a, b] of rows)
    if (a !== undefined && b !== undefined) ratios.push({ against: older, reading, seconds: a, older_seconds: b, ratio: Number((a / b).toFixed(2)) });
}
if (ratios.length) {
  console.log("");
  console.log("| against | reading | here | there | ratio |");
  console.log("|---|---|---:|---:|---:|");
  for (const r of ratios) console.log(`| ${r.against} | ${r.reading} | ${r.seconds.toFixed(1)} s | ${r.older_seconds.toFixed(1)} s | ${r.ratio.toFixed(2)} |`);
}
console.log(JSON.stringify({ rounds: Math.max(...json.map((r) => r.runs.length)), runs: json, ratios }));
NODE

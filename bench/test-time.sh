#!/usr/bin/env bash
# Wall time of the test suite, on PGlite (`npm test`: type-check, lint, vitest; and, where a checkout
# has it apart, `npm run test:processes`) and on PostgreSQL (`vitest run` with TEST_DATABASE_URL:
# every test), for this checkout and for any other checkouts named, one
# after the other in one sitting, so that they are measured on the same machine under the same load:
#   npm run bench:tests -- /path/to/an/older/checkout
# For each older checkout named, its own tests are also timed as they are in this checkout
# (bench/same-tests.ts finds each one here, moved or not): `npm run check` beside those tests, every
# tier, on PGlite and on PostgreSQL. That compares the same behaviours' tests, whatever was added
# since; the whole suites are compared too.
# Every run starts as on a fresh clone: node_modules/.cache (the template dumps, tsc's incremental
# state) and vitest's results are removed first.
# Prints a table, then a last line of JSON. A suite that fails is reported as such, with its time.
set -uo pipefail
PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
dirs=("$(cd "$(dirname "$0")/.." && pwd)" "$@")
rows=()
json=()
run() { # dir label command...
  local dir=$1 label=$2; shift 2
  local start end status
  rm -rf "$dir/node_modules/.cache" "$dir/node_modules/.vite" "$dir/node_modules/.experimental-vitest-cache"
  start=$(date +%s.%N)
  (cd "$dir" && "$@" >/tmp/bench-test-time.log 2>&1)
  status=$?
  end=$(date +%s.%N)
  local secs tests
  secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  tests=$(sed 's/\x1b\[[0-9;]*m//g' /tmp/bench-test-time.log | grep -E '^ +Tests ' | tail -1 | sed -E 's/^ +Tests +//; s/ \| /, /g')
  rows+=("| $(git -C "$dir" rev-parse --short HEAD) | $label | ${secs} s | ${tests:-?} | $([ $status -eq 0 ] && echo pass || echo FAIL) |")
  json+=("{\"commit\":\"$(git -C "$dir" rev-parse --short HEAD)\",\"engine\":\"$label\",\"seconds\":$secs,\"ok\":$([ $status -eq 0 ] && echo true || echo false)}")
}
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
here="${dirs[0]}"
for older in "$@"; do
  same="$(mktemp)"
  if ! (cd "$here" && npx tsx bench/same-tests.ts "$older" >"$same"); then
    echo "bench:tests: the tests of $older could not all be found here (above)" >&2
    exit 1
  fi
  count=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).count)' "$same")
  label="$(git -C "$older" rev-parse --short HEAD)'s $count tests"
  same_tests() { # the older checkout's tests here, every tier (so the source is compiled for the processes)
    node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write([...j.files, "-t", j.pattern].join("\0"))' "$same" |
      xargs -0 npx vitest run
  }
  export -f same_tests
  export same
  run "$here" "pglite, $label" bash -c 'npm run --silent check & c=$!; same_tests; t=$?; wait $c || exit 1; exit $t'
  run "$here" "postgres, $label" env TEST_DATABASE_URL="$PG_URL" bash -c same_tests
  rm -f "$same"
done
echo "| commit | engine | wall time | tests | result |"
echo "|---|---|---:|---|---|"
printf '%s\n' "${rows[@]}"
echo "[$(IFS=,; echo "${json[*]}")]"

#!/usr/bin/env bash
# `npm test`: the type-check and lint (`npm run check`) beside the tests that run in process, not
# before them. The tests leave about a fifth of two cores idle (waits on timers, sockets, the
# database's thread), and the check is small beside them (TypeScript 7's native tsc: about 17 s of
# CPU from a fresh clone, where TypeScript 5's took about 50): side by side the two take about the
# time of the tests alone. The check's output is shown after the tests', and either failing fails.
# Arguments go to vitest: `npm test -- test/clippings`.
set -uo pipefail
cd "$(dirname "$0")/.."
check_log="$(mktemp)"
trap 'rm -f "$check_log"' EXIT
npm run --silent check >"$check_log" 2>&1 &
check_pid=$!
# No test here starts the bot or a script as its own process: test/support/compiled-source.ts
# compiles nothing.
GRAFEIO_TESTS_IN_PROCESS=1 npx vitest run --exclude '**/*.process.test.ts' "$@"
tests=$?
wait "$check_pid"
checked=$?
echo "== npm run check (tsc, Biome)"
cat "$check_log"
if [ "$checked" -ne 0 ]; then
  echo "npm test: the type-check or the lint failed (above)." >&2
  exit "$checked"
fi
exit "$tests"

#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, builds, runs every suite and ends with
# one summary line "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
RESULTS="$ROOT/artifacts/test-results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

step() { printf '\n=== %s\n' "$*"; }

# --- system packages -------------------------------------------------------------------------
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq || exit 1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || exit 1
fi
for tool in dotnet node npm redis-server; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is not installed" >&2; exit 1; }
done

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
passed=0
failed=0
failures=()

record() { # name exit-code
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$1"); fi
}

# --- web client: install, lint, type-check, unit tests -----------------------------------------
step "web: npm ci"
(cd web && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed" >&2; exit 1; }

step "web: lint"
(cd web && npm run --silent lint); record "web lint" $?

step "web: type-check"
(cd web && npm run --silent typecheck); record "web type-check" $?

step "web: unit tests (vitest)"
(cd web && npx vitest run --reporter=default --reporter=json --outputFile="$RESULTS/vitest.json")
vitest_rc=$?
if [ -f "$RESULTS/vitest.json" ]; then
  read -r vp vf < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests+" "+(r.numFailedTests+(r.numRuntimeErrorTestSuites||0)))' "$RESULTS/vitest.json")
  passed=$((passed + vp)); failed=$((failed + vf))
  [ "$vf" -gt 0 ] && failures+=("web unit tests")
  if [ "$vitest_rc" -ne 0 ] && [ "$vf" -eq 0 ]; then failed=$((failed + 1)); failures+=("vitest run"); fi
else
  failed=$((failed + 1)); failures+=("vitest produced no report")
fi

step "web: bundle size (gzipped app JavaScript, budget 250 kB; docs/benchmarks.md)"
(cd web && npx vite build --logLevel error && npm run --silent size); record "web bundle size" $?

# --- .NET: build (builds the web client into the server) and test ------------------------------
step "dotnet build"
if ! dotnet build StudyRooms.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed" >&2
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
fi

step "dotnet test"
# One test project at a time (-m:1): the suites start servers, clusters and a browser, and some
# check liveness deadlines (a dead server's users gone within 10 s); on 2 cores, running the
# projects side by side starves those deadlines.
dotnet test StudyRooms.sln -c Release --no-build --nologo -m:1 \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" \
  --blame-hang-timeout 10m
dotnet_rc=$?
dotnet_counted=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
  dotnet_counted=$((dotnet_counted + ${p:-0} + ${f:-0}))
done
if [ "$dotnet_rc" -ne 0 ]; then
  failures+=("dotnet test (exit $dotnet_rc)")
  # A crash or hang can end a run without a failed counter: never let that pass silently.
  grep -q 'failed="[1-9]' "$RESULTS"/*.trx 2>/dev/null || failed=$((failed + 1))
fi
[ "$dotnet_counted" -gt 0 ] || { failed=$((failed + 1)); failures+=("dotnet test ran no tests"); }

# Name each failed .NET test with the start of its message at the very end, where a truncated CI log
# still shows it.
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  node -e '
    const xml = require("fs").readFileSync(process.argv[1], "utf8");
    const re = /<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="(Failed|Error|Timeout)"[^>]*>([\s\S]*?)<\/UnitTestResult>/g;
    for (const m of xml.matchAll(re)) {
      const msg = (/<Message>([\s\S]*?)<\/Message>/.exec(m[3]) || [, ""])[1];
      console.log("FAILED TEST: " + m[1] + "\n  " + msg.replace(/\s+/g, " ").slice(0, 600));
    }' "$trx"
done
echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

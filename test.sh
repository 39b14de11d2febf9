#!/usr/bin/env bash
# Builds everything (installing what is missing) and runs every test project.
# The last line is the summary CI reads: "N passed, N failed, N skipped".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
scripts/bootstrap.sh --with-test-deps
dotnet build Seg.sln -c Release -nologo -v:q -clp:ErrorsOnly
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
status=0
dotnet test Seg.sln -c Release --no-build --logger "trx" --results-directory "$RESULTS" "$@" || status=$?
summary=$(python3 - "$RESULTS" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(trx).getroot().find("{*}ResultSummary/{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("total", 0)) - int(c.get("passed", 0)) - int(c.get("failed", 0)) - int(c.get("error", 0)) - int(c.get("timeout", 0)) - int(c.get("aborted", 0))
print(f"{p} passed, {f} failed, {s} skipped")
PY
)
if [[ $status -ne 0 && "$summary" == *" 0 failed"* ]]; then
  # The runner failed without a failed test (build or crash): make that visible to CI.
  summary="${summary/ 0 failed/ 1 failed}"
fi
echo "$summary"
exit $status

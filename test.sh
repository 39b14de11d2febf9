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
# Categories a machine may not be able to run (see tests/Seg.TestSupport/TestCategories.cs) are filtered out here.
excluded=()
if ! { command -v nvidia-smi >/dev/null && nvidia-smi -L 2>/dev/null | grep -q GPU; }; then excluded+=("TestCategory!=Cuda"); fi
if [[ ! -d "$ROOT/../shared" ]]; then
  echo "note: ../shared is missing: tests of category NeedsShared are not run" >&2
  excluded+=("TestCategory!=NeedsShared")
fi
filter=()
if ((${#excluded[@]})); then filter=(--filter "$(IFS='&'; echo "${excluded[*]}")"); fi
dotnet test Seg.sln -c Release --no-build --logger "trx" --results-directory "$RESULTS" "${filter[@]}" "$@" || status=$?
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

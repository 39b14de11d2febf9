#!/usr/bin/env bash
# Runs Seg.Bench (C#) and torch_bench.py (PyTorch, Debian's /usr/bin/python3) with the same thread
# counts, prints a comparison table and writes it to bench/RESULTS.md with the machine's facts.
# Usage: bench/run.sh [threads...]   (default: 1 2)   env: CASES=tiny|conv|all, CONV_RUNS=10
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [[ $# -gt 0 ]]; then THREADS=("$@"); else THREADS=(1 2); fi
CASES="${CASES:-all}"
CONV_RUNS="${CONV_RUNS:-10}"
PY=/usr/bin/python3

mkdir -p artifacts bench/results
scripts/bootstrap.sh
dotnet build bench/Seg.Bench -c Release -nologo -v:q -clp:ErrorsOnly >&2
BENCH="bench/Seg.Bench/bin/Release/net10.0/Seg.Bench.dll"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
RAW="bench/results/raw-$(date -u +%Y%m%dT%H%M%SZ).tsv"
: >"$RAW"
for n in "${THREADS[@]}"; do
  # Both sides see the same OpenMP setting; each process sets its own intra-op thread count to n.
  for c in $([[ "$CASES" == all ]] && echo tiny conv || echo "$CASES"); do
    echo "threads=$n case=$c: Seg.Bench" >&2
    OMP_NUM_THREADS=$n dotnet "$BENCH" --threads "$n" --case "$c" --conv-runs "$CONV_RUNS" | tee -a "$RAW" >&2
    echo "threads=$n case=$c: PyTorch" >&2
    OMP_NUM_THREADS=$n "$PY" bench/torch_bench.py --threads "$n" --case "$c" --conv-runs "$CONV_RUNS" | tee -a "$RAW" >&2
  done
done

TABLE=$("$PY" - "$RAW" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    side, case, threads, unit, median, mn, runs, ops = line.rstrip("\n").split("\t")
    rows.setdefault((case, int(threads)), {})[side] = (float(median), float(mn), unit, int(runs), int(ops))
print("| case | threads | Seg median (min) | PyTorch median (min) | Seg / PyTorch | runs x ops |")
print("|---|---|---|---|---|---|")
for (case, threads), r in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1])):
    unit = (r.get("seg") or r.get("torch"))[2].replace("us", "µs")
    def cell(side):
        return f"{r[side][0]:.3f} ({r[side][1]:.3f}) {unit}" if side in r else "n/a"
    ratio = f"{r['seg'][0] / r['torch'][0]:.3f}" if "seg" in r and "torch" in r else "n/a"
    runs = r.get("seg") or r.get("torch")
    print(f"| {case} | {threads} | {cell('seg')} | {cell('torch')} | {ratio} | {runs[3]} x {runs[4]} |")
PY
)
echo "$TABLE"

{
  echo "# Benchmark results"
  echo
  echo "Produced by \`bench/run.sh\` (C#: bench/Seg.Bench, PyTorch: bench/torch_bench.py). Medians of timed runs"
  echo "after warm-up; the tiny ops are per operation including the result's disposal (C#) / release (Python),"
  echo "conv2d is forward + backward to input and weight, [8,64,128,128] * [64,64,3,3], padding 1, per iteration."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc $(nproc)"
  echo "- load average before the run: $LOAD_BEFORE (the machine may be shared)"
  echo "- libtorch (Python): $("$PY" -c 'import torch; print(torch.__version__)'); .NET $(dotnet --version)"
  echo "- commit: $(git rev-parse --short HEAD)"
  echo
  echo "$TABLE"
  if [[ -f bench/NOTES.md ]]; then echo; cat bench/NOTES.md; fi
} >bench/RESULTS.md
echo "wrote bench/RESULTS.md" >&2

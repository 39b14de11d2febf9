#!/usr/bin/env bash
# Seg (bench/models/Seg.ModelBench) against PyTorch on the same libtorch (bench/models/torch_models_bench.py):
# a 1024x1024 matmul (GFLOP/s, shows which BLAS is in use) and a PSPNet / DeepLabV3 / OCRNet train step at 256x256
# batch 2 (images/s). Prints the table and writes bench/models/RESULTS_models_ii.md (bench/models/run.sh covers the real-time models and PSSL).  Usage: bench/models/run_models_ii.sh [threads] [runs]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
THREADS="${1:-2}"
RUNS="${2:-1}"
scripts/bootstrap.sh
dotnet build bench/models/Seg.ModelBench -c Release -nologo -v:q -clp:ErrorsOnly >&2
CONFIGS=(configs/pspnet/pspnet_resnet50_os8_camvid_480x360_10k.yml configs/deeplabv3/deeplabv3_resnet50_os8_camvid_480x360_10k.yml
  configs/ocrnet/ocrnet_hrnetw18_camvid_480x360_10k.yml)
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
RAW="$(mktemp)"
OMP_NUM_THREADS=$THREADS dotnet bench/models/Seg.ModelBench/bin/Release/net10.0/Seg.ModelBench.dll --threads "$THREADS" --runs "$RUNS" --configs "${CONFIGS[@]}" | tee -a "$RAW" >&2
OMP_NUM_THREADS=$THREADS /usr/bin/python3 bench/models/torch_models_bench.py --threads "$THREADS" --runs "$RUNS" | tee -a "$RAW" >&2
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
BLAS="$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
TABLE=$(/usr/bin/python3 - "$RAW" <<'PY'
import sys
rows = {}
for l in open(sys.argv[1]):
    side, case, threads, value, unit, runs = l.rstrip("\n").split("\t")
    rows.setdefault(case, {})[side] = (float(value), unit)
print("| case | Seg | PyTorch | Seg / PyTorch |")
print("|---|---|---|---|")
for case, r in rows.items():
    unit = (r.get("seg") or r.get("torch"))[1]
    cell = lambda s: f"{r[s][0]:.3f} {unit}" if s in r else "n/a"
    ratio = f"{r['seg'][0] / r['torch'][0]:.2f}" if "seg" in r and "torch" in r else "n/a"
    print(f"| {case} | {cell('seg')} | {cell('torch')} | {ratio} |")
PY
)
echo "$TABLE"
{
  echo "# Model benchmarks"
  echo
  echo "Produced by \`bench/models/run_models_ii.sh $THREADS $RUNS\`: medians of $RUNS timed train step(s) (a warm-up first when more than one) (forward, the"
  echo "config's losses, backward, SGD step; 256x256, batch 2, 11 classes), and of 10 1024x1024 matmuls. PyTorch runs"
  echo "tests/fixtures/paddleseg_models_reference.py (same architecture, no dropout) with cross entropy on the same libtorch."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc $(nproc), threads $THREADS"
  echo "- BLAS: $BLAS"
  echo "- load average before / after: $LOAD_BEFORE / $LOAD_AFTER (the machine is shared with other jobs: absolute figures are noisy)"
  echo
  echo "$TABLE"
} > bench/models/RESULTS_models_ii.md
rm -f "$RAW"

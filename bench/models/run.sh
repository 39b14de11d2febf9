#!/usr/bin/env bash
# Seg (`seg bench`) next to PyTorch eager on the same libtorch and threads (bench/models/torch_models_bench.py with the
# reference architectures of tests/fixtures/paddleseg_realtime_reference.py): PP-LiteSeg-T/B and STDC2-Seg train and
# eval steps (images/s, median of RUNS timed steps after one warm-up, random data), and the PSSL step (1001 classes,
# weighted cross entropy) with and without the fused upsample + cross-entropy. Prints the table and writes
# bench/models/RESULTS.md. A few minutes on an idle 2-core machine.
# Usage: bench/models/run.sh [threads] [runs]     (BENCH_QUICK=1: only the PSSL and 256x256 train cases)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
THREADS="${1:-2}"
RUNS="${2:-3}"
./seg --help >/dev/null # builds seg when needed
export OMP_NUM_THREADS=$THREADS
RAW="$(mktemp)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# case: seg-mode config H W batch "seg extra args" torch-model "torch extra args"
CASES=(
  "train configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml 256 256 4 --loss=ce pp_liteseg_stdc1 -"
  "train configs/pp_liteseg/pp_liteseg_stdc2_cityscapes_1024x512_scale0.5_160k.yml 256 256 4 --loss=ce pp_liteseg_stdc2 -"
  "train configs/stdcseg/stdc2_seg_cityscapes_1024x512_80k.yml 256 256 4 --loss=ce,--opts,model.use_boundary_8=False stdcseg_stdc2 -"
  "train configs/pp_liteseg/pp_liteseg_stdc2_pssl.yml 256 256 4 - pp_liteseg_stdc2 --pssl,--classes,1001"
  "train configs/pp_liteseg/pp_liteseg_stdc2_pssl.yml 256 256 4 --unfused pp_liteseg_stdc2 --pssl,--classes,1001"
)
if [[ -z "${BENCH_QUICK:-}" ]]; then
  CASES+=(
    "train configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml 512 512 2 --loss=ce pp_liteseg_stdc1 -"
    "eval configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml 256 256 4 - pp_liteseg_stdc1 -"
    "eval configs/pp_liteseg/pp_liteseg_stdc2_cityscapes_1024x512_scale0.5_160k.yml 256 256 4 - pp_liteseg_stdc2 -"
    "eval configs/stdcseg/stdc2_seg_cityscapes_1024x512_80k.yml 256 256 4 - stdcseg_stdc2 -"
  )
fi
for c in "${CASES[@]}"; do
  read -r mode config h w batch segargs tmodel targs <<<"$c"
  extra=(); [[ "$segargs" != "-" ]] && IFS=',' read -r -a extra <<<"$segargs"
  textra=(); [[ "$targs" != "-" ]] && IFS=',' read -r -a textra <<<"$targs"
  out="$(./seg bench "$mode" --config "$config" --size "$h" "$w" --batch "$batch" --threads "$THREADS" --steps "$RUNS" --tsv "${extra[@]}")"
  echo "$out" >&2
  seg_line="$(echo "$out" | grep -P '^seg\t')"
  echo "$seg_line" >>"$RAW"
  case_name="$(echo "$seg_line" | cut -f2)"
  # The unfused PSSL case has no PyTorch row of its own (compare it with the fused case's).
  if [[ "$segargs" != *--unfused* ]]; then
    /usr/bin/python3 bench/models/torch_models_bench.py --model "$tmodel" --mode "$mode" --size "$h" "$w" --batch "$batch" \
      --threads "$THREADS" --runs "$RUNS" --case "$case_name" "${textra[@]}" | tee -a "$RAW" >&2
  fi
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
TABLE=$(/usr/bin/python3 - "$RAW" <<'PY'
import sys
rows = {}
for l in open(sys.argv[1]):
    f = l.rstrip("\n").split("\t")
    rows.setdefault(f[1], {})[f[0]] = (float(f[3]), f[6] if len(f) > 6 else "")
print("| case | Seg images/s | Seg peak RSS MiB | PyTorch images/s | Seg / PyTorch |")
print("|---|---|---|---|---|")
for case, r in rows.items():
    seg = "%.3f" % r["seg"][0] if "seg" in r else "n/a"
    rss = r["seg"][1] if "seg" in r else ""
    tor = "%.3f" % r["torch"][0] if "torch" in r else "n/a"
    ratio = "%.2f" % (r["seg"][0] / r["torch"][0]) if "seg" in r and "torch" in r else "n/a"
    print(f"| {case} | {seg} | {rss} | {tor} | {ratio} |")
PY
)
echo "$TABLE"
{
  echo "# Model benchmarks"
  echo
  echo "Produced by \`bench/models/run.sh $THREADS $RUNS\`: \`seg bench train|eval\` (random images and labels, no data"
  echo "loader, one warm-up step, median of $RUNS timed steps; train = forward, losses, backward, SGD momentum step) next to"
  echo "PyTorch eager running tests/fixtures/paddleseg_realtime_reference.py on the same libtorch and threads. \`_ce\` cases"
  echo "put CrossEntropyLoss on every logit output on both sides (STDC-Seg without its detail head); the PSSL cases use"
  echo "the config's class-weighted CrossEntropyLoss (PyTorch: F.cross_entropy with the same weights); \`_unfused\`"
  echo "turns the fused upsample + cross-entropy off (compare it with the PyTorch figure of the fused case)."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc $(nproc), threads $THREADS"
  echo "- BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
  echo "- load average before / after: $LOAD_BEFORE / $LOAD_AFTER (a shared machine makes absolute figures noisy)"
  echo
  echo "$TABLE"
  if [[ -f bench/models/NOTES.md ]]; then echo; cat bench/models/NOTES.md; fi
} > bench/models/RESULTS.md
rm -f "$RAW"

#!/usr/bin/env bash
# Issue 16 item 4, before/after: `seg bench eval` (inference mode) with batch norms run separately (--unfolded, the
# path before the fold) and folded into the convs (the default now), next to PyTorch eager's eval forward
# (bench/models/torch_models_bench.py --mode eval, inference mode, BN unfolded) on the same libtorch and threads.
# PP-LiteSeg-T, PP-LiteSeg-B and STDC2-Seg at 256x256 batch 4 and 512x512 batch 2. Each round runs the three
# variants of a case back to back (so a shared machine's load hits them alike); every run prints the median of STEPS
# timed steps after one warm-up, and the table gives the median over ROUNDS rounds. Prints a markdown table, with
# the load average (uptime) before and after.
# Usage: bench/models/run_eval_fold.sh [threads] [steps] [rounds]   (ONLY=regex: the cases whose "model size batch"
# matches, e.g. ONLY='512' or ONLY='stdc2 256')
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
THREADS="${1:-2}"
STEPS="${2:-5}"
ROUNDS="${3:-2}"
./seg --help >/dev/null # builds seg when needed
export OMP_NUM_THREADS=$THREADS
RAW="$(mktemp)"
LOAD_BEFORE="$(uptime | sed 's/.*load average: //')"

# case: config H W batch torch-model
CASES=(
  "configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml 256 256 4 pp_liteseg_stdc1"
  "configs/pp_liteseg/pp_liteseg_stdc2_cityscapes_1024x512_scale0.5_160k.yml 256 256 4 pp_liteseg_stdc2"
  "configs/stdcseg/stdc2_seg_cityscapes_1024x512_80k.yml 256 256 4 stdcseg_stdc2"
  "configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml 512 512 2 pp_liteseg_stdc1"
  "configs/pp_liteseg/pp_liteseg_stdc2_cityscapes_1024x512_scale0.5_160k.yml 512 512 2 pp_liteseg_stdc2"
  "configs/stdcseg/stdc2_seg_cityscapes_1024x512_80k.yml 512 512 2 stdcseg_stdc2"
)
for c in "${CASES[@]}"; do
  read -r config h w batch tmodel <<<"$c"
  [[ -n "${ONLY:-}" && ! "$tmodel $h $batch" =~ $ONLY ]] && continue
  for ((r = 0; r < ROUNDS; r++)); do
    for variant in unfolded folded; do
      flag=(); [[ $variant == unfolded ]] && flag=(--unfolded)
      out="$(./seg bench eval --config "$config" --size "$h" "$w" --batch "$batch" --threads "$THREADS" --steps "$STEPS" --tsv "${flag[@]}")"
      echo "$out" >&2
      line="$(echo "$out" | grep -P '^seg\t')"
      printf '%s\t%s\t%s\n' "$tmodel $h $batch" "seg_$variant" "$(echo "$line" | cut -f4)" >>"$RAW"
    done
    tline="$(/usr/bin/python3 bench/models/torch_models_bench.py --model "$tmodel" --mode eval --size "$h" "$w" --batch "$batch" \
      --threads "$THREADS" --runs "$STEPS")"
    echo "$tline" >&2
    printf '%s\t%s\t%s\n' "$tmodel $h $batch" "torch" "$(echo "$tline" | cut -f4)" >>"$RAW"
  done
done
LOAD_AFTER="$(uptime | sed 's/.*load average: //')"
echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), \`${ONLY:+ONLY='$ONLY' }bench/models/run_eval_fold.sh $THREADS $STEPS $ROUNDS\`, $(nproc) cores, $THREADS threads"
echo "- load average (1, 5, 15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER"
echo
/usr/bin/python3 - "$RAW" <<'PY'
import statistics, sys
rows = {}
for l in open(sys.argv[1]):
    case, who, v = l.rstrip("\n").split("\t")
    rows.setdefault(case, {}).setdefault(who, []).append(float(v))
names = {"pp_liteseg_stdc1": "PP-LiteSeg-T", "pp_liteseg_stdc2": "PP-LiteSeg-B", "stdcseg_stdc2": "STDC2-Seg"}
print("| eval forward, images/s (median of rounds) | Seg before (`--unfolded`) | Seg after (BN folded) | PyTorch eager | after / before | after / PyTorch | before / PyTorch |")
print("|---|---|---|---|---|---|---|")
for case, r in rows.items():
    model, h, b = case.split()
    u, f, t = (statistics.median(r[k]) for k in ("seg_unfolded", "seg_folded", "torch"))
    print(f"| {names[model]}, {h}x{h}, b{b} | {u:.3f} | {f:.3f} | {t:.3f} | {f/u:.2f} | {f/t:.2f} | {u/t:.2f} |")
PY
rm -f "$RAW"

#!/usr/bin/env bash
# Accuracy effect of mixed precision: the same short CamVid run (pp_liteseg_stdc1_camvid_amp_short.yml, seed 0) in fp32
# and with PaddleSeg's --precision fp16 --amp_level O1 (bfloat16 autocast on the CPU), both started at once (the bf16
# run is ~16x slower on an AVX2-only CPU), then both final checkpoints evaluated in fp32 with `seg val` (PaddleSeg's
# tools/val.py has no --precision), and the loss of every iteration and the mIoU printed side by side.
# Usage: bench/models/amp/run_camvid.sh [iters] [threads]   (SEG: the seg command; AMP_OUT: where runs go)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
ITERS="${1:-40}"
export OMP_NUM_THREADS="${2:-2}"
SEG="${SEG:-./seg}"
OUT="${AMP_OUT:-$(mktemp -d)}"
CONFIG=bench/models/amp/pp_liteseg_stdc1_camvid_amp_short.yml
train() {
  local p=$1; shift
  local start; start=$(date +%s)
  $SEG train --config "$CONFIG" --device cpu --iters "$ITERS" --save_interval "$ITERS" --log_iters 1 --seed 0 \
    --save_dir "$OUT/$p" "$@" >"$OUT/$p.log" 2>&1
  echo "$p wall $(( $(date +%s) - start )) s" >"$OUT/$p.wall"
}
train fp32 &
train fp16 --precision fp16 --amp_level O1 &
wait
for p in fp32 fp16; do
  $SEG val --config "$CONFIG" --device cpu --model_path "$OUT/$p/iter_$ITERS/model.safetensors" >"$OUT/$p.val.log" 2>&1
done
/usr/bin/python3 - "$OUT" <<'PY'
import re, sys, os
out = sys.argv[1]
runs = {}
for p in ("fp32", "fp16"):
    text = open(os.path.join(out, p + ".log")).read()
    loss = {int(m.group(1)): float(m.group(2)) for m in re.finditer(r"iter: (\d+)/\d+, loss: ([0-9.]+)", text)}
    bc = [float(m.group(1)) for m in re.finditer(r"batch_cost: ([0-9.]+)", text)]
    val = open(os.path.join(out, p + ".val.log")).read()
    miou = re.findall(r"mIoU: ([0-9.]+)", val)
    acc = re.findall(r"Acc: ([0-9.]+)", val)
    wall = open(os.path.join(out, p + ".wall")).read().split()[2]
    runs[p] = (loss, miou[-1] if miou else "n/a", acc[-1] if acc else "n/a", sum(bc) / len(bc) if bc else float("nan"), wall)
print("| iter | fp32 loss | fp16 O1 (bf16) loss |")
print("|---|---|---|")
for it in sorted(runs["fp32"][0]):
    print(f"| {it} | {runs['fp32'][0][it]:.4f} | {runs['fp16'][0].get(it, float('nan')):.4f} |")
print()
print("| training precision | mIoU (fp32 eval) | Acc | mean batch_cost s | wall s |")
print("|---|---|---|---|---|")
for p, name in (("fp32", "fp32"), ("fp16", "fp16 O1 (bf16 autocast)")):
    _, miou, acc, bc, wall = runs[p]
    print(f"| {name} | {miou} | {acc} | {bc:.3f} | {wall} |")
PY

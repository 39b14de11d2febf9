#!/usr/bin/env bash
# Data-parallel training throughput on this machine: PP-LiteSeg-T (STDC1) at 256x256, global batch 4,
# 1 process x 2 threads (batch 4) against 2 processes x 1 thread (batch 2 each, Gloo on 127.0.0.1),
# and the gradient all_reduce time per step that the workers report. Writes bench/distributed/RESULTS.md.
# Usage: bench/distributed/run.sh [iters]   (default 12; images/s are the mean of the [TRAIN] lines after the first)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ITERS="${1:-12}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
/usr/bin/python3 - "$WORK" <<'PY'
import sys, numpy as np, cv2, os
root = sys.argv[1]; os.makedirs(f"{root}/img")
rng = np.random.default_rng(0); lines = []
for i in range(16):
    im = rng.integers(0, 256, (256, 256, 3), dtype=np.uint8)
    cv2.imwrite(f"{root}/img/{i}.png", im); cv2.imwrite(f"{root}/img/{i}_l.png", (im[:, :, 1] // 128).astype(np.uint8))
    lines.append(f"img/{i}.png img/{i}_l.png")
open(f"{root}/train.txt", "w").write("\n".join(lines) + "\n")
PY
cat >"$WORK/pp_liteseg_t.yml" <<YML
batch_size: 4
iters: $ITERS
train_dataset:
  type: Dataset
  dataset_root: $WORK
  train_path: $WORK/train.txt
  num_classes: 2
  mode: train
  transforms:
    - type: RandomHorizontalFlip
    - type: Normalize
model:
  type: PPLiteSeg
  num_classes: 2
  backbone:
    type: STDC1
optimizer:
  type: SGD
  momentum: 0.9
  weight_decay: 4.0e-5
lr_scheduler:
  type: PolynomialDecay
  learning_rate: 0.01
loss:
  types:
    - type: OhemCrossEntropyLoss
      min_kept: 1000
  coef: [1, 1, 1]
YML
COMMON=(train --config "$WORK/pp_liteseg_t.yml" --device cpu --log_iters 1 --seed 1 --save_interval 100000)
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
SEG_NUM_THREADS=2 ./seg "${COMMON[@]}" --save_dir "$WORK/one" >"$WORK/one.log" 2>&1
SEG_NUM_THREADS=1 ./seg "${COMMON[@]}" --save_dir "$WORK/two" --batch_size 2 --nproc_per_node 2 --log_dir "$WORK/log" >"$WORK/two.log" 2>&1
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
# Mean ips of rank 0's [TRAIN] lines after the first (warm-up); two processes: times 2 (each rank reads batch 2).
ips() { grep -o "ips: [0-9.]*" "$1" | tail -n +2 | awk -v k="$2" '{s+=$2; n++} END {printf "%.3f", k*s/n}'; }
ONE=$(ips "$WORK/one.log" 1)
TWO=$(ips "$WORK/log/workerlog.0" 2)
REDUCE=$(grep -ho "gradient all_reduce [0-9.]* ms per step" "$WORK"/log/workerlog.* | awk '{printf "%s%s", sep, $3; sep=" / "}')
cat >bench/distributed/RESULTS.md <<MD
# Data-parallel training throughput

Produced by \`bench/distributed/run.sh $ITERS\`: PP-LiteSeg-T (STDC1 backbone, PaddleSeg's default widths), 256x256
generated images, OhemCrossEntropyLoss x3, SGD, global batch 4, $ITERS iterations; images/s = mean of the [TRAIN]
ips after the first iteration (two processes: rank 0's ips x 2).

- date: $(date -u "+%Y-%m-%d %H:%M UTC"); commit $(git rev-parse --short HEAD)
- CPU: $(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | xargs), nproc $(nproc)
- load average before / after: $LOAD_BEFORE / $LOAD_AFTER (the machine is shared with other jobs: the figures are noisy)

| setup | images/s |
|---|---|
| 1 process x 2 threads, batch 4 | $ONE |
| 2 processes x 1 thread, batch 2 each (Gloo) | $TWO |

Gradient all_reduce (one 25 MiB bucket cap, flattened, Gloo on 127.0.0.1), per step, rank 0 / rank 1: $REDUCE ms.
MD
cat bench/distributed/RESULTS.md

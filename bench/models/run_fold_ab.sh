#!/usr/bin/env bash
# Batch norm folding, before/after in one process (bench/models/Seg.FoldBench): the eval forward (inference mode) of
# PP-LiteSeg-T, PP-LiteSeg-B and STDC2-Seg with batch norms run separately and folded, steps alternating, so a shared
# machine's load hits both alike. Prints one line per case and the load average before and after.
# Usage: bench/models/run_fold_ab.sh [threads] [steps]     (ONLY=regex on "config H batch" picks cases)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
THREADS="${1:-2}"
STEPS="${2:-5}"
dotnet build bench/models/Seg.FoldBench -c Release -nologo -v:q -clp:ErrorsOnly >&2
export OMP_NUM_THREADS=$THREADS
CASES=(
  "configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml 256 4"
  "configs/pp_liteseg/pp_liteseg_stdc2_cityscapes_1024x512_scale0.5_160k.yml 256 4"
  "configs/stdcseg/stdc2_seg_cityscapes_1024x512_80k.yml 256 4"
  "configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml 512 2"
  "configs/pp_liteseg/pp_liteseg_stdc2_cityscapes_1024x512_scale0.5_160k.yml 512 2"
  "configs/stdcseg/stdc2_seg_cityscapes_1024x512_80k.yml 512 2"
)
echo "load before: $(uptime | sed 's/.*load average: //')"
for c in "${CASES[@]}"; do
  read -r config size batch <<<"$c"
  [[ -n "${ONLY:-}" && ! "$c" =~ $ONLY ]] && continue
  dotnet bench/models/Seg.FoldBench/bin/Release/net10.0/Seg.FoldBench.dll --config "$config" --size "$size" "$size" \
    --batch "$batch" --threads "$THREADS" --steps "$STEPS"
done
echo "load after: $(uptime | sed 's/.*load average: //')"

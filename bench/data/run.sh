#!/usr/bin/env bash
# Data-pipeline benchmark: Seg's loader (0, 1, 2 workers) and the same pipeline in Python/OpenCV (1, 2 processes).
# Usage: bench/data/run.sh [images]   (from the repository root; CamVid at ../shared/data/camvid)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CAMVID="${CAMVID:-$ROOT/../shared/data/camvid}"
IMAGES="${1:-160}"
dotnet build "$ROOT/bench/data/Seg.DataBench" -c Release -nologo -v:q -clp:ErrorsOnly >&2
dotnet "$ROOT/bench/data/Seg.DataBench/bin/Release/net10.0/Seg.DataBench.dll" "$CAMVID" "$IMAGES" 0 1 2
/usr/bin/python3 "$ROOT/bench/data/python_pipeline.py" "$CAMVID" "$IMAGES" 1 2

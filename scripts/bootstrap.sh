#!/usr/bin/env bash
# Brings a fresh Debian 12 machine (with the .NET SDK) to the point where Seg runs:
# installs the Debian packages it needs when missing, builds libsegnative.so (CMake) and the .NET projects.
# Usage: scripts/bootstrap.sh [--with-test-deps]   (quiet unless something fails)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# libopenblas0-pthread: Debian's libtorch takes its matrix products (Linear, bmm, matmul) from the system libblas.so.3,
# which is the reference BLAS unless OpenBLAS is installed (its alternative has the higher priority).
PACKAGES=(libtorch-dev libopencv-dev cmake g++ make binutils libgloo-dev libopenblas0-pthread)
if [[ "${1:-}" == "--with-test-deps" ]]; then
  # The Python oracle for tests and benchmarks: Debian's python3 with torch, numpy, OpenCV and PIL.
  PACKAGES+=(python3 python3-torch python3-numpy python3-opencv python3-pil)
  # TensorBoard event files read back (python3-protobuf, protoc on the committed .proto files); report.html rendered headless.
  PACKAGES+=(python3-protobuf protobuf-compiler chromium)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if ((${#missing[@]})); then
  echo "seg: installing Debian packages: ${missing[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if ! command -v dotnet >/dev/null; then
  echo "seg: the .NET SDK (dotnet) is required and was not found on PATH" >&2
  exit 1
fi

mkdir -p "$ROOT/artifacts"

# Native library: CMake rebuilds only what changed.
BUILD="$ROOT/artifacts/native-build"
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S native -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_LIBRARY_OUTPUT_DIRECTORY="$ROOT/artifacts/native" >"$ROOT/artifacts/native-configure.log" 2>&1 \
    || { cat "$ROOT/artifacts/native-configure.log" >&2; exit 1; }
fi
cmake --build "$BUILD" -j"$(nproc)" >"$ROOT/artifacts/native-build.log" 2>&1 \
  || { grep -E "error|Error" "$ROOT/artifacts/native-build.log" >&2 || cat "$ROOT/artifacts/native-build.log" >&2; exit 1; }

# PowerShell (a .NET global tool) for the train.ps1 tests; later versions than 7.6.10 do not restore here.
if [[ "${1:-}" == "--with-test-deps" ]] && ! command -v pwsh >/dev/null && [[ ! -x "$HOME/.dotnet/tools/pwsh" ]]; then
  dotnet tool install --global PowerShell --version 7.6.10 >"$ROOT/artifacts/pwsh-install.log" 2>&1 \
    || { cat "$ROOT/artifacts/pwsh-install.log" >&2; exit 1; }
fi

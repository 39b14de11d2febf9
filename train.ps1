<#
.SYNOPSIS
Trains a Seg model from a PaddleSeg config on one or more processes (one per GPU, or N on the CPU).

.DESCRIPTION
Builds Seg when needed (the ./seg launcher on Linux and macOS; dotnet build on Windows), then runs
`seg train` with the given config. With -Gpus or -NprocPerNode greater than 1, seg starts one worker process
per GPU (or N CPU workers) on this machine, joined over c10d (NCCL on GPUs, Gloo on the CPU); each writes
log/workerlog.N and rank 0 also prints to the console. batch_size in the config is per process.
Anything after `--` goes to `seg train` unchanged (for example --iters, --device cpu, --do_eval, --log_dir).
Through `pwsh -File train.ps1 ...` leave out the `--` itself (pwsh -File does not accept it); from a PowerShell
prompt or `pwsh -Command` both forms work.
The exit code is seg's: 0 done, 130 stopped by Ctrl-C (a checkpoint saved), 3 non-finite loss, otherwise the
first failing worker's.

.PARAMETER Config
The config file (YAML), as `seg train --config`.

.PARAMETER Gpus
GPU ids to train on, one process each (paddle.distributed.launch --gpus), e.g. -Gpus 0,1,2,3.

.PARAMETER NprocPerNode
Worker processes on this machine when -Gpus is not given (default 1: a single process).

.PARAMETER SaveDir
Where checkpoints and train_log.jsonl go (seg train --save_dir; default ./output).

.PARAMETER SegArgs
Everything after `--`: more `seg train` flags.

.EXAMPLE
./train.ps1 -Config configs/pp_liteseg/pp_liteseg_stdc1_camvid_960x720_10k.yml -Gpus 0,1 -SaveDir output/camvid

.EXAMPLE
./train.ps1 -Config my.yml -NprocPerNode 2 -- --device cpu --iters 100 --log_iters 10
#>
[CmdletBinding(PositionalBinding = $false)]
param(
    [Parameter(Mandatory = $true)][string]$Config,
    [string[]]$Gpus,
    [ValidateRange(1, 1024)][int]$NprocPerNode = 1,
    [string]$SaveDir = './output',
    [Parameter(ValueFromRemainingArguments = $true)][string[]]$SegArgs
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

if (-not (Test-Path -LiteralPath $Config -PathType Leaf)) {
    [Console]::Error.WriteLine("train.ps1: the config file '$Config' does not exist")
    exit 2
}

# The seg command: SEG_EXE when set (an installed or already built seg), else this checkout's.
function Get-SegCommand {
    if ($env:SEG_EXE) { return $env:SEG_EXE }
    if (-not $IsWindows) { return (Join-Path $root 'seg') }
    $out = Join-Path $root 'artifacts/cli'
    $exe = Join-Path $out 'seg.exe'
    $stamp = Join-Path $out '.built'
    $stale = -not (Test-Path $stamp)
    if (-not $stale) {
        $built = (Get-Item $stamp).LastWriteTimeUtc
        $stale = [bool](Get-ChildItem -Path (Join-Path $root 'src') -Recurse -File | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
    }
    if ($stale) {
        & dotnet build (Join-Path $root 'src/Seg.Cli/Seg.Cli.csproj') -c Release -o $out -nologo -v:q -clp:ErrorsOnly
        if ($LASTEXITCODE -ne 0) { [Console]::Error.WriteLine('train.ps1: building Seg failed'); exit 1 }
        New-Item -ItemType File -Force -Path $stamp | Out-Null
    }
    return $exe
}

$arguments = @('train', '--config', $Config, '--save_dir', $SaveDir)
if ($Gpus) {
    # -Gpus 0,1 arrives as an array from a PowerShell prompt and as one string "0,1" through pwsh -File.
    $ids = @($Gpus | ForEach-Object { $_ -split ',' } | Where-Object { $_ -ne '' })
    $arguments += @('--gpus', ($ids -join ','))
} elseif ($NprocPerNode -gt 1) {
    $arguments += @('--nproc_per_node', "$NprocPerNode")
}
if ($SegArgs) { $arguments += $SegArgs }

try {
    $seg = Get-SegCommand
    & $seg @arguments
    exit $LASTEXITCODE
} catch {
    Write-Error "train.ps1: $_" -ErrorAction Continue
    exit 1
}

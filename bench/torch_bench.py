"""PyTorch side of bench/run.sh: the same cases as Seg.Bench, printed in the same format.
Usage: /usr/bin/python3 torch_bench.py --threads N [--case tiny|conv|all] [--conv-runs R]
Prints: torch <case> <threads> <unit> <median> <min> <runs> <ops per run> (tab-separated).
"""
import argparse
import statistics
import time

import torch


def measure(name, threads, body, ops_per_run, warmup_runs, runs, unit):
    scale = {"us": 1e6, "ms": 1e3}[unit]
    for _ in range(warmup_runs):
        for _ in range(ops_per_run):
            body()
    per_op = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(ops_per_run):
            body()
        per_op.append((time.perf_counter() - start) * scale / ops_per_run)
    print("\t".join(["torch", name, str(threads), unit, f"{statistics.median(per_op):.3f}", f"{min(per_op):.3f}",
                     str(runs), str(ops_per_run)]), flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--case", default="all", choices=["tiny", "conv", "all"])
    p.add_argument("--conv-runs", type=int, default=10)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    assert torch.get_num_threads() == a.threads

    if a.case in ("tiny", "all"):
        x = torch.ones(1)
        y = torch.ones(1)
        # Each result is freed when the next one replaces it, as the C# side disposes it.
        measure("tiny_clone", a.threads, lambda: x.clone(), 100_000, 3, 21, "us")
        measure("tiny_add", a.threads, lambda: x + y, 100_000, 3, 21, "us")

    if a.case in ("conv", "all"):
        torch.manual_seed(0)
        x = torch.randn(8, 64, 128, 128, requires_grad=True)
        w = torch.randn(64, 64, 3, 3, requires_grad=True)
        g = torch.ones(8, 64, 128, 128)

        def step():
            x.grad = None
            w.grad = None
            out = torch.nn.functional.conv2d(x, w, None, 1, 1, 1, 1)
            out.backward(g)

        measure("conv_fwd_bwd", a.threads, step, 1, 2, a.conv_runs, "ms")
    assert torch.get_num_threads() == a.threads


if __name__ == "__main__":
    main()

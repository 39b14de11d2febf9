"""Does channels_last pay on this CPU with this libtorch (Debian's 1.13, oneDNN)? Times the PyTorch reference
architectures of tests/fixtures/paddleseg_realtime_reference.py (the ones `seg bench` mirrors; Seg runs the same
libtorch kernels) in the default contiguous (NCHW) layout and in channels_last (NHWC: model and input converted with
memory_format=torch.channels_last, as PyTorch's recipe), for the eval forward (inference mode, eval BN) and the train
step (forward, cross entropy on every output, backward, SGD momentum). The two layouts alternate step by step so a
shared machine's load hits both alike. Prints one tab-separated line per case with the medians and the ratio, and
checks that both layouts give the same logits (max relative difference).

Usage: /usr/bin/python3 bench/channels_last/channels_last_bench.py [--threads 2] [--runs 5] [--cases ...]"""
import argparse
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "fixtures"))
import paddleseg_realtime_reference as rt  # noqa: E402

CASES = {
    "eval_pp_liteseg_stdc1_256_b4": ("eval", "pp_liteseg_stdc1", 256, 4),
    "eval_pp_liteseg_stdc2_256_b4": ("eval", "pp_liteseg_stdc2", 256, 4),
    "eval_stdcseg_stdc2_256_b4": ("eval", "stdcseg_stdc2", 256, 4),
    "eval_pp_liteseg_stdc1_512_b2": ("eval", "pp_liteseg_stdc1", 512, 2),
    "train_pp_liteseg_stdc1_256_b4": ("train", "pp_liteseg_stdc1", 256, 4),
    "train_stdcseg_stdc2_256_b4": ("train", "stdcseg_stdc2", 256, 4),
    # Single convolutions (eval forward, batch 4): the shapes the issue quotes 1.6-2x for.
    "conv1x1_256to256_64x64_b4": ("conv", (256, 256, 1, 64), None, 4),
    "conv3x3_64to64_64x64_b4": ("conv", (64, 64, 3, 64), None, 4),
    "conv3x3_128to128_32x32_b4": ("conv", (128, 128, 3, 32), None, 4),
}

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=2)
p.add_argument("--runs", type=int, default=5)
p.add_argument("--cases", nargs="*", default=list(CASES))
a = p.parse_args()
torch.set_num_threads(a.threads)


def make(mode, name, size, batch, channels_last):
    torch.manual_seed(0)
    if mode == "conv":
        cin, cout, k, hw = name
        fmt = torch.channels_last if channels_last else torch.contiguous_format
        conv = torch.nn.Conv2d(cin, cout, k, padding=k // 2).to(memory_format=fmt)
        x = torch.randn(batch, cin, hw, hw).contiguous(memory_format=fmt)

        def conv_step():
            with torch.inference_mode():
                return conv(x)
        return conv_step
    model = rt.build(name, num_classes=19)
    if hasattr(model, "use_boundary_8"):
        model.use_boundary_8 = False
    fmt = torch.channels_last if channels_last else torch.contiguous_format
    model = model.to(memory_format=fmt)
    torch.manual_seed(1)
    img = torch.randn(batch, 3, size, size).contiguous(memory_format=fmt)
    lbl = torch.randint(0, 19, (batch, size, size))
    if mode == "eval":
        model.eval()
        with torch.no_grad():  # random running statistics, so eval BN is not the identity
            for m in model.modules():
                if isinstance(m, torch.nn.BatchNorm2d):
                    m.running_mean.uniform_(-0.1, 0.1)
                    m.running_var.uniform_(0.5, 1.5)

        def step():
            with torch.inference_mode():
                return model(img)[0]
    else:
        model.train()
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)

        def step():
            opt.zero_grad()
            outs = model(img)
            loss = sum(F.cross_entropy(o, lbl, ignore_index=255) for o in outs)
            loss.backward()
            opt.step()
            return outs[0].detach()
    return step


for case in a.cases:
    mode, name, size, batch = CASES[case]
    runs = max(a.runs, 20) if mode == "conv" else a.runs  # single convs take milliseconds
    steps = {cl: make(mode, name, size, batch, cl) for cl in (False, True)}
    first = {cl: steps[cl]() for cl in (False, True)}  # warm-up (and the first outputs, same weights and data)
    diff = ((first[True] - first[False]).abs().max() / first[False].abs().max()).item()
    times = {False: [], True: []}
    for _ in range(runs):
        for cl in (False, True):
            t = time.perf_counter()
            steps[cl]()
            times[cl].append(time.perf_counter() - t)
    plain, nhwc = (batch / statistics.median(times[cl]) for cl in (False, True))
    print("\t".join([case, "threads=%d" % a.threads, "runs=%d" % runs, "contiguous %.3f img/s" % plain,
                     "channels_last %.3f img/s" % nhwc, "ratio %.2f" % (nhwc / plain), "max_rel_diff %.1e" % diff]),
          flush=True)

"""The PyTorch side of bench/models/run.sh on the same libtorch: a 1024x1024 matmul and a train step (forward,
cross entropy with the configs' coefficients, backward, SGD momentum 0.9) of the reference PSPNet, DeepLabV3 and
OCRNet (tests/fixtures/paddleseg_models_reference.py, batch norm in training mode; it has no dropout layers) at
256x256 batch 2 with 11 classes. Prints "torch <case> <threads> <value> <unit> <runs>" lines.

With --model (a name of paddleseg_realtime_reference.py: stdcseg_stdc1/2, pp_liteseg_stdc1/2) it times only that model,
the PyTorch side of one `seg bench` case: --mode train (cross entropy on every logit output, coefficient 1; --pssl uses
PSSL's class weights, 0.1 for the last class) or eval (inference mode), at --size H W and --batch N, and prints the line
under --case (the `seg bench --tsv` case name)."""
import argparse
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "fixtures"))
import paddleseg_models_reference as ref  # noqa: E402

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=2)
p.add_argument("--runs", type=int, default=3)
p.add_argument("--models", nargs="*", default=["pspnet_resnet50_vd", "deeplabv3_resnet50_vd", "ocrnet_hrnetw18"])
p.add_argument("--model")
p.add_argument("--case")
p.add_argument("--mode", choices=["train", "eval"], default="train")
p.add_argument("--size", type=int, nargs=2, default=[256, 256])
p.add_argument("--batch", type=int, default=2)
p.add_argument("--classes", type=int, default=19)
p.add_argument("--pssl", action="store_true")
p.add_argument("--warmup", type=int, default=1)
a = p.parse_args()
torch.set_num_threads(a.threads)


def line(name, value, unit, n):
    print("\t".join(["torch", name, str(a.threads), "%.3f" % value, unit, str(n)]), flush=True)


def timed(step, runs, warmup, batch):
    for _ in range(warmup):
        step()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    return batch / statistics.median(times)


if a.model:
    import paddleseg_realtime_reference as rt  # noqa: E402
    torch.manual_seed(0)
    model = rt.build(a.model, num_classes=a.classes)
    if hasattr(model, "use_boundary_8"):
        model.use_boundary_8 = False  # the Seg side runs with --opts model.use_boundary_8=False: three logit maps
    img = torch.randn(a.batch, 3, *a.size)
    if a.mode == "eval":
        model.eval()

        def step():
            with torch.inference_mode():
                model(img)
    else:
        model.train()
        lbl = torch.randint(0, a.classes, (a.batch, *a.size))
        weight = None
        if a.pssl:
            weight = torch.ones(a.classes)
            weight[-1] = 0.1
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)

        def step():
            opt.zero_grad()
            loss = sum(F.cross_entropy(o, lbl, weight=weight, ignore_index=255) for o in model(img))
            loss.backward()
            opt.step()
    line(a.case or "%s_%s" % (a.mode, a.model), timed(step, a.runs, a.warmup, a.batch), "images/s", a.runs)
    sys.exit(0)

x, y = torch.randn(1024, 1024), torch.randn(1024, 1024)
for _ in range(3):
    x @ y
rates = []
for _ in range(10):
    t = time.perf_counter()
    x @ y
    rates.append(2 * 1024 ** 3 / (time.perf_counter() - t) / 1e9)
line("matmul_1024", statistics.median(rates), "GFLOP/s", 10)

names = {"pspnet_resnet50_vd": "PSPNet", "deeplabv3_resnet50_vd": "DeepLabV3", "ocrnet_hrnetw18": "OCRNet"}
coefs = {"pspnet_resnet50_vd": [1, 0.4], "deeplabv3_resnet50_vd": [1], "ocrnet_hrnetw18": [1, 0.4]}
for name in a.models:
    torch.manual_seed(0)
    model = ref.build(name, num_classes=11)
    model.train()
    if name == "ocrnet_hrnetw18":
        model.keep = 2  # training returns [main, soft_regions]
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    img, lbl = torch.randn(2, 3, 256, 256), torch.randint(0, 11, (2, 256, 256))

    def step():
        opt.zero_grad()
        outs = model(img)
        loss = sum(c * F.cross_entropy(o, lbl, ignore_index=255) for c, o in zip(coefs[name], outs))
        loss.backward()
        opt.step()

    if a.runs > 1:
        step()  # warm-up
    rates = []
    for _ in range(a.runs):
        t = time.perf_counter()
        step()
        rates.append(2 / (time.perf_counter() - t))
    line("train_" + names[name], statistics.median(rates), "images/s", a.runs)

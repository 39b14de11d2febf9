"""The same Cityscapes-style training pipeline as Seg.DataBench, in Python with OpenCV/PIL/numpy as PaddleSeg runs it
(cv2.imread -> float32 -> RGB, ResizeStepScaling 0.5-2.0, RandomPaddingCrop 512x512, RandomHorizontalFlip,
RandomDistort through PIL, Normalize, CHW), batch 4 stacked, with 1 process or N worker processes (multiprocessing,
as paddle.io.DataLoader's workers). Usage: /usr/bin/python3 bench/data/python_pipeline.py <camvid_root> <images> <workers...>
"""
import multiprocessing as mp
import os
import random
import sys
import time

import cv2
import numpy as np
from PIL import Image, ImageEnhance


def load_list(root):
    with open(os.path.join(root, "train_list.txt")) as f:
        return [[os.path.join(root, p) for p in line.split()] for line in f if line.strip()]


def enhance(im, cls, r):
    return cls(im).enhance(np.random.uniform(1 - r, 1 + r))


def hue(im, r):
    a = np.array(im.convert("HSV"))
    a[:, :, 0] = a[:, :, 0] + np.random.uniform(-r, r)
    return Image.fromarray(a, mode="HSV").convert("RGB")


def sample(pair):
    img = cv2.cvtColor(cv2.imread(pair[0]).astype("float32"), cv2.COLOR_BGR2RGB)
    label = np.asarray(Image.open(pair[1]))
    factors = np.linspace(0.5, 2.0, 7).tolist()
    np.random.shuffle(factors)
    s = factors[0]
    w, h = int(round(s * img.shape[1])), int(round(s * img.shape[0]))
    img = cv2.resize(img, (w, h), interpolation=cv2.INTER_LINEAR)
    label = cv2.resize(label, (w, h), interpolation=cv2.INTER_NEAREST)
    ph, pw = max(512 - h, 0), max(512 - w, 0)
    if ph or pw:
        img = cv2.copyMakeBorder(img, 0, ph, 0, pw, cv2.BORDER_CONSTANT, value=(127.5,) * 3)
        label = cv2.copyMakeBorder(label, 0, ph, 0, pw, cv2.BORDER_CONSTANT, value=255)
    top = np.random.randint(img.shape[0] - 512 + 1)
    left = np.random.randint(img.shape[1] - 512 + 1)
    img, label = img[top:top + 512, left:left + 512], label[top:top + 512, left:left + 512]
    if random.random() < 0.5:
        img, label = img[:, ::-1], label[:, ::-1]
    ops = [lambda i: enhance(i, ImageEnhance.Brightness, 0.5), lambda i: enhance(i, ImageEnhance.Contrast, 0.5),
           lambda i: enhance(i, ImageEnhance.Color, 0.5), lambda i: hue(i, 18), None]
    probs = [0.5, 0.5, 0.5, 0.5, 0.0]
    order = list(range(5))
    random.shuffle(order)
    im = Image.fromarray(img.astype("uint8"))
    for k in order:
        if np.random.uniform(0, 1) < probs[k] and ops[k] is not None:
            im = ops[k](im)
    img = np.asarray(im).astype("float32")
    img = (img / 255.0 - 0.5) / 0.5
    return np.ascontiguousarray(img.transpose(2, 0, 1)), np.ascontiguousarray(label).astype("int64")


def batch(pairs):
    out = [sample(p) for p in pairs]
    return np.stack([o[0] for o in out]), np.stack([o[1] for o in out])


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/camvid"
    images = int(sys.argv[2]) if len(sys.argv) > 2 else 160
    worker_counts = [int(w) for w in sys.argv[3:]] or [1, 2]
    pairs = load_list(root)
    batches = [pairs[i:i + 4] for i in range(0, len(pairs) - 3, 4)]
    while len(batches) * 4 < images + 4:
        batches += batches
    batches = batches[:images // 4 + 1]
    for workers in worker_counts:
        if workers <= 1:
            batch(batches[0])
            t = time.perf_counter()
            for b in batches[1:]:
                batch(b)
        else:
            with mp.Pool(workers) as pool:
                pool.map(batch, batches[:workers])
                t = time.perf_counter()
                for _ in pool.imap(batch, batches[1:], chunksize=1):
                    pass
        dt = time.perf_counter() - t
        n = (len(batches) - 1) * 4
        print(f"python workers={workers} images={n} seconds={dt:.2f} images_per_s={n / dt:.1f}")


if __name__ == "__main__":
    main()

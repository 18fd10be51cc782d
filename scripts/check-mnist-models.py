#!/usr/bin/python3
"""Check the bundled MNIST ONNX models without torch: onnx's checker, then a small numpy
evaluator of the ONNX graph over the labelled digits in models/mnist/.

Why: the models are trained and exported with torch, so an evaluation that reads only the .onnx
file (node by node, per the ONNX operator spec) is an independent check that the exported graph
computes what the training script measured. Debian ships neither onnxruntime nor (in onnx 1.12)
onnx.reference, hence this evaluator. It covers exactly the operators the two models use.

Requires Debian's python3-onnx and python3-numpy. Usage: scripts/check-mnist-models.py
Prints, per model, its nodes and its accuracy on test-subset.json, calibration.json and the
digit-<label>.json demo inputs; exits non-zero if a check fails.
"""
import glob
import json
import os
import re
import sys

import numpy as np
import onnx
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = os.path.join(ROOT, "models", "mnist")


def attributes(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def conv(x, w, b, a):
    """ONNX Conv for one image, group 1, dilation 1: x [C,H,W], w [M,C,kh,kw]."""
    if a.get("group", 1) != 1 or any(d != 1 for d in a.get("dilations", [1, 1])):
        raise ValueError("only group 1 and dilation 1 are supported")
    if a.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
        raise ValueError("auto_pad is not supported")
    top, left, bottom, right = a.get("pads", [0, 0, 0, 0])
    x = np.pad(x, ((0, 0), (top, bottom), (left, right)))
    sh, sw = a.get("strides", [1, 1])
    m, c, kh, kw = w.shape
    oh, ow = (x.shape[1] - kh) // sh + 1, (x.shape[2] - kw) // sw + 1
    out = np.zeros((m, oh, ow), dtype=np.float64)
    for i in range(kh):
        for j in range(kw):
            patch = x[:, i:i + sh * (oh - 1) + 1:sh, j:j + sw * (ow - 1) + 1:sw]
            out += np.einsum("mc,chw->mhw", w[:, :, i, j], patch)
    return out + (b.reshape(-1, 1, 1) if b is not None else 0)


def average_pool(x, a):
    """ONNX AveragePool for one image without padding or ceil mode: x [C,H,W]."""
    if any(a.get("pads", [0, 0, 0, 0])) or a.get("ceil_mode", 0):
        raise ValueError("only unpadded, floor-mode AveragePool is supported")
    kh, kw = a["kernel_shape"]
    sh, sw = a.get("strides", [1, 1])
    oh, ow = (x.shape[1] - kh) // sh + 1, (x.shape[2] - kw) // sw + 1
    out = np.zeros((x.shape[0], oh, ow))
    for i in range(kh):
        for j in range(kw):
            out += x[:, i:i + sh * (oh - 1) + 1:sh, j:j + sw * (ow - 1) + 1:sw]
    return out / (kh * kw)


def evaluate(model, image):
    """Runs the graph on one [1,1,28,28] input in float64; returns {output name: array}."""
    values = {t.name: numpy_helper.to_array(t).astype(np.float64)
              for t in model.graph.initializer}
    values[model.graph.input[0].name] = image
    for node in model.graph.node:
        a = attributes(node)
        x = [values[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Conv":
            y = conv(x[0][0], x[1], x[2] if len(x) > 2 else None, a)[None]
        elif op == "BatchNormalization":
            scale, bias, mean, var = (v.reshape(1, -1, 1, 1) for v in x[1:5])
            y = (x[0] - mean) / np.sqrt(var + a.get("epsilon", 1e-5)) * scale + bias
        elif op == "Relu":
            y = np.maximum(x[0], 0)
        elif op == "AveragePool":
            y = average_pool(x[0][0], a)[None]
        elif op == "Flatten":
            axis = a.get("axis", 1)
            y = x[0].reshape(int(np.prod(x[0].shape[:axis])), -1)
        elif op == "Gemm":
            left = x[0].T if a.get("transA", 0) else x[0]
            right = x[1].T if a.get("transB", 0) else x[1]
            y = a.get("alpha", 1.0) * left @ right
            if len(x) > 2 and x[2] is not None:
                y = y + a.get("beta", 1.0) * x[2]
        elif op == "ArgMax":
            if a.get("select_last_index", 0):
                raise ValueError("select_last_index is not supported")
            y = np.argmax(x[0], axis=a.get("axis", 0))
            if a.get("keepdims", 1):
                y = np.expand_dims(y, a.get("axis", 0))
        else:
            raise ValueError(f"node {node.name}: operator {op} is not supported here")
        values[node.output[0]] = y
    return {o.name: values[o.name] for o in model.graph.output}


def run(model, pixels):
    """Logits [N,10] for uint8 digits [N,28,28] (model input = pixel / 255)."""
    return np.stack([evaluate(model, (p.astype(np.float64) / 255).reshape(1, 1, 28, 28))
                     [model.graph.output[0].name][0] for p in pixels])


def load_labelled(name):
    with open(os.path.join(MODELS, name)) as f:
        data = json.load(f)
    pixels = np.asarray(data["images"], dtype=np.int64)
    if pixels.min() < 0 or pixels.max() > 255 or pixels.shape[1] != 784:
        raise ValueError(f"{name}: expected rows of 784 integers in 0..255")
    return pixels.astype(np.uint8).reshape(-1, 28, 28), np.asarray(data["labels"])


def check(path, failures):
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    name = os.path.basename(path)
    graph = model.graph
    dims = [[d.dim_value for d in v.type.tensor_type.shape.dim] for v in graph.output]
    opset = [o.version for o in model.opset_import if o.domain in ("", "ai.onnx")]
    print(f"{name}: opset {opset}, input {graph.input[0].name} "
          f"{[d.dim_value for d in graph.input[0].type.tensor_type.shape.dim]}, outputs "
          f"{[(v.name, d) for v, d in zip(graph.output, dims)]}")
    print(f"  nodes: {' '.join(n.op_type for n in graph.node)}")
    if graph.input[0].name != "input" or graph.output[0].name != "output" or dims[0] != [1, 10]:
        failures.append(f"{name}: expected input 'input' and output 'output' [1,10]")
    for data in ("test-subset.json", "calibration.json"):
        pixels, labels = load_labelled(data)
        correct = int((run(model, pixels).argmax(1) == labels).sum())
        print(f"  {data}: {correct}/{len(labels)} = {correct / len(labels):.4f}")
    for digit in sorted(glob.glob(os.path.join(MODELS, "digit-*.json"))):
        label = int(re.search(r"digit-(\d)\.json$", digit).group(1))
        with open(digit) as f:
            image = np.asarray(json.load(f)["input_data"][0], dtype=np.float64)
        outputs = evaluate(model, image.reshape(1, 1, 28, 28))
        predicted = [int(np.argmax(outputs["output"]))] + [
            int(np.ravel(v)[0]) for k, v in outputs.items() if k != "output"]
        if any(p != label for p in predicted):
            failures.append(f"{name}: {os.path.basename(digit)} classified as {predicted}")
    if name.startswith("circomlib-ml") and [n.op_type for n in graph.node].count(
            "BatchNormalization") != 2:
        failures.append(f"{name}: expected two BatchNormalization nodes (not folded)")


def main():
    failures = []
    paths = sorted(glob.glob(os.path.join(MODELS, "*.onnx")))
    if not paths:
        sys.exit(f"no .onnx files in {MODELS}")
    for path in paths:
        check(path, failures)
    for failure in failures:
        print("FAILED:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

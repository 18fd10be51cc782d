package org.zkml4j.model.ir;

/**
 * A {@link Window} over 1 to 3 spatial axes seen as exactly 3 (depth, height, width): missing
 * leading axes get size 1, kernel 1, stride 1 and no padding. Convolution and pooling kernels then
 * need only one loop nest.
 */
record SpatialGeometry(int[] in, int[] out, int[] kernel, int[] stride, int[] pad, int[] dilation) {
  static SpatialGeometry of(Window w, Shape x, Shape y) {
    int[] in = {1, 1, 1};
    int[] out = {1, 1, 1};
    int[] kernel = {1, 1, 1};
    int[] stride = {1, 1, 1};
    int[] pad = {0, 0, 0};
    int[] dilation = {1, 1, 1};
    int offset = 3 - w.rank();
    for (int i = 0; i < w.rank(); i++) {
      in[offset + i] = x.dim(2 + i);
      out[offset + i] = y.dim(2 + i);
      kernel[offset + i] = w.kernel().get(i);
      stride[offset + i] = w.strides().get(i);
      pad[offset + i] = w.padsBegin().get(i);
      dilation[offset + i] = w.dilations().get(i);
    }
    return new SpatialGeometry(in, out, kernel, stride, pad, dilation);
  }

  int inVolume() {
    return in[0] * in[1] * in[2];
  }

  int outVolume() {
    return out[0] * out[1] * out[2];
  }

  /** The first output index along {@code axis} whose input coordinate for tap {@code k} is >= 0. */
  int firstOutput(int axis, int k) {
    return Math.max(0, Math.ceilDiv(pad[axis] - k * dilation[axis], stride[axis]));
  }

  /** One past the last output index along {@code axis} whose input coordinate for tap {@code k} is inside. */
  int endOutput(int axis, int k) {
    int last = Math.floorDiv(in[axis] - 1 + pad[axis] - k * dilation[axis], stride[axis]);
    return Math.min(out[axis], last + 1);
  }

  /** The input coordinate along {@code axis} of output {@code o} and tap {@code k} (may be outside). */
  int input(int axis, int o, int k) {
    return o * stride[axis] - pad[axis] + k * dilation[axis];
  }
}

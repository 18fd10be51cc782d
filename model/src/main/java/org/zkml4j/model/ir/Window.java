package org.zkml4j.model.ir;

import java.util.List;

/**
 * The sliding-window geometry of a convolution or pooling over the trailing spatial axes of an
 * {@code [N, C, spatial...]} tensor: per spatial axis a kernel size, stride, dilation and explicit
 * padding at the start and the end (ONNX's {@code auto_pad} is resolved into these on import).
 *
 * <p>Along an axis of size {@code in}, the window covers {@code (kernel - 1) * dilation + 1}
 * positions and there are {@code floor((in + padBegin + padEnd - extent) / stride) + 1} outputs, or
 * with {@code ceilMode} the ceiling of that division, less the windows that would start
 * inside the end padding (ONNX's rule for pooling; convolutions never use {@code ceilMode}).
 *
 * @param kernel kernel size per spatial axis, each at least 1
 * @param strides stride per spatial axis, each at least 1
 * @param padsBegin padding before the first element, each at least 0
 * @param padsEnd padding after the last element, each at least 0
 * @param dilations spacing of kernel taps, each at least 1
 * @param ceilMode whether partial windows at the end produce an output
 */
public record Window(List<Integer> kernel, List<Integer> strides, List<Integer> padsBegin,
    List<Integer> padsEnd, List<Integer> dilations, boolean ceilMode) {

  public Window {
    kernel = List.copyOf(kernel);
    strides = List.copyOf(strides);
    padsBegin = List.copyOf(padsBegin);
    padsEnd = List.copyOf(padsEnd);
    dilations = List.copyOf(dilations);
    int n = kernel.size();
    if (strides.size() != n || padsBegin.size() != n || padsEnd.size() != n || dilations.size() != n) {
      throw new IllegalArgumentException("window lists differ in length: " + kernel + strides + padsBegin
          + padsEnd + dilations);
    }
    for (int i = 0; i < n; i++) {
      if (kernel.get(i) < 1 || strides.get(i) < 1 || dilations.get(i) < 1 || padsBegin.get(i) < 0
          || padsEnd.get(i) < 0) {
        throw new IllegalArgumentException("window values out of range at axis " + i + ": kernel " + kernel
            + ", strides " + strides + ", dilations " + dilations + ", pads " + padsBegin + padsEnd);
      }
    }
  }

  /** The number of spatial axes. */
  public int rank() {
    return kernel.size();
  }

  /** The positions one window spans along spatial axis {@code i}: {@code (kernel - 1) * dilation + 1}. */
  public int extent(int i) {
    return (kernel.get(i) - 1) * dilations.get(i) + 1;
  }

  /**
   * The number of window positions along spatial axis {@code i} for an input of {@code inputSize}
   * elements; zero or less when the padded input is shorter than one window.
   */
  public int outputSize(int i, int inputSize) {
    int span = inputSize + padsBegin.get(i) + padsEnd.get(i) - extent(i);
    if (span < 0) {
      return 0;
    }
    int stride = strides.get(i);
    if (!ceilMode) {
      return span / stride + 1;
    }
    int out = (span + stride - 1) / stride + 1;
    while (out > 0 && (out - 1) * stride >= inputSize + padsBegin.get(i)) {
      out--;
    }
    return out;
  }

  /** Reads like {@code 3x3 stride 2 pads [1, 1]+[1, 1]}, leaving out the defaults. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < kernel.size(); i++) {
      sb.append(i == 0 ? "" : "x").append(kernel.get(i));
    }
    if (strides.stream().anyMatch(s -> s != 1)) {
      sb.append(" stride ").append(strides.stream().allMatch(s -> s.equals(strides.get(0))) ? strides.get(0) : strides);
    }
    if (dilations.stream().anyMatch(d -> d != 1)) {
      sb.append(" dilation ").append(dilations);
    }
    if (padsBegin.stream().anyMatch(p -> p != 0) || padsEnd.stream().anyMatch(p -> p != 0)) {
      sb.append(" pads ").append(padsBegin).append('+').append(padsEnd);
    }
    if (ceilMode) {
      sb.append(" ceil");
    }
    return sb.toString();
  }
}

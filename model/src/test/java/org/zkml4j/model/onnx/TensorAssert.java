package org.zkml4j.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Tensor;

/** Compares tensors: shapes and types exactly, int64 elements exactly, floats within a tolerance. */
final class TensorAssert {
  private TensorAssert() {}

  /**
   * Asserts {@code |actual - expected| <= atol + rtol * |expected|} for every float element (NaN
   * matches only NaN, infinities only themselves), and equality for int64 elements.
   */
  static void assertClose(Tensor expected, Tensor actual, double rtol, double atol, String what) {
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    assertEquals(expected.type(), actual.type(), what + ": element type");
    for (int i = 0; i < expected.size(); i++) {
      if (expected.type() == ElementType.INT64) {
        if (expected.getLong(i) != actual.getLong(i)) {
          fail(what + ": element " + i + " is " + actual.getLong(i) + ", expected " + expected.getLong(i));
        }
        continue;
      }
      float e = expected.getFloat(i);
      float a = actual.getFloat(i);
      boolean ok = Float.isNaN(e) ? Float.isNaN(a)
          : Float.isInfinite(e) ? e == a : Math.abs((double) a - e) <= atol + rtol * Math.abs(e);
      if (!ok) {
        fail(what + ": element " + i + " is " + a + ", expected " + e + " (rtol " + rtol + ", atol " + atol + ")");
      }
    }
  }
}

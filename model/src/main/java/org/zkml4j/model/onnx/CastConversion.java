package org.zkml4j.model.onnx;

import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Tensor;

/**
 * ONNX's Cast applied to a constant: to a float type, rounded as that type would round (then held
 * as float32); to an integer type, truncated toward zero and wrapped to the type's width as C
 * does; to BOOL, nonzero becomes 1. The result is held as {@link ElementType#FLOAT} or
 * {@link ElementType#INT64}.
 */
final class CastConversion {
  private CastConversion() {}

  static Tensor convert(Tensor value, int to) {
    int n = value.size();
    if (TensorDecoding.elementType(to) == ElementType.FLOAT) {
      float[] out = new float[n];
      for (int i = 0; i < n; i++) {
        float f = value.type() == ElementType.FLOAT ? value.getFloat(i) : (float) value.getLong(i);
        out[i] = switch (to) {
          case TensorDecoding.FLOAT16 -> Float.float16ToFloat(Float.floatToFloat16(f));
          case TensorDecoding.BFLOAT16 -> roundToBfloat16(f);
          default -> f;
        };
      }
      return Tensor.ofFloats(value.shape(), out);
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (value.type() == ElementType.FLOAT) {
        float f = value.getFloat(i);
        out[i] = to == TensorDecoding.BOOL ? (f != 0 ? 1 : 0) : wrap(to, (long) f);
      } else {
        out[i] = wrap(to, value.getLong(i));
      }
    }
    return Tensor.ofLongs(value.shape(), out);
  }

  private static long wrap(int to, long v) {
    return switch (to) {
      case TensorDecoding.UINT8 -> v & 0xff;
      case TensorDecoding.INT8 -> (byte) v;
      case TensorDecoding.UINT16 -> v & 0xffff;
      case TensorDecoding.INT16 -> (short) v;
      case TensorDecoding.INT32 -> (int) v;
      case TensorDecoding.UINT32 -> v & 0xffffffffL;
      case TensorDecoding.BOOL -> v != 0 ? 1 : 0;
      default -> v;
    };
  }

  /** Round to nearest even on the upper 16 bits, as bfloat16 conversion does. */
  private static float roundToBfloat16(float f) {
    if (Float.isNaN(f)) {
      return f;
    }
    int bits = Float.floatToRawIntBits(f);
    bits += 0x7fff + ((bits >>> 16) & 1);
    return Float.intBitsToFloat(bits & 0xffff0000);
  }
}

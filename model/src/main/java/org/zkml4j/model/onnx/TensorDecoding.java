package org.zkml4j.model.onnx;

import java.nio.ByteBuffer;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.onnx.OnnxException.Kind;
import org.zkml4j.model.onnx.OnnxProto.TensorDef;

/**
 * Turns a TensorProto into a {@link Tensor}: FLOAT as is; DOUBLE, FLOAT16 and BFLOAT16 rounded or
 * widened to float; every integer type and BOOL widened to int64. Data comes from
 * {@code raw_data} (little-endian, packed) or from the typed field the ONNX schema assigns to the
 * type. Strings, complex numbers, 8-bit floats, segments and external data are rejected.
 */
final class TensorDecoding {
  static final int FLOAT = 1;
  static final int UINT8 = 2;
  static final int INT8 = 3;
  static final int UINT16 = 4;
  static final int INT16 = 5;
  static final int INT32 = 6;
  static final int INT64 = 7;
  static final int STRING = 8;
  static final int BOOL = 9;
  static final int FLOAT16 = 10;
  static final int DOUBLE = 11;
  static final int UINT32 = 12;
  static final int UINT64 = 13;
  static final int BFLOAT16 = 16;

  private static final String[] TYPE_NAMES = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32",
      "INT64", "STRING", "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16",
      "FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4", "FLOAT4E2M1"};

  private TensorDecoding() {}

  /** The ONNX name of a TensorProto.DataType value, like {@code INT64}. */
  static String typeName(int dataType) {
    return dataType >= 0 && dataType < TYPE_NAMES.length ? TYPE_NAMES[dataType] : "data type " + dataType;
  }

  /** The element type a value of this ONNX data type is imported as, or null if it is not importable. */
  static ElementType elementType(int dataType) {
    return switch (dataType) {
      case FLOAT, DOUBLE, FLOAT16, BFLOAT16 -> ElementType.FLOAT;
      case UINT8, INT8, UINT16, INT16, INT32, INT64, BOOL, UINT32, UINT64 -> ElementType.INT64;
      default -> null;
    };
  }

  /**
   * @param what names the tensor in messages, like {@code initializer 'conv1.weight'}
   */
  static Tensor decode(TensorDef t, String source, String what) throws OnnxException {
    if (t.external()) {
      throw new OnnxException(Kind.UNSUPPORTED, source, what + " keeps its data in an external file; "
          + "zkml4j reads self-contained models only (re-save the model with all tensors inside it)");
    }
    if (t.segment()) {
      throw new OnnxException(Kind.UNSUPPORTED, source, what + " is a segment of a larger tensor, which is not supported");
    }
    ElementType type = elementType(t.dataType());
    if (type == null) {
      throw new OnnxException(Kind.UNSUPPORTED, source, what + " has element type " + typeName(t.dataType())
          + "; supported are FLOAT, DOUBLE, FLOAT16, BFLOAT16, BOOL and the integer types");
    }
    int[] dims = new int[t.dims().length];
    long count = 1;
    for (int i = 0; i < dims.length; i++) {
      long d = t.dims()[i];
      count *= Math.max(d, 0);
      if (d < 0 || count > Integer.MAX_VALUE) {
        throw new OnnxException(Kind.MALFORMED, source, what + " has invalid dims "
            + java.util.Arrays.toString(t.dims()));
      }
      dims[i] = (int) d;
    }
    int n = (int) count;
    Shape shape = Shape.of(dims);
    if (t.raw() != null) {
      return fromRaw(t.raw(), t.dataType(), shape, n, source, what);
    }
    int found = switch (t.dataType()) {
      case FLOAT -> t.floatData().length;
      case INT64 -> t.int64Data().length;
      case DOUBLE -> t.doubleData().length;
      case UINT32, UINT64 -> t.uint64Data().length;
      default -> t.int32Data().length;
    };
    if (found != n) {
      throw new OnnxException(Kind.MALFORMED, source, what + " of shape " + shape + " needs " + n
          + " elements, found " + found);
    }
    return switch (t.dataType()) {
      case FLOAT -> Tensor.ofFloats(shape, t.floatData());
      case DOUBLE -> {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
          f[i] = (float) t.doubleData()[i];
        }
        yield Tensor.ofFloats(shape, f);
      }
      case FLOAT16, BFLOAT16 -> {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
          f[i] = halfToFloat(t.dataType(), (int) t.int32Data()[i]);
        }
        yield Tensor.ofFloats(shape, f);
      }
      case INT64 -> Tensor.ofLongs(shape, t.int64Data());
      case UINT64 -> Tensor.ofLongs(shape, checkedUint64(t.uint64Data(), source, what));
      case UINT32 -> Tensor.ofLongs(shape, t.uint64Data());
      default -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = narrow(t.dataType(), t.int32Data()[i]);
        }
        yield Tensor.ofLongs(shape, v);
      }
    };
  }

  private static Tensor fromRaw(ByteBuffer raw, int dataType, Shape shape, int n, String source, String what)
      throws OnnxException {
    int width = switch (dataType) {
      case UINT8, INT8, BOOL -> 1;
      case UINT16, INT16, FLOAT16, BFLOAT16 -> 2;
      case FLOAT, INT32, UINT32 -> 4;
      default -> 8;
    };
    if (raw.remaining() != (long) n * width) {
      throw new OnnxException(Kind.MALFORMED, source, what + " of shape " + shape + " and type " + typeName(dataType)
          + " needs " + (long) n * width + " bytes of raw_data, found " + raw.remaining());
    }
    ByteBuffer b = raw.duplicate().order(raw.order());
    if (dataType == FLOAT) {
      float[] f = new float[n];
      b.asFloatBuffer().get(f);
      return Tensor.ofFloats(shape, f);
    }
    if (dataType == DOUBLE || dataType == FLOAT16 || dataType == BFLOAT16) {
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = dataType == DOUBLE ? (float) b.getDouble() : halfToFloat(dataType, b.getShort() & 0xffff);
      }
      return Tensor.ofFloats(shape, f);
    }
    long[] v = new long[n];
    if (dataType == INT64) {
      b.asLongBuffer().get(v);
    } else {
      for (int i = 0; i < n; i++) {
        v[i] = switch (width) {
          case 1 -> narrow(dataType, b.get());
          case 2 -> narrow(dataType, b.getShort());
          case 4 -> narrow(dataType, b.getInt());
          default -> b.getLong();
        };
      }
      if (dataType == UINT64) {
        checkedUint64(v, source, what);
      }
    }
    return Tensor.ofLongs(shape, v);
  }

  /** The value of an integer stored in a wider field, read as its own type (signed or not). */
  private static long narrow(int dataType, long v) {
    return switch (dataType) {
      case UINT8 -> v & 0xff;
      case INT8 -> (byte) v;
      case UINT16 -> v & 0xffff;
      case INT16 -> (short) v;
      case INT32 -> (int) v;
      case UINT32 -> v & 0xffffffffL;
      case BOOL -> v != 0 ? 1 : 0;
      default -> v;
    };
  }

  private static long[] checkedUint64(long[] v, String source, String what) throws OnnxException {
    for (long x : v) {
      if (x < 0) {
        throw new OnnxException(Kind.UNSUPPORTED, source, what + " holds the UINT64 value "
            + Long.toUnsignedString(x) + ", beyond the int64 range zkml4j computes in");
      }
    }
    return v;
  }

  private static float halfToFloat(int dataType, int bits) {
    return dataType == BFLOAT16 ? Float.intBitsToFloat(bits << 16) : Float.float16ToFloat((short) bits);
  }
}

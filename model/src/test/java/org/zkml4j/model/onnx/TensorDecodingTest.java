package org.zkml4j.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Tensor;

/**
 * TensorProto decoding for every importable data type, from raw_data and from the typed fields,
 * with expected values written out by hand; and the wire-format corner cases of the reader.
 */
class TensorDecodingTest {
  private static Tensor read(ProtoWriter w) throws OnnxException {
    return OnnxImporter.readTensor(w.toBytes(), "t.pb");
  }

  private static ProtoWriter header(int dataType, long... dims) {
    ProtoWriter w = new ProtoWriter();
    for (long d : dims) {
      w.varintField(1, d);
    }
    return w.varintField(2, dataType).stringField(8, "t");
  }

  @Test
  void integerTypesInInt32Data_keepTheirSign() throws Exception {
    // int32_data holds INT8/INT16/INT32 as sign-extended varints and UINT8/UINT16/BOOL as is
    assertArrayEquals(new long[] {-5, 127}, read(header(3, 2).packedVarints(5, -5, 127)).toLongArray());
    assertArrayEquals(new long[] {200, 0}, read(header(2, 2).packedVarints(5, 200, 0)).toLongArray());
    assertArrayEquals(new long[] {-32768, 7}, read(header(5, 2).packedVarints(5, -32768, 7)).toLongArray());
    assertArrayEquals(new long[] {65535}, read(header(4, 1).packedVarints(5, 65535)).toLongArray());
    assertArrayEquals(new long[] {Integer.MIN_VALUE}, read(header(6, 1).packedVarints(5, Integer.MIN_VALUE))
        .toLongArray());
    assertArrayEquals(new long[] {1, 0, 1}, read(header(9, 3).packedVarints(5, 1, 0, 1)).toLongArray());
    assertArrayEquals(new long[] {4294967295L}, read(header(12, 1).packedVarints(11, 4294967295L)).toLongArray());
    assertArrayEquals(new long[] {Long.MIN_VALUE, -1}, read(header(7, 2).packedVarints(7, Long.MIN_VALUE, -1))
        .toLongArray());
  }

  @Test
  void floatTypes_areWidenedExactlyOrRoundedOnce() throws Exception {
    // FLOAT16 0x3C00 = 1.0, 0xC000 = -2.0; BFLOAT16 0x3FC0 = 1.5
    assertArrayEquals(new float[] {1f, -2f}, read(header(10, 2).packedVarints(5, 0x3C00, 0xC000)).toFloatArray());
    assertArrayEquals(new float[] {1.5f}, read(header(16, 1).packedVarints(5, 0x3FC0)).toFloatArray());
    ProtoWriter d = header(11, 2);
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-3);
    d.bytesField(10, b.array());
    assertArrayEquals(new float[] {0.1f, -3f}, read(d).toFloatArray());
  }

  @Test
  void rawData_isLittleEndianForEveryWidth() throws Exception {
    assertArrayEquals(new long[] {-1, 127}, read(header(3, 2).bytesField(9, new byte[] {-1, 127})).toLongArray());
    assertArrayEquals(new long[] {255, 127}, read(header(2, 2).bytesField(9, new byte[] {-1, 127})).toLongArray());
    assertArrayEquals(new long[] {0x0201}, read(header(5, 1).bytesField(9, new byte[] {1, 2})).toLongArray());
    assertArrayEquals(new long[] {0xfffe}, read(header(4, 1).bytesField(9, new byte[] {-2, -1})).toLongArray());
    assertArrayEquals(new long[] {-2}, read(header(6, 1).bytesField(9, new byte[] {-2, -1, -1, -1})).toLongArray());
    assertArrayEquals(new long[] {0xfffffffeL}, read(header(12, 1).bytesField(9, new byte[] {-2, -1, -1, -1}))
        .toLongArray());
    assertArrayEquals(new long[] {1, 0}, read(header(9, 2).bytesField(9, new byte[] {1, 0})).toLongArray());
    assertArrayEquals(new float[] {1f}, read(header(10, 1).bytesField(9, new byte[] {0x00, 0x3C})).toFloatArray());
    assertArrayEquals(new float[] {1f}, read(header(1, 1).bytesField(9, new byte[] {0, 0, (byte) 0x80, 0x3f}))
        .toFloatArray());
  }

  @Test
  void unsupportedOrInconsistentTensors_areRejected() {
    OnnxException s = assertThrows(OnnxException.class, () -> read(header(8, 1).bytesField(6, new byte[] {65})));
    assertTrue(s.getMessage().contains("STRING"), s.getMessage());
    OnnxException big = assertThrows(OnnxException.class, () -> read(header(13, 1).packedVarints(11, -1)));
    assertTrue(big.getMessage().contains("18446744073709551615"), big.getMessage());
    OnnxException raw = assertThrows(OnnxException.class, () -> read(header(1, 2).bytesField(9, new byte[5])));
    assertTrue(raw.getMessage().contains("needs 8 bytes of raw_data, found 5"), raw.getMessage());
  }

  @Property(tries = 200)
  void floatsPackedAndUnpacked_decodeAlike(@ForAll float[] values) throws Exception {
    ProtoWriter packed = header(1, values.length).packedFloats(4, values);
    ProtoWriter unpacked = header(1, values.length);
    for (float v : values) {
      unpacked.floatField(4, v);
    }
    Tensor a = read(packed);
    Tensor b = read(unpacked);
    assertEquals(ElementType.FLOAT, a.type());
    assertArrayEquals(values, a.toFloatArray());
    assertArrayEquals(values, b.toFloatArray());
  }

  @Property(tries = 200)
  void int64Varints_roundTripIncludingNegatives(@ForAll long[] values) throws Exception {
    ProtoWriter unpacked = header(7, values.length);
    for (long v : values) {
      unpacked.varintField(7, v);
    }
    assertArrayEquals(values, read(header(7, values.length).packedVarints(7, values)).toLongArray());
    assertArrayEquals(values, read(unpacked).toLongArray());
  }

  @Test
  void overlongVarint_isMalformed() {
    byte[] bytes = new byte[12];
    bytes[0] = 0x08;
    java.util.Arrays.fill(bytes, 1, 12, (byte) 0x80);
    OnnxException e = assertThrows(OnnxException.class, () -> OnnxImporter.readTensor(bytes, "t.pb"));
    assertEquals(OnnxException.Kind.MALFORMED, e.kind());
    assertTrue(e.getMessage().contains("varint longer than 10 bytes"), e.getMessage());
  }
}

package org.zkml4j.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Tensor;

/**
 * Builds small ONNX models in memory for tests (field numbers from onnx/onnx.proto): inputs with
 * static or symbolic dimensions, initializers, nodes with attributes, outputs without shapes (so
 * that the importer's shape inference is what decides them).
 */
final class ModelWriter {
  static final int FLOAT = 1;
  static final int INT64 = 7;

  private final int opset;
  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();
  private final List<String> inputNames = new ArrayList<>();
  private boolean rawData = true;
  private int nodeCount;

  ModelWriter(int opset) {
    this.opset = opset;
  }

  /** A node attribute; build with the static factories. */
  record Attr(ProtoWriter proto) {
    static Attr i(String name, long v) {
      return new Attr(new ProtoWriter().stringField(1, name).varintField(20, 2).varintField(3, v));
    }

    static Attr f(String name, float v) {
      return new Attr(new ProtoWriter().stringField(1, name).varintField(20, 1).floatField(2, v));
    }

    static Attr s(String name, String v) {
      return new Attr(new ProtoWriter().stringField(1, name).varintField(20, 3).stringField(4, v));
    }

    static Attr ints(String name, long... v) {
      return new Attr(new ProtoWriter().stringField(1, name).varintField(20, 7).packedVarints(8, v));
    }

    static Attr floats(String name, float... v) {
      return new Attr(new ProtoWriter().stringField(1, name).varintField(20, 6).packedFloats(7, v));
    }

    static Attr t(String name, Tensor v) {
      return new Attr(new ProtoWriter().stringField(1, name).varintField(20, 4).messageField(5, tensor("", v, true)));
    }
  }

  /** Whether initializers go to raw_data (default) or to float_data / int64_data. */
  ModelWriter rawData(boolean raw) {
    this.rawData = raw;
    return this;
  }

  /** A graph input; each dimension is an Integer or, for a symbolic one, a String. */
  ModelWriter input(String name, int elemType, Object... dims) {
    inputs.add(valueInfo(name, elemType, dims));
    inputNames.add(name);
    return this;
  }

  ModelWriter output(String name, int elemType) {
    outputs.add(valueInfo(name, elemType, (Object[]) null));
    return this;
  }

  ModelWriter initializer(String name, Tensor value) {
    initializers.add(tensor(name, value, rawData));
    return this;
  }

  ModelWriter node(String opType, List<String> in, List<String> out, Attr... attrs) {
    ProtoWriter n = new ProtoWriter();
    for (String s : in) {
      n.stringField(1, s);
    }
    for (String s : out) {
      n.stringField(2, s);
    }
    n.stringField(3, opType.toLowerCase() + nodeCount++).stringField(4, opType);
    for (Attr a : attrs) {
      n.messageField(5, a.proto());
    }
    nodes.add(n);
    return this;
  }

  List<String> inputNames() {
    return inputNames;
  }

  byte[] toBytes() {
    ProtoWriter g = new ProtoWriter();
    nodes.forEach(n -> g.messageField(1, n));
    g.stringField(2, "test");
    initializers.forEach(t -> g.messageField(5, t));
    inputs.forEach(i -> g.messageField(11, i));
    outputs.forEach(o -> g.messageField(12, o));
    int ir = opset <= 8 ? 4 : opset <= 10 ? 5 : opset <= 11 ? 6 : opset <= 14 ? 7 : opset <= 18 ? 8 : opset <= 20 ? 9 : 10;
    return new ProtoWriter().varintField(1, ir).stringField(2, "zkml4j-test")
        .messageField(7, g).messageField(8, new ProtoWriter().stringField(1, "").varintField(2, opset)).toBytes();
  }

  static ProtoWriter tensor(String name, Tensor t, boolean raw) {
    ProtoWriter w = new ProtoWriter();
    for (int i = 0; i < t.shape().rank(); i++) {
      w.varintField(1, t.shape().dim(i));
    }
    boolean floats = t.type() == ElementType.FLOAT;
    w.varintField(2, floats ? FLOAT : INT64);
    w.stringField(8, name);
    if (raw) {
      ByteBuffer b = ByteBuffer.allocate(t.size() * (floats ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < t.size(); i++) {
        if (floats) {
          b.putFloat(t.getFloat(i));
        } else {
          b.putLong(t.getLong(i));
        }
      }
      w.bytesField(9, b.array());
    } else if (floats) {
      w.packedFloats(4, t.toFloatArray());
    } else {
      w.packedVarints(7, t.toLongArray());
    }
    return w;
  }

  private static ProtoWriter valueInfo(String name, int elemType, Object[] dims) {
    ProtoWriter tensorType = new ProtoWriter().varintField(1, elemType);
    if (dims != null) {
      ProtoWriter shape = new ProtoWriter();
      for (Object d : dims) {
        ProtoWriter dim = new ProtoWriter();
        if (d instanceof String s) {
          dim.stringField(2, s);
        } else {
          dim.varintField(1, ((Number) d).longValue());
        }
        shape.messageField(1, dim);
      }
      tensorType.messageField(2, shape);
    }
    return new ProtoWriter().stringField(1, name).messageField(2, new ProtoWriter().messageField(1, tensorType));
  }
}

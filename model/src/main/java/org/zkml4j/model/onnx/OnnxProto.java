package org.zkml4j.model.onnx;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zkml4j.model.onnx.ProtoReader.ProtoException;

/**
 * The parts of ONNX's protobuf schema (onnx/onnx.proto, proto2) that import needs, as plain
 * records, and their parsers. Field numbers are the schema's; unknown fields are skipped, as
 * protobuf requires, and repeated numbers are accepted packed or unpacked.
 *
 * <pre>
 * ModelProto        1 ir_version, 7 graph, 8 opset_import
 * OperatorSetIdProto 1 domain, 2 version
 * GraphProto        1 node, 2 name, 5 initializer, 11 input, 12 output, 15 sparse_initializer
 * NodeProto         1 input, 2 output, 3 name, 4 op_type, 5 attribute, 7 domain
 * AttributeProto    1 name, 2 f, 3 i, 4 s, 5 t, 6 g, 7 floats, 8 ints, 9 strings, 10 tensors,
 *                   11 graphs, 14 tp, 20 type, 22 sparse_tensor
 * ValueInfoProto    1 name, 2 type;  TypeProto 1 tensor_type;  TypeProto.Tensor 1 elem_type, 2 shape
 * TensorShapeProto  1 dim;  Dimension 1 dim_value, 2 dim_param
 * TensorProto       1 dims, 2 data_type, 3 segment, 4 float_data, 5 int32_data, 6 string_data,
 *                   7 int64_data, 8 name, 9 raw_data, 10 double_data, 11 uint64_data,
 *                   13 external_data, 14 data_location
 * </pre>
 */
final class OnnxProto {
  private OnnxProto() {}

  record Model(long irVersion, Map<String, Long> opsets, GraphDef graph) {}

  record GraphDef(String name, List<NodeDef> nodes, List<TensorDef> initializers, int sparseInitializers,
      List<ValueInfoDef> inputs, List<ValueInfoDef> outputs) {}

  record NodeDef(String name, String opType, String domain, List<String> inputs, List<String> outputs,
      List<AttributeDef> attributes) {}

  /** AttributeProto; {@code type} is the AttributeType enum (1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 6 FLOATS, 7 INTS...). */
  record AttributeDef(String name, int type, float f, long i, byte[] s, TensorDef t, float[] floats, long[] ints) {}

  /** A tensor-typed ValueInfoProto; {@code dims} is null when no shape is given. */
  record ValueInfoDef(String name, boolean tensorType, int elemType, List<Dim> dims) {}

  /** A dimension: a value, or else a symbolic name (or neither). */
  record Dim(long value, String param) {
    boolean known() {
      return value >= 0;
    }
  }

  /** TensorProto, with its data left in whichever field the writer used. */
  record TensorDef(String name, long[] dims, int dataType, ByteBuffer raw, float[] floatData, long[] int32Data,
      long[] int64Data, double[] doubleData, long[] uint64Data, int strings, boolean external, boolean segment) {}

  static Model parseModel(byte[] bytes) {
    ProtoReader r = new ProtoReader(bytes, 0, bytes.length);
    long ir = -1;
    Map<String, Long> opsets = new LinkedHashMap<>();
    GraphDef graph = null;
    try {
      while (r.hasMore()) {
        switch (r.nextField()) {
          case 1 -> {
            r.expect(ProtoReader.VARINT, "ir_version");
            ir = r.varint();
          }
          case 7 -> graph = parseGraph(r.message(), "graph");
          case 8 -> {
            ProtoReader o = r.message();
            String domain = "";
            long version = -1;
            while (o.hasMore()) {
              switch (o.nextField()) {
                case 1 -> domain = o.string();
                case 2 -> {
                  o.expect(ProtoReader.VARINT, "version");
                  version = o.varint();
                }
                default -> o.skip();
              }
            }
            opsets.put(domain, version);
          }
          default -> r.skip();
        }
      }
    } catch (ProtoException e) {
      throw e instanceof Located ? e : new Located(e, "ModelProto");
    }
    return new Model(ir, opsets, graph);
  }

  static GraphDef parseGraph(ProtoReader r, String where) {
    String name = "";
    List<NodeDef> nodes = new ArrayList<>();
    List<TensorDef> initializers = new ArrayList<>();
    List<ValueInfoDef> inputs = new ArrayList<>();
    List<ValueInfoDef> outputs = new ArrayList<>();
    int sparse = 0;
    try {
      while (r.hasMore()) {
        switch (r.nextField()) {
          case 1 -> nodes.add(parseNode(r.message(), where + ".node[" + nodes.size() + "]"));
          case 2 -> name = r.string();
          case 5 -> initializers.add(parseTensor(r.message(), where + ".initializer[" + initializers.size() + "]"));
          case 11 -> inputs.add(parseValueInfo(r.message(), where + ".input[" + inputs.size() + "]"));
          case 12 -> outputs.add(parseValueInfo(r.message(), where + ".output[" + outputs.size() + "]"));
          case 15 -> {
            r.skip();
            sparse++;
          }
          default -> r.skip();
        }
      }
    } catch (ProtoException e) {
      throw e instanceof Located ? e : new Located(e, where);
    }
    return new GraphDef(name, nodes, initializers, sparse, inputs, outputs);
  }

  static NodeDef parseNode(ProtoReader r, String where) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    List<AttributeDef> attributes = new ArrayList<>();
    String name = "";
    String opType = "";
    String domain = "";
    try {
      while (r.hasMore()) {
        switch (r.nextField()) {
          case 1 -> inputs.add(r.string());
          case 2 -> outputs.add(r.string());
          case 3 -> name = r.string();
          case 4 -> opType = r.string();
          case 5 -> attributes.add(parseAttribute(r.message(), where + ".attribute[" + attributes.size() + "]"));
          case 7 -> domain = r.string();
          default -> r.skip();
        }
      }
    } catch (ProtoException e) {
      throw e instanceof Located ? e : new Located(e, where);
    }
    return new NodeDef(name, opType, domain, inputs, outputs, attributes);
  }

  static AttributeDef parseAttribute(ProtoReader r, String where) {
    String name = "";
    int type = 0;
    float f = 0;
    long i = 0;
    byte[] s = null;
    TensorDef t = null;
    GrowableArrays.Floats floats = new GrowableArrays.Floats();
    GrowableArrays.Longs ints = new GrowableArrays.Longs();
    int inferred = 0;
    try {
      while (r.hasMore()) {
        int field = r.nextField();
        switch (field) {
          case 1 -> name = r.string();
          case 2 -> {
            r.expect(ProtoReader.FIXED32, "f");
            f = Float.intBitsToFloat(r.fixed32());
            inferred = 1;
          }
          case 3 -> {
            r.expect(ProtoReader.VARINT, "i");
            i = r.varint();
            inferred = 2;
          }
          case 4 -> {
            s = r.bytes();
            inferred = 3;
          }
          case 5 -> {
            t = parseTensor(r.message(), where + ".t");
            inferred = 4;
          }
          case 7 -> {
            readFloats(r, floats);
            inferred = 6;
          }
          case 8 -> {
            readVarints(r, ints);
            inferred = 7;
          }
          case 20 -> {
            r.expect(ProtoReader.VARINT, "type");
            type = (int) r.varint();
          }
          default -> {
            r.skip();
            inferred = switch (field) {
              case 6 -> 5;
              case 9 -> 8;
              case 10 -> 9;
              case 11 -> 10;
              case 22 -> 11;
              case 14 -> 13;
              default -> inferred;
            };
          }
        }
      }
    } catch (ProtoException e) {
      throw e instanceof Located ? e : new Located(e, where);
    }
    return new AttributeDef(name, type != 0 ? type : inferred, f, i, s, t, floats.toArray(), ints.toArray());
  }

  static ValueInfoDef parseValueInfo(ProtoReader r, String where) {
    String name = "";
    boolean tensorType = false;
    int elemType = 0;
    List<Dim> dims = null;
    try {
      while (r.hasMore()) {
        switch (r.nextField()) {
          case 1 -> name = r.string();
          case 2 -> {
            ProtoReader type = r.message();
            while (type.hasMore()) {
              if (type.nextField() != 1) {
                type.skip();
                continue;
              }
              tensorType = true;
              ProtoReader tensor = type.message();
              while (tensor.hasMore()) {
                switch (tensor.nextField()) {
                  case 1 -> {
                    tensor.expect(ProtoReader.VARINT, "elem_type");
                    elemType = (int) tensor.varint();
                  }
                  case 2 -> dims = parseShape(tensor.message());
                  default -> tensor.skip();
                }
              }
            }
          }
          default -> r.skip();
        }
      }
    } catch (ProtoException e) {
      throw e instanceof Located ? e : new Located(e, where);
    }
    return new ValueInfoDef(name, tensorType, elemType, dims);
  }

  private static List<Dim> parseShape(ProtoReader r) {
    List<Dim> dims = new ArrayList<>();
    while (r.hasMore()) {
      if (r.nextField() != 1) {
        r.skip();
        continue;
      }
      ProtoReader d = r.message();
      long value = -1;
      String param = "";
      while (d.hasMore()) {
        switch (d.nextField()) {
          case 1 -> {
            d.expect(ProtoReader.VARINT, "dim_value");
            value = d.varint();
          }
          case 2 -> param = d.string();
          default -> d.skip();
        }
      }
      dims.add(new Dim(value, param));
    }
    return dims;
  }

  static TensorDef parseTensor(ProtoReader r, String where) {
    GrowableArrays.Longs dims = new GrowableArrays.Longs();
    int dataType = 0;
    String name = "";
    ByteBuffer raw = null;
    GrowableArrays.Floats floats = new GrowableArrays.Floats();
    GrowableArrays.Longs int32 = new GrowableArrays.Longs();
    GrowableArrays.Longs int64 = new GrowableArrays.Longs();
    GrowableArrays.Doubles doubles = new GrowableArrays.Doubles();
    GrowableArrays.Longs uint64 = new GrowableArrays.Longs();
    int strings = 0;
    boolean external = false;
    boolean segment = false;
    try {
      while (r.hasMore()) {
        switch (r.nextField()) {
          case 1 -> readVarints(r, dims);
          case 2 -> {
            r.expect(ProtoReader.VARINT, "data_type");
            dataType = (int) r.varint();
          }
          case 3 -> {
            r.skip();
            segment = true;
          }
          case 4 -> readFloats(r, floats);
          case 5 -> readVarints(r, int32);
          case 6 -> {
            r.skip();
            strings++;
          }
          case 7 -> readVarints(r, int64);
          case 8 -> name = r.string();
          case 9 -> raw = r.littleEndian();
          case 10 -> readDoubles(r, doubles);
          case 11 -> readVarints(r, uint64);
          case 13 -> {
            r.skip();
            external = true;
          }
          case 14 -> {
            r.expect(ProtoReader.VARINT, "data_location");
            external |= r.varint() == 1;
          }
          default -> r.skip();
        }
      }
    } catch (ProtoException e) {
      throw e instanceof Located ? e : new Located(e, where);
    }
    return new TensorDef(name, dims.toArray(), dataType, raw, floats.toArray(), int32.toArray(), int64.toArray(),
        doubles.toArray(), uint64.toArray(), strings, external, segment);
  }

  /** A standalone TensorProto, as in the {@code input_0.pb} files of ONNX's test data. */
  static TensorDef parseTensorFile(byte[] bytes) {
    return parseTensor(new ProtoReader(bytes, 0, bytes.length), "TensorProto");
  }

  private static void readVarints(ProtoReader r, GrowableArrays.Longs out) {
    if (r.wireType() == ProtoReader.LENGTH_DELIMITED) {
      ProtoReader packed = r.message();
      while (packed.hasMore()) {
        out.add(packed.varint());
      }
    } else {
      r.expect(ProtoReader.VARINT, "a repeated integer field");
      out.add(r.varint());
    }
  }

  private static void readFloats(ProtoReader r, GrowableArrays.Floats out) {
    if (r.wireType() == ProtoReader.LENGTH_DELIMITED) {
      ByteBuffer b = r.littleEndian();
      if (b.remaining() % 4 != 0) {
        throw r.error("packed floats take " + b.remaining() + " bytes, not a multiple of 4");
      }
      while (b.hasRemaining()) {
        out.add(b.getFloat());
      }
    } else {
      r.expect(ProtoReader.FIXED32, "a repeated float field");
      out.add(Float.intBitsToFloat(r.fixed32()));
    }
  }

  private static void readDoubles(ProtoReader r, GrowableArrays.Doubles out) {
    if (r.wireType() == ProtoReader.LENGTH_DELIMITED) {
      ByteBuffer b = r.littleEndian();
      if (b.remaining() % 8 != 0) {
        throw r.error("packed doubles take " + b.remaining() + " bytes, not a multiple of 8");
      }
      while (b.hasRemaining()) {
        out.add(b.getDouble());
      }
    } else {
      r.expect(ProtoReader.FIXED64, "a repeated double field");
      out.add(Double.longBitsToDouble(r.fixed64()));
    }
  }

  /** A wire-format error with the message path where it happened, like {@code graph.node[3].attribute[0]}. */
  static final class Located extends ProtoException {
    private static final long serialVersionUID = 1L;

    private final String where;

    Located(ProtoException cause, String where) {
      super(cause.getMessage(), cause.offset());
      this.where = where;
    }

    String where() {
      return where;
    }
  }
}

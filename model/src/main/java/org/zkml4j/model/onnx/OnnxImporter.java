package org.zkml4j.model.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.OpType;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.ValueInfo;
import org.zkml4j.model.onnx.OnnxException.Kind;
import org.zkml4j.model.onnx.OnnxProto.Dim;
import org.zkml4j.model.onnx.OnnxProto.GraphDef;
import org.zkml4j.model.onnx.OnnxProto.Model;
import org.zkml4j.model.onnx.OnnxProto.NodeDef;
import org.zkml4j.model.onnx.OnnxProto.TensorDef;
import org.zkml4j.model.onnx.OnnxProto.ValueInfoDef;

/**
 * Reads an ONNX model into a {@link Graph}, with its own reader of the protobuf wire format (no
 * protobuf library).
 *
 * <p>What is accepted: IR version 3 or later; default-domain opsets {@value OpType#MIN_OPSET} to
 * {@value OpType#MAX_OPSET}; the operators of {@link OpType}; FLOAT or INT64 graph inputs with
 * static shapes, except that a symbolic (or missing) first dimension, the batch, is bound to 1;
 * initializers of any numeric type, stored inside the file. Initializers listed among the graph
 * inputs (older exporters do this) are constants. External data, sparse tensors, operators of
 * other domains (including calls of model-local functions) and attributes the importer does not
 * understand are rejected, never ignored.
 *
 * <p>Every error is an {@link OnnxException} naming the file, the node and its operator, and what
 * was expected.
 */
public final class OnnxImporter {
  private OnnxImporter() {}

  /** Reads a {@code .onnx} file. */
  public static Graph read(Path file) throws IOException, OnnxException {
    return read(Files.readAllBytes(file), file.toString());
  }

  /**
   * Reads a serialized ModelProto.
   *
   * @param source names the model in error messages, such as its file name
   */
  public static Graph read(byte[] model, String source) throws OnnxException {
    return read(model, source, Map.of());
  }

  /**
   * Reads a model with some graph inputs fixed to constant values, as if they were initializers
   * (the ONNX backend tests pass shapes, axes and divisors as inputs; a real model holds them as
   * constants).
   */
  static Graph read(byte[] model, String source, Map<String, Tensor> constantInputs) throws OnnxException {
    Model m;
    try {
      m = OnnxProto.parseModel(model);
    } catch (ProtoReader.ProtoException e) {
      throw malformed(source, e);
    }
    if (m.graph() == null) {
      throw new OnnxException(Kind.MALFORMED, source, "has no graph (ModelProto field 7); is it an ONNX model?");
    }
    if (m.irVersion() < 3) {
      throw new OnnxException(Kind.UNSUPPORTED, source, "IR version " + m.irVersion()
          + " is not supported; expected 3 or later (ONNX 1.1 onwards)");
    }
    int opset = opset(m, source);
    return importGraph(m.graph(), opset, source, constantInputs);
  }

  /** Reads a file holding one serialized TensorProto, like the {@code input_0.pb} files of ONNX's test data. */
  public static Tensor readTensor(Path file) throws IOException, OnnxException {
    return readTensor(Files.readAllBytes(file), file.toString());
  }

  /** Reads one serialized TensorProto. */
  public static Tensor readTensor(byte[] bytes, String source) throws OnnxException {
    TensorDef t;
    try {
      t = OnnxProto.parseTensorFile(bytes);
    } catch (ProtoReader.ProtoException e) {
      throw malformed(source, e);
    }
    return TensorDecoding.decode(t, source, "tensor '" + t.name() + "'");
  }

  private static OnnxException malformed(String source, ProtoReader.ProtoException e) {
    String where = e instanceof OnnxProto.Located l ? " in " + l.where() : "";
    return new OnnxException(Kind.MALFORMED, source, "malformed protobuf at byte " + e.offset() + where + ": "
        + e.getMessage());
  }

  private static int opset(Model m, String source) throws OnnxException {
    Long version = m.opsets().containsKey("") ? m.opsets().get("") : m.opsets().get("ai.onnx");
    if (version == null) {
      throw new OnnxException(Kind.INVALID, source, "declares no opset for the default ONNX domain (opset_import "
          + m.opsets() + ")");
    }
    if (version < OpType.MIN_OPSET || version > OpType.MAX_OPSET) {
      throw new OnnxException(Kind.UNSUPPORTED, source, "opset " + version + " is not supported; expected "
          + OpType.MIN_OPSET + " to " + OpType.MAX_OPSET + " (convert the model with onnx.version_converter)");
    }
    return version.intValue();
  }

  private static Graph importGraph(GraphDef g, int opset, String source, Map<String, Tensor> constantInputs)
      throws OnnxException {
    if (g.sparseInitializers() > 0) {
      throw new OnnxException(Kind.UNSUPPORTED, source, "sparse initializers are not supported");
    }
    GraphBuilder builder = new GraphBuilder(g.name().isEmpty() ? source : g.name());
    Set<String> initialized = new HashSet<>();
    try {
      for (TensorDef t : g.initializers()) {
        builder.constant(t.name(), TensorDecoding.decode(t, source, "initializer '" + t.name() + "'"));
        initialized.add(t.name());
      }
      for (ValueInfoDef in : g.inputs()) {
        if (constantInputs.containsKey(in.name())) {
          builder.constant(in.name(), constantInputs.get(in.name()));
        } else if (!initialized.contains(in.name())) {
          ValueInfo info = input(in, source);
          builder.input(info.name(), info.type(), info.shape());
        }
      }
    } catch (GraphException e) {
      throw new OnnxException(Kind.INVALID, source, e.getMessage());
    }
    List<NodeDef> nodes = g.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      NodeDef def = nodes.get(i);
      String name = def.name().isEmpty() ? def.opType() + "_" + i : def.name();
      if (!def.domain().isEmpty() && !def.domain().equals("ai.onnx")) {
        throw new OnnxException(Kind.UNSUPPORTED, source, "node '" + name + "' uses operator '" + def.opType()
            + "' of domain '" + def.domain() + "'; only the default ONNX domain is supported, with operators: "
            + OpType.supportedNames());
      }
      OpType type = OpType.forOnnxName(def.opType()).orElseThrow(() -> new OnnxException(Kind.UNSUPPORTED, source,
          "node '" + name + "': operator '" + def.opType() + "' is not supported; supported operators are: "
              + OpType.supportedNames()));
      NodeImporter.importNode(new NodeContext(source, opset, builder, def, type, name));
    }
    for (ValueInfoDef out : g.outputs()) {
      declareOutput(builder, out, source);
    }
    try {
      return builder.build();
    } catch (GraphException e) {
      throw new OnnxException(e.unsupported() ? Kind.UNSUPPORTED : Kind.INVALID, source, e.getMessage());
    }
  }

  /** A graph input's declaration, with a symbolic first (batch) dimension bound to 1. */
  private static ValueInfo input(ValueInfoDef in, String source) throws OnnxException {
    String what = "graph input '" + in.name() + "'";
    if (!in.tensorType()) {
      throw new OnnxException(Kind.UNSUPPORTED, source, what + " is not a tensor (sequences, maps and optionals "
          + "are not supported)");
    }
    ElementType type = switch (in.elemType()) {
      case TensorDecoding.FLOAT -> ElementType.FLOAT;
      case TensorDecoding.INT64 -> ElementType.INT64;
      default -> throw new OnnxException(Kind.UNSUPPORTED, source, what + " has element type "
          + TensorDecoding.typeName(in.elemType()) + "; inputs must be FLOAT or INT64");
    };
    if (in.dims() == null) {
      throw new OnnxException(Kind.UNSUPPORTED, source, what + " has no shape; zkml4j needs static input shapes");
    }
    int[] dims = new int[in.dims().size()];
    for (int i = 0; i < dims.length; i++) {
      Dim d = in.dims().get(i);
      if (d.known() && d.value() <= Integer.MAX_VALUE) {
        dims[i] = (int) d.value();
      } else if (i == 0) {
        dims[i] = 1;
      } else {
        throw new OnnxException(Kind.UNSUPPORTED, source, what + " has the symbolic dimension '"
            + (d.param().isEmpty() ? "?" : d.param()) + "' at axis " + i
            + "; only the first (batch) dimension may be symbolic");
      }
    }
    try {
      return new ValueInfo(in.name(), type, Shape.of(dims));
    } catch (IllegalArgumentException e) {
      throw new OnnxException(Kind.UNSUPPORTED, source, what + ": " + e.getMessage());
    }
  }

  /** Declares an output and checks it against the type and the static dimensions the model states. */
  private static void declareOutput(GraphBuilder builder, ValueInfoDef out, String source) throws OnnxException {
    String what = "graph output '" + out.name() + "'";
    ValueInfo info;
    try {
      builder.output(out.name());
      info = builder.info(out.name()).orElseThrow();
    } catch (GraphException e) {
      throw new OnnxException(Kind.INVALID, source, e.getMessage());
    }
    ElementType declared = out.elemType() == 0 ? null : TensorDecoding.elementType(out.elemType());
    if (out.elemType() != 0 && declared != info.type()) {
      throw new OnnxException(Kind.UNSUPPORTED, source, what + " is declared " + TensorDecoding.typeName(out.elemType())
          + " but computes " + info.type());
    }
    if (out.dims() == null) {
      return;
    }
    boolean fits = out.dims().size() == info.shape().rank();
    for (int i = 0; fits && i < out.dims().size(); i++) {
      Dim d = out.dims().get(i);
      fits = !d.known() || d.value() == info.shape().dim(i) || i == 0;
    }
    if (!fits) {
      throw new OnnxException(Kind.INVALID, source, what + " is declared with shape " + out.dims().stream()
          .map(d -> d.known() ? String.valueOf(d.value()) : d.param().isEmpty() ? "?" : d.param()).toList()
          + " but computes " + info.shape());
    }
  }
}

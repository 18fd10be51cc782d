package org.zkml4j.model.onnx;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.OpType;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.ValueInfo;
import org.zkml4j.model.onnx.OnnxException.Kind;
import org.zkml4j.model.onnx.OnnxProto.AttributeDef;
import org.zkml4j.model.onnx.OnnxProto.NodeDef;

/**
 * One ONNX node being imported: typed access to its attributes (each read is recorded, so that
 * {@link #finish()} can reject any the importer did not understand), its inputs as the builder
 * knows them so far, and errors that name the file, the node and the operator.
 */
final class NodeContext {
  private static final String[] ATTRIBUTE_TYPES = {"UNDEFINED", "FLOAT", "INT", "STRING", "TENSOR", "GRAPH", "FLOATS",
      "INTS", "STRINGS", "TENSORS", "GRAPHS", "SPARSE_TENSOR", "SPARSE_TENSORS", "TYPE_PROTO", "TYPE_PROTOS"};

  final String source;
  final int opset;
  final GraphBuilder builder;
  final NodeDef def;
  final OpType type;
  final String name;
  private final Map<String, AttributeDef> attributes = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();

  NodeContext(String source, int opset, GraphBuilder builder, NodeDef def, OpType type, String name)
      throws OnnxException {
    this.source = source;
    this.opset = opset;
    this.builder = builder;
    this.def = def;
    this.type = type;
    this.name = name;
    for (AttributeDef a : def.attributes()) {
      if (attributes.put(a.name(), a) != null) {
        throw invalid("attribute '" + a.name() + "' is given twice");
      }
    }
  }

  OnnxException invalid(String what) {
    return new OnnxException(Kind.INVALID, source, prefix() + what);
  }

  OnnxException unsupported(String what) {
    return new OnnxException(Kind.UNSUPPORTED, source, prefix() + what);
  }

  private String prefix() {
    return "node '" + name + "' (" + def.opType() + ", opset " + opset + "): ";
  }

  /** Turns a builder error into an import error of the right kind, naming the file. */
  OnnxException wrap(GraphException e) {
    return new OnnxException(e.unsupported() ? Kind.UNSUPPORTED : Kind.INVALID, source, e.getMessage());
  }

  // ---- inputs and outputs

  /** The number of inputs, not counting trailing empty (omitted optional) ones. */
  int inputCount() {
    int n = def.inputs().size();
    while (n > 0 && def.inputs().get(n - 1).isEmpty()) {
      n--;
    }
    return n;
  }

  /** Input {@code i}'s name, or null when it is omitted. */
  String input(int i) {
    return i < def.inputs().size() && !def.inputs().get(i).isEmpty() ? def.inputs().get(i) : null;
  }

  void requireInputs(int min, int max) throws OnnxException {
    int n = inputCount();
    if (n < min || n > max) {
      throw invalid("expected " + (min == max ? min : min + " to " + max) + " inputs, got " + n);
    }
    for (int i = 0; i < min; i++) {
      if (input(i) == null) {
        throw invalid("required input " + i + " is empty");
      }
    }
  }

  /** The type and shape of input {@code i}, which must be present and defined. */
  ValueInfo info(int i) throws OnnxException {
    String in = input(i);
    if (in == null) {
      throw invalid("input " + i + " is missing");
    }
    return builder.info(in).orElseThrow(() -> invalid("input '" + in + "' is not defined before this node"));
  }

  /** The constant value of input {@code i}, or null when it is omitted. */
  Tensor constantInput(int i, String role) throws OnnxException {
    String in = input(i);
    if (in == null) {
      return null;
    }
    info(i);
    return builder.constantValue(in).orElseThrow(() -> unsupported("input " + i + " (" + role + ") '" + in
        + "' must be a constant (an initializer or computable at import), but it depends on the model's inputs"));
  }

  /** Input {@code i} as a constant list of integers (such as Reshape's shape), or null when omitted. */
  long[] constantInts(int i, String role) throws OnnxException {
    Tensor t = constantInput(i, role);
    if (t == null) {
      return null;
    }
    if (t.type() != ElementType.INT64 || t.shape().rank() > 1) {
      throw invalid("input " + i + " (" + role + ") must be a 1-D integer tensor, got " + t.type() + t.shape());
    }
    return t.toLongArray();
  }

  /** The first output's name. */
  String output() throws OnnxException {
    if (def.outputs().isEmpty() || def.outputs().get(0).isEmpty()) {
      throw invalid("has no output");
    }
    return def.outputs().get(0);
  }

  /** Rejects outputs past the first {@code supported} ones, unless they are omitted. */
  void requireOutputs(int supported, String what) throws OnnxException {
    for (int i = supported; i < def.outputs().size(); i++) {
      if (!def.outputs().get(i).isEmpty()) {
        throw unsupported("output " + i + " ('" + def.outputs().get(i) + "', " + what + ") is not supported");
      }
    }
  }

  /** Adds the node's op to the graph, reading {@code inputs} and defining the first output. */
  void add(Op op, List<String> inputs) throws OnnxException {
    try {
      builder.node(name, op, inputs, output());
    } catch (GraphException e) {
      throw wrap(e);
    }
  }

  /** Normalizes an axis in {@code [-rank, rank)} to {@code [0, rank)}. */
  int axis(long axis, int rank, String what) throws OnnxException {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw invalid(what + " " + axis + " is outside [" + -rank + ", " + rank + ")");
    }
    return (int) a;
  }

  // ---- attributes

  boolean has(String attribute) {
    return attributes.containsKey(attribute);
  }

  long intAttr(String attribute, long fallback) throws OnnxException {
    AttributeDef a = attr(attribute, 2);
    return a == null ? fallback : a.i();
  }

  float floatAttr(String attribute, float fallback) throws OnnxException {
    AttributeDef a = attr(attribute, 1);
    return a == null ? fallback : a.f();
  }

  String stringAttr(String attribute, String fallback) throws OnnxException {
    AttributeDef a = attr(attribute, 3);
    return a == null ? fallback : new String(a.s(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** An INTS attribute, or null when absent. */
  long[] intsAttr(String attribute) throws OnnxException {
    AttributeDef a = attr(attribute, 7);
    return a == null ? null : a.ints();
  }

  /** A FLOATS attribute, or null when absent. */
  float[] floatsAttr(String attribute) throws OnnxException {
    AttributeDef a = attr(attribute, 6);
    return a == null ? null : a.floats();
  }

  /** A TENSOR attribute, decoded, or null when absent. */
  Tensor tensorAttr(String attribute) throws OnnxException {
    AttributeDef a = attr(attribute, 4);
    return a == null ? null : TensorDecoding.decode(a.t(), source, prefix() + "attribute '" + attribute + "'");
  }

  /** An INTS attribute as ints of an expected length, or {@code fallback} when absent. */
  int[] intList(String attribute, int length, int fallback) throws OnnxException {
    long[] v = intsAttr(attribute);
    int[] out = new int[length];
    if (v == null) {
      Arrays.fill(out, fallback);
      return out;
    }
    if (v.length != length) {
      throw invalid("attribute '" + attribute + "' has " + v.length + " values, expected " + length);
    }
    for (int i = 0; i < length; i++) {
      out[i] = toInt(v[i], attribute);
    }
    return out;
  }

  int toInt(long v, String what) throws OnnxException {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw invalid(what + " value " + v + " is out of range");
    }
    return (int) v;
  }

  /** Marks an attribute as understood without reading it (one that does not affect inference). */
  void ignore(String attribute) {
    read.add(attribute);
  }

  /** Rejects any attribute the import of this node did not read. */
  void finish() throws OnnxException {
    for (String a : attributes.keySet()) {
      if (!read.contains(a)) {
        throw unsupported("attribute '" + a + "' is not supported for " + def.opType());
      }
    }
  }

  private AttributeDef attr(String attribute, int expectedType) throws OnnxException {
    read.add(attribute);
    AttributeDef a = attributes.get(attribute);
    if (a != null && a.type() != expectedType) {
      throw invalid("attribute '" + attribute + "' should be " + ATTRIBUTE_TYPES[expectedType] + ", but is "
          + (a.type() >= 0 && a.type() < ATTRIBUTE_TYPES.length ? ATTRIBUTE_TYPES[a.type()] : "type " + a.type()));
    }
    return a;
  }
}

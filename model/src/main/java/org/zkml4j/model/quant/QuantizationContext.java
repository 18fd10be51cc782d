package org.zkml4j.model.quant;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Node;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;

/**
 * The state of one quantization pass: the float graph and its calibration, the tensors, parameters
 * and layers made so far, and the scale rules of {@link QuantizationOptions}. The per-op rules
 * ({@link LinearRules}, {@link ElementwiseRules}, {@link StructureRules}) read operands and emit
 * layers through it.
 */
final class QuantizationContext {
  final Graph graph;
  final Calibration calibration;
  final QuantizationOptions options;
  final Map<String, QuantizedTensor> tensors = new LinkedHashMap<>();
  final Map<String, Parameter> parameters = new LinkedHashMap<>();
  final List<QuantizedLayer> layers = new ArrayList<>();
  /** Layers whose accumulator may exceed a long: {@link QuantizedGraph#evaluate} runs them on BigIntegers. */
  final Set<String> wideLayers = new HashSet<>();
  /** Product outputs that must rescale although their readers would allow deferring it (from earlier passes). */
  private final Set<String> forced;
  /** Per tensor, the product outputs whose skipped rescale flows into it (through sums, pools, wiring). */
  private final Map<String, Set<String>> deferredInto = new LinkedHashMap<>();

  QuantizationContext(Graph graph, Calibration calibration, QuantizationOptions options, Set<String> forced) {
    this.graph = graph;
    this.calibration = calibration;
    this.options = options;
    this.forced = forced;
  }

  /**
   * Whether a product layer may hand on its accumulator (bits {@code accBits}) without rescaling:
   * when it is not forced to rescale, every reader is polynomial (a product, a sum, an average pool,
   * wiring), or it is a graph output, and the accumulator stays within {@link IntegerBounds#WIDE_BITS}.
   */
  boolean deferRescale(Node node, int accBits) {
    String value = node.output();
    if (forced.contains(value) || accBits > IntegerBounds.WIDE_BITS) {
      return false;
    }
    boolean output = graph.outputs().stream().anyMatch(o -> o.name().equals(value));
    List<Node> readers = graph.consumers(value);
    if (readers.isEmpty() && !output) {
      return false;
    }
    return readers.stream().allMatch(n -> polynomial(n.op()));
  }

  /** Ops that read a wide tensor exactly, without comparing it. */
  static boolean polynomial(Op op) {
    return switch (op) {
      case Op.Conv c -> true;
      case Op.Gemm g -> true;
      case Op.MatMul m -> true;
      case Op.ChannelAffine a -> true;
      case Op.Add a -> true;
      case Op.Sub s -> true;
      case Op.Mul m -> true;
      case Op.Div d -> true;
      case Op.AveragePool p -> true;
      case Op.GlobalAveragePool g -> true;
      case Op.Flatten f -> true;
      case Op.Reshape r -> true;
      case Op.Squeeze s -> true;
      case Op.Unsqueeze u -> true;
      case Op.Transpose t -> true;
      case Op.Pad p -> true;
      case Op.Gather g -> true;
      case Op.Concat c -> true;
      default -> false;
    };
  }

  /** Records that {@code node}'s output carries the skipped rescales of its runtime inputs (and its own, if {@code deferred}). */
  void trackDeferral(Node node, boolean deferred) {
    Set<String> s = new LinkedHashSet<>();
    if (polynomial(node.op())) {
      for (String in : node.inputs()) {
        s.addAll(deferredInto.getOrDefault(in, Set.of()));
      }
    }
    if (deferred) {
      s.add(node.output());
    }
    deferredInto.put(node.output(), s);
  }

  /**
   * A failure that a rescale earlier in the graph avoids: the nearest product layer whose skipped
   * rescale flows into {@code values} is forced to rescale and the graph is quantized again (each
   * pass forces one more, so the passes end); with none to force, the plain error.
   */
  QuantizationException retry(List<String> values, QuantizationException otherwise) {
    Set<String> culprits = new LinkedHashSet<>();
    values.forEach(v -> culprits.addAll(deferredInto.getOrDefault(v, Set.of())));
    culprits.removeAll(forced);
    if (culprits.isEmpty()) {
      return otherwise;
    }
    // Rescale the nearest deferred product first: one rescale there usually suffices, and costs less than many.
    String nearest = null;
    for (Node n : graph.nodes()) {
      if (culprits.contains(n.output())) {
        nearest = n.output();
      }
    }
    return new RescaleEarlier(Set.of(nearest), otherwise.getMessage());
  }

  /** Thrown inside a pass when a deferred rescale must happen after all; {@link Quantizer} retries. */
  static final class RescaleEarlier extends QuantizationException {
    private static final long serialVersionUID = 1L;
    final transient Set<String> products;

    RescaleEarlier(Set<String> products, String message) {
      super(message);
      this.products = Set.copyOf(products);
    }
  }

  /** Fails unless the runtime operand i is narrow: a comparison or other non-polynomial op reads it. */
  QuantizedTensor narrow(Node node, int i) throws QuantizationException {
    QuantizedTensor t = runtime(node, i);
    if (t.wide()) {
      throw retry(List.of(t.name()), unsupported(node, "operand '" + t.name() + "' has " + t.bits()
          + " bits, more than " + IntegerBounds.MAX_BITS + "; quantize with fewer input, weight or activation bits"));
    }
    return t;
  }

  /** The quantized runtime tensor of an operand, or null when the operand is a constant. */
  QuantizedTensor tensor(String value) {
    return tensors.get(value);
  }

  /** The runtime tensor of a node's operand i; fails if it is a constant or an index. */
  QuantizedTensor runtime(Node node, int i) throws QuantizationException {
    String value = node.inputs().get(i);
    QuantizedTensor t = tensors.get(value);
    if (t == null) {
      throw unsupported(node, "operand " + i + " ('" + value + "') must be a runtime value, not a constant");
    }
    if (t.kind() != QuantizedTensor.Kind.FIXED_POINT) {
      throw unsupported(node, "operand " + i + " ('" + value + "') is an index tensor; only real values are supported");
    }
    return t;
  }

  /** The constant of a node's operand i, or null when it is a runtime value. */
  Tensor constant(Node node, int i) {
    return graph.constant(node.inputs().get(i)).orElse(null);
  }

  /** The constant of a node's operand i; fails if it is a runtime value. */
  Tensor requireConstant(Node node, int i, String role) throws QuantizationException {
    Tensor t = constant(node, i);
    if (t == null) {
      throw unsupported(node, "the " + role + " ('" + node.inputs().get(i) + "') must be a constant");
    }
    return t;
  }

  Shape outputShape(Node node) {
    return graph.info(node.output()).orElseThrow().shape();
  }

  /** The scale of a rescaled activation: its calibrated range times the headroom within activationBits. */
  int activationScale(String value) {
    Calibration.Range r = calibration.range(value).orElse(new Calibration.Range(0, 0));
    double width = ((double) Math.max(0f, r.max()) - Math.min(0f, r.min())) * options.headroom();
    return scaleFor(width, Math.pow(2, options.activationBits()) - 1);
  }

  /** The scale at which the greatest magnitude fills weightBits signed bits. */
  int weightScale(double maxAbs) {
    return scaleFor(maxAbs, Math.pow(2, options.weightBits() - 1) - 1);
  }

  /** The largest s &lt;= maxFractionalBits with width * 2^s &lt;= limit (maxFractionalBits for width 0). */
  int scaleFor(double width, double limit) {
    if (!(width > 0) || Double.isInfinite(width)) {
      return options.maxFractionalBits();
    }
    int s = (int) Math.floor(Math.log(limit / width) / Math.log(2));
    while (Math.scalb(width, s) > limit) {
      s--;
    }
    while (s < options.maxFractionalBits() && Math.scalb(width, s + 1) <= limit) {
      s++;
    }
    return Math.min(s, options.maxFractionalBits());
  }

  /** round(x * 2^scale), half up; fails if it does not fit MAX_BITS. */
  long quantize(Node node, double x, int scale) throws QuantizationException {
    double scaled = Math.scalb(x, scale);
    if (!(Math.abs(scaled) < 0x1p59)) {
      throw new QuantizationException("node '" + node.name() + "' (" + node.op().onnxName() + "): the constant " + x
          + " at scale " + scale + " does not fit " + IntegerBounds.MAX_BITS + " bits");
    }
    return Math.round(scaled);
  }

  /** Every element of a float constant, quantized (multiplied by {@code factor} first). */
  long[] quantize(Node node, Tensor t, double factor, int scale) throws QuantizationException {
    long[] q = new long[t.size()];
    for (int i = 0; i < q.length; i++) {
      q[i] = quantize(node, factor * t.getFloat(i), scale);
    }
    return q;
  }

  static double maxAbs(Tensor t, double factor) {
    double m = 0;
    for (int i = 0; i < t.size(); i++) {
      m = Math.max(m, Math.abs(factor * t.getFloat(i)));
    }
    return m;
  }

  /** Registers a parameter named {@code <node>.<role>} and returns its name. */
  String parameter(Node node, String role, Shape shape, int scale, long[] values) {
    String name = node.name() + "." + role;
    for (int i = 1; parameters.containsKey(name) || graph.info(name).isPresent(); i++) {
      name = node.name() + "." + role + "_" + i;
    }
    parameters.put(name, new Parameter(name, shape, scale, values));
    return name;
  }

  /** Adds a layer whose output is a fixed-point tensor with the given scale and interval. */
  void emit(Node node, QuantizedOp op, List<String> inputs, int scale, long min, long max)
      throws QuantizationException {
    emit(node, op, inputs, scale, BigInteger.valueOf(min), BigInteger.valueOf(max));
  }

  /** Adds a layer whose output is a fixed-point tensor with the given scale and interval. */
  void emit(Node node, QuantizedOp op, List<String> inputs, int scale, BigInteger min, BigInteger max)
      throws QuantizationException {
    emit(node, op, inputs, new QuantizedTensor(node.output(), outputShape(node), scale, min, max,
        QuantizedTensor.Kind.FIXED_POINT));
  }

  /**
   * Adds a layer. Its output may be wide (up to {@link IntegerBounds#WIDE_BITS}) only where the
   * product rules chose to defer a rescale, which {@link #trackDeferral} has recorded: any other
   * layer widening past {@link IntegerBounds#MAX_BITS} makes the deferred rescales upstream happen.
   */
  void emit(Node node, QuantizedOp op, List<String> inputs, QuantizedTensor out) throws QuantizationException {
    if (!deferredInto.containsKey(out.name())) {
      trackDeferral(node, false);
    }
    boolean allowedWide = !deferredInto.get(out.name()).isEmpty();
    int limit = allowedWide ? IntegerBounds.WIDE_BITS : IntegerBounds.MAX_BITS;
    if (out.bits() > limit) {
      throw retry(node.inputs(), tooWide(node, out.name(), out.bits(), limit));
    }
    if (out.scale() < -IntegerBounds.WIDE_BITS || out.scale() > IntegerBounds.WIDE_BITS) {
      throw new QuantizationException("node '" + node.name() + "' (" + node.op().onnxName() + "): scale "
          + out.scale() + " of '" + out.name() + "' is out of range");
    }
    tensors.put(out.name(), out);
    layers.add(new QuantizedLayer(node.name(), node.op(), op, inputs, out.name()));
  }

  /** True when a value is read only by ArgMax nodes (directly, or through an output Softmax) and is not a graph output. */
  boolean onlyFeedsArgMax(String value) {
    if (graph.outputs().stream().anyMatch(o -> o.name().equals(value))) {
      return false;
    }
    List<Node> readers = graph.consumers(value);
    if (readers.isEmpty()) {
      return false;
    }
    for (Node n : readers) {
      boolean ok = n.op() instanceof Op.ArgMax
          || ((n.op() instanceof Op.Softmax || n.op() instanceof Op.LogSoftmax) && onlyFeedsArgMax(n.output()));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  QuantizationException unsupported(Node node, String why) {
    return new QuantizationException("node '" + node.name() + "' (" + node.op().onnxName() + "): " + why);
  }

  QuantizationException tooWide(Node node, String what, int bits) {
    return tooWide(node, what, bits, IntegerBounds.MAX_BITS);
  }

  QuantizationException tooWide(Node node, String what, int bits, int limit) {
    return new QuantizationException("node '" + node.name() + "' (" + node.op().onnxName() + "): '" + what
        + "' would need " + bits + " bits, more than " + limit
        + "; quantize with fewer input, weight or activation bits");
  }

  /** As {@link #tooWide}, for an accumulator past {@link IntegerBounds#WIDE_BITS}. */
  QuantizationException tooWideAccumulator(Node node, int bits) {
    return tooWide(node, "the accumulator of " + node.output(), bits, IntegerBounds.WIDE_BITS);
  }
}

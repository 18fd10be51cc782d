package org.zkml4j.model.quant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Node;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.ValueInfo;

/**
 * Turns a float {@link Graph} into a {@link QuantizedGraph}: calibrates on sample inputs, chooses a
 * power-of-two scale per tensor ({@link QuantizationOptions} says how), quantizes the weights, and
 * derives every tensor's proven interval from the inputs' declared bounds forward.
 *
 * <p>Where the rescales go, to keep circuits cheap: after a product layer (Conv, Gemm, MatMul, Mul,
 * an unfolded BatchNormalization), back to the activation scale, where a following ReLU reuses the
 * rescale's sign bit; nowhere else. A rescale costs about one constraint per bit of the
 * accumulator per element, so it is deferred where it can be: a product whose readers are all
 * polynomial (products, sums, folded average pools, wiring) hands on its accumulator as a wide
 * tensor ({@link IntegerBounds}), which a later product or the comparison that finally needs a
 * narrow value rescales once. With fixed weights an x^2 network then costs one constraint per
 * square. When a deferred accumulator would grow past {@link IntegerBounds#WIDE_BITS}, or reach a
 * non-polynomial op or a graph output wide, the pass is repeated with those products forced to
 * rescale. A graph output may stay unrescaled and wide too: its integers are public signals (far
 * below r), and its recorded scale turns them into real numbers. BatchNormalization is already folded into the Conv or Gemm
 * before it by the graph builder; average pools whose divisor is a power of two and multiplications
 * or divisions by a power of two become scale changes; a rescale whose only reader is an ArgMax is
 * dropped.
 */
public final class Quantizer {
  private Quantizer() {}

  /**
   * Calibrates on {@code samples} and quantizes.
   *
   * @param samples at least one; each holds one float tensor per graph input, in order
   * @throws QuantizationException naming the node and op, for an unsupported op or a bound too wide
   * @throws IllegalArgumentException if there are no samples or a sample does not fit the inputs
   */
  public static QuantizedGraph quantize(Graph graph, List<List<Tensor>> samples, QuantizationOptions options)
      throws QuantizationException {
    return quantize(graph, Calibration.observe(graph, samples), options);
  }

  /** Quantizes with ranges already observed. */
  public static QuantizedGraph quantize(Graph graph, Calibration calibration, QuantizationOptions options)
      throws QuantizationException {
    Set<String> forced = new HashSet<>();
    while (true) {
      try {
        return pass(graph, calibration, options, forced);
      } catch (QuantizationContext.RescaleEarlier e) {
        forced.addAll(e.products);
      }
    }
  }

  /** One quantization pass with the given products forced to rescale. */
  private static QuantizedGraph pass(Graph graph, Calibration calibration, QuantizationOptions options,
      Set<String> forced) throws QuantizationException {
    QuantizationContext ctx = new QuantizationContext(graph, calibration, options, forced);
    List<QuantizedTensor> inputs = new ArrayList<>();
    for (ValueInfo in : graph.inputs()) {
      QuantizedTensor q = input(ctx, in);
      ctx.tensors.put(q.name(), q);
      inputs.add(q);
    }
    for (Node node : graph.nodes()) {
      layer(ctx, node);
    }
    List<QuantizedTensor> outputs = new ArrayList<>();
    for (ValueInfo out : graph.outputs()) {
      QuantizedTensor t = ctx.tensors.get(out.name());
      if (t == null) {
        throw new QuantizationException("graph output '" + out.name() + "' is a constant; a proven model output must"
            + " depend on the inputs");
      }
      outputs.add(t);
    }
    return new QuantizedGraph(graph.name(), inputs, ctx.layers, outputs, ctx.tensors, ctx.parameters, options,
        ctx.wideLayers);
  }

  /**
   * An input's scale and declared bound: the calibrated range, widened to include 0 and by the
   * input headroom, at the largest scale spanning at most inputBits bits, rounded out to
   * [0, 2^m) when it is non-negative, else to a signed range [-2^(b-1), 2^(b-1)).
   */
  private static QuantizedTensor input(QuantizationContext ctx, ValueInfo in) throws QuantizationException {
    if (in.type() != ElementType.FLOAT) {
      throw new QuantizationException("graph input '" + in.name() + "' is " + in.type() + "; only float inputs are"
          + " supported");
    }
    Calibration.Range r = ctx.calibration.range(in.name()).orElse(new Calibration.Range(0, 0));
    double h = ctx.options.inputHeadroom();
    double lo = Math.min(0, r.min()) * h;
    double hi = Math.max(0, r.max()) * h;
    int s = ctx.scaleFor(hi - lo, Math.pow(2, ctx.options.inputBits()) - 1);
    long qlo = Math.round(Math.scalb(lo, s));
    long qhi = Math.round(Math.scalb(hi, s));
    if (qlo >= 0) {
      int m = Math.max(1, 64 - Long.numberOfLeadingZeros(qhi));
      return new QuantizedTensor(in.name(), in.shape(), s, 0, (1L << m) - 1, QuantizedTensor.Kind.FIXED_POINT);
    }
    int b = IntegerBounds.signedBits(qlo, qhi);
    return new QuantizedTensor(in.name(), in.shape(), s, -(1L << (b - 1)), (1L << (b - 1)) - 1,
        QuantizedTensor.Kind.FIXED_POINT);
  }

  private static void layer(QuantizationContext ctx, Node node) throws QuantizationException {
    if (!QuantizationContext.polynomial(node.op())) {
      for (int i = 0; i < node.inputs().size(); i++) {
        QuantizedTensor t = ctx.tensor(node.inputs().get(i));
        if (t != null && t.kind() == QuantizedTensor.Kind.FIXED_POINT) {
          ctx.narrow(node, i);
        }
      }
    }
    switch (node.op()) {
      case Op.Conv c -> LinearRules.conv(ctx, node, c);
      case Op.Gemm g -> LinearRules.gemm(ctx, node, g);
      case Op.MatMul m -> LinearRules.matMul(ctx, node);
      case Op.ChannelAffine a -> LinearRules.channelAffine(ctx, node);
      case Op.Add a -> ElementwiseRules.add(ctx, node, false);
      case Op.Sub s -> ElementwiseRules.add(ctx, node, true);
      case Op.Mul m -> ElementwiseRules.mul(ctx, node, false);
      case Op.Div d -> ElementwiseRules.mul(ctx, node, true);
      case Op.Relu r -> ElementwiseRules.relu(ctx, node);
      case Op.LeakyRelu r -> ElementwiseRules.leakyRelu(ctx, node, r);
      case Op.PRelu p -> ElementwiseRules.prelu(ctx, node);
      case Op.Clip c -> ElementwiseRules.clip(ctx, node, c);
      case Op.Sigmoid s -> ElementwiseRules.sigmoid(ctx, node, false);
      case Op.Tanh t -> ElementwiseRules.sigmoid(ctx, node, true);
      case Op.MaxPool p -> StructureRules.maxPool(ctx, node, p);
      case Op.AveragePool p -> StructureRules.averagePool(ctx, node, p.window(), p.countIncludePad());
      case Op.GlobalAveragePool g -> StructureRules.globalAveragePool(ctx, node);
      case Op.ArgMax a -> StructureRules.argMax(ctx, node, a);
      case Op.Softmax s -> StructureRules.softmax(ctx, node, s.axis(), false);
      case Op.LogSoftmax s -> StructureRules.softmax(ctx, node, s.axis(), true);
      case Op.Flatten f -> StructureRules.wiring(ctx, node, new QuantizedOp.Reshape());
      case Op.Reshape r -> StructureRules.wiring(ctx, node, new QuantizedOp.Reshape());
      case Op.Squeeze s -> StructureRules.wiring(ctx, node, new QuantizedOp.Reshape());
      case Op.Unsqueeze u -> StructureRules.wiring(ctx, node, new QuantizedOp.Reshape());
      case Op.Transpose t -> StructureRules.wiring(ctx, node, new QuantizedOp.Transpose(t.perm()));
      case Op.Pad p -> StructureRules.pad(ctx, node, p);
      case Op.Gather g -> StructureRules.gather(ctx, node, g);
      case Op.Concat c -> StructureRules.concat(ctx, node, c);
    }
  }
}

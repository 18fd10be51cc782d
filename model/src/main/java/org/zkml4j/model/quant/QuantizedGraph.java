package org.zkml4j.model.quant;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;

/**
 * A network in exact integer arithmetic: the contract between the model side and every proof
 * backend (DESIGN §2, §3). It keeps the float graph's layer structure (shapes, integer weights as
 * {@link Parameter}s, op parameters) and gives every runtime tensor a scale and a proven interval
 * ({@link QuantizedTensor}). {@link #evaluate} is the exact semantics, layer by layer as
 * {@link QuantizedOp} defines them; a circuit compiled from this graph must produce the same
 * integers, value for value.
 *
 * <p>Narrow tensors are evaluated on longs; a layer that reads or writes a wide tensor, or whose
 * accumulator may exceed a long, on BigIntegers ({@link WideKernels}), one per element. That path
 * is the reference semantics and a test oracle, not the prover's hot loop: the witness is solved
 * by the circuit itself in field arithmetic. Inputs are always narrow; an output may be wide.
 *
 * <p>Made by {@link Quantizer}. Immutable and thread-safe.
 */
public final class QuantizedGraph {
  private final String name;
  private final List<QuantizedTensor> inputs;
  private final List<QuantizedLayer> layers;
  private final List<QuantizedTensor> outputs;
  private final Map<String, QuantizedTensor> tensors;
  private final Map<String, Parameter> parameters;
  private final Map<String, QuantizedLayer> producers;
  private final QuantizationOptions options;
  private final Set<String> wideLayers;

  QuantizedGraph(String name, List<QuantizedTensor> inputs, List<QuantizedLayer> layers,
      List<QuantizedTensor> outputs, Map<String, QuantizedTensor> tensors, Map<String, Parameter> parameters,
      QuantizationOptions options, Set<String> wideLayers) {
    this.name = name;
    this.inputs = List.copyOf(inputs);
    this.layers = List.copyOf(layers);
    this.outputs = List.copyOf(outputs);
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Map<String, QuantizedLayer> p = new LinkedHashMap<>();
    layers.forEach(l -> p.put(l.output(), l));
    this.producers = Collections.unmodifiableMap(p);
    this.options = options;
    this.wideLayers = Set.copyOf(wideLayers);
  }

  public String name() {
    return name;
  }

  /** The runtime inputs, in the order a caller passes them, with their declared bounds. */
  public List<QuantizedTensor> inputs() {
    return inputs;
  }

  /** The layers in evaluation order. */
  public List<QuantizedLayer> layers() {
    return layers;
  }

  /** The outputs, in order. */
  public List<QuantizedTensor> outputs() {
    return outputs;
  }

  /** The parameters in the order the layers first use them (the order a weight commitment hashes them in). */
  public List<Parameter> parameters() {
    return List.copyOf(parameters.values());
  }

  /** The runtime tensor of this name (an input or a layer's output). */
  public QuantizedTensor tensor(String value) {
    QuantizedTensor t = tensors.get(value);
    if (t == null) {
      throw new IllegalArgumentException("graph '" + name + "' has no runtime tensor '" + value + "'");
    }
    return t;
  }

  /** The parameter of this name, if there is one. */
  public Optional<Parameter> parameter(String value) {
    return Optional.ofNullable(parameters.get(value));
  }

  /** The layer computing a tensor; empty for inputs. */
  public Optional<QuantizedLayer> producer(String value) {
    return Optional.ofNullable(producers.get(value));
  }

  /** The shape of a runtime tensor or parameter. */
  public Shape shapeOf(String value) {
    Parameter p = parameters.get(value);
    return p != null ? p.shape() : tensor(value).shape();
  }

  /** The settings the graph was quantized with. */
  public QuantizationOptions options() {
    return options;
  }

  /**
   * The outputs for integer inputs, each narrow output as longs ({@link #evaluateExact} reads wide
   * outputs too).
   *
   * @param inputValues one array per {@link #inputs()}, row-major, each element inside its declared bound
   * @throws IllegalArgumentException naming the input and element, if an array has the wrong length
   *     or a value is outside the declared bound
   * @throws IllegalStateException if an output is {@linkplain QuantizedTensor#wide() wide}
   */
  public List<long[]> evaluate(List<long[]> inputValues) {
    for (QuantizedTensor o : outputs) {
      if (o.wide()) {
        throw new IllegalStateException("output '" + o.name() + "' is wide (" + o.bits() + " bits) and does not fit a"
            + " long; read it with evaluateExact");
      }
    }
    Map<String, Object> all = run(inputValues);
    List<long[]> out = new ArrayList<>();
    outputs.forEach(o -> out.add(((long[]) all.get(o.name())).clone()));
    return out;
  }

  /**
   * The outputs for integer inputs as exact signed integers, narrow or {@linkplain
   * QuantizedTensor#wide() wide} (an output whose rescale was deferred: the public signals carry
   * it unrescaled, at its recorded scale).
   *
   * @throws IllegalArgumentException as {@link #evaluate}
   */
  public List<BigInteger[]> evaluateExact(List<long[]> inputValues) {
    Map<String, Object> all = run(inputValues);
    List<BigInteger[]> out = new ArrayList<>();
    outputs.forEach(o -> out.add(all.get(o.name()) instanceof long[] l ? WideKernels.widen(l)
        : ((BigInteger[]) all.get(o.name())).clone()));
    return out;
  }

  /**
   * Every runtime tensor's integers for the given inputs: the inputs, then each layer's output in
   * layer order, as signed BigIntegers (wide tensors do not fit a long). What a circuit's witness
   * must reproduce.
   *
   * @throws IllegalArgumentException as {@link #evaluate}
   */
  public Map<String, BigInteger[]> evaluateAll(List<long[]> inputValues) {
    Map<String, BigInteger[]> out = new LinkedHashMap<>();
    run(inputValues).forEach((k, v) -> out.put(k, v instanceof long[] l ? WideKernels.widen(l) : (BigInteger[]) v));
    return out;
  }

  /** Each tensor's values: a long[] for a narrow tensor, a BigInteger[] for a wide one. */
  private Map<String, Object> run(List<long[]> inputValues) {
    checkInputs(inputValues);
    Map<String, Object> env = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      env.put(inputs.get(i).name(), inputValues.get(i).clone());
    }
    List<Object> args = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    for (QuantizedLayer layer : layers) {
      args.clear();
      shapes.clear();
      QuantizedTensor out = tensors.get(layer.output());
      boolean wide = out.wide() || wideLayers.contains(layer.output());
      for (String in : layer.inputs()) {
        Parameter p = parameters.get(in);
        Object v = p != null ? p.data() : env.get(in);
        wide |= v instanceof BigInteger[];
        args.add(v);
        shapes.add(shapeOf(in));
      }
      if (wide) {
        List<BigInteger[]> wideArgs = new ArrayList<>();
        args.forEach(a -> wideArgs.add(a instanceof long[] l ? WideKernels.widen(l) : (BigInteger[]) a));
        BigInteger[] y = WideKernels.apply(layer.op(), wideArgs, shapes, out.shape());
        for (int i = 0; i < y.length; i++) {
          if (y[i].compareTo(out.lower()) < 0 || y[i].compareTo(out.upper()) > 0) {
            throw outsideBound(layer, i, y[i].toString(), out);
          }
        }
        env.put(layer.output(), out.wide() ? y : WideKernels.narrow(y));
        continue;
      }
      List<long[]> longArgs = new ArrayList<>();
      args.forEach(a -> longArgs.add((long[]) a));
      long[] y = IntegerKernels.apply(layer.op(), longArgs, shapes, out.shape());
      long min = out.min();
      long max = out.max();
      for (int i = 0; i < y.length; i++) {
        if (y[i] < min || y[i] > max) {
          throw outsideBound(layer, i, String.valueOf(y[i]), out);
        }
      }
      env.put(layer.output(), y);
    }
    return env;
  }

  private static IllegalStateException outsideBound(QuantizedLayer layer, int i, String value, QuantizedTensor out) {
    return new IllegalStateException("layer '" + layer.name() + "': element " + i + " = " + value
        + " is outside the proven bound of " + out + "; the bound analysis is wrong");
  }

  /**
   * Input {@code index} as integers: round(x * 2^scale) per element, rounding half up.
   *
   * @throws IllegalArgumentException if the tensor's shape is not the input's, or an element
   *     falls outside the declared bound
   */
  public long[] quantize(int index, Tensor value) {
    QuantizedTensor in = inputs.get(index);
    if (!value.shape().equals(in.shape())) {
      throw new IllegalArgumentException("input '" + in.name() + "' must have shape " + in.shape() + ", got "
          + value.shape());
    }
    long[] q = new long[value.size()];
    for (int i = 0; i < q.length; i++) {
      double scaled = Math.scalb((double) value.getFloat(i), in.scale());
      if (!(Math.abs(scaled) < 0x1p62)) {
        throw new IllegalArgumentException(outside(in, i, String.valueOf(value.getFloat(i))));
      }
      q[i] = Math.round(scaled);
      if (q[i] < in.min() || q[i] > in.max()) {
        throw new IllegalArgumentException(outside(in, i, value.getFloat(i) + " (integer " + q[i] + ")"));
      }
    }
    return q;
  }

  /** {@link #quantize(int, Tensor)} of every input, in order. */
  public List<long[]> quantize(List<Tensor> values) {
    if (values.size() != inputs.size()) {
      throw new IllegalArgumentException("graph '" + name + "' takes " + inputs.size() + " inputs, got " + values.size());
    }
    List<long[]> q = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      q.add(quantize(i, values.get(i)));
    }
    return q;
  }

  /**
   * Output {@code index} as real numbers: v / 2^scale per element (indices as they are), and for an
   * output computed by a {@link QuantizedOp.Softmax} the softmax (or log-softmax) of those logits.
   */
  public Tensor dequantize(int index, long[] values) {
    return dequantize(index, WideKernels.widen(values));
  }

  /** As {@link #dequantize(int, long[])}, for integers of any width (a wide output's). */
  public Tensor dequantize(int index, BigInteger[] values) {
    QuantizedTensor out = outputs.get(index);
    float[] y = new float[values.length];
    double[] real = new double[values.length];
    for (int i = 0; i < y.length; i++) {
      real[i] = out.dequantize(values[i]);
    }
    QuantizedLayer producer = producers.get(out.name());
    if (producer != null && producer.op() instanceof QuantizedOp.Softmax s) {
      softmax(real, out.shape(), s.axis(), s.log());
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) real[i];
    }
    return Tensor.ofFloats(out.shape(), y);
  }

  /** One line per input, layer and output. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("quantized graph '" + name + "'\n");
    inputs.forEach(i -> s.append("  input  ").append(i).append('\n'));
    for (QuantizedLayer l : layers) {
      s.append("  ").append(l).append("  => ").append(tensors.get(l.output())).append('\n');
    }
    outputs.forEach(o -> s.append("  output ").append(o).append('\n'));
    return s.toString();
  }

  /**
   * Checks integer inputs against the declared inputs: one array per input, of its size, every
   * element inside its bound.
   *
   * @throws IllegalArgumentException naming the input and element that does not fit
   */
  public void checkInputs(List<long[]> values) {
    if (values.size() != inputs.size()) {
      throw new IllegalArgumentException("graph '" + name + "' takes " + inputs.size() + " inputs, got " + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      QuantizedTensor in = inputs.get(i);
      long[] v = values.get(i);
      if (v.length != in.shape().size()) {
        throw new IllegalArgumentException("input '" + in.name() + "' has " + in.shape().size() + " elements "
            + in.shape() + ", got " + v.length);
      }
      for (int j = 0; j < v.length; j++) {
        if (v[j] < in.min() || v[j] > in.max()) {
          throw new IllegalArgumentException(outside(in, j, String.valueOf(v[j])));
        }
      }
    }
  }

  static String outside(QuantizedTensor in, int element, String value) {
    return "input '" + in.name() + "' element " + element + " = " + value + " is outside the declared bound ["
        + in.min() + ", " + in.max() + "] at scale " + in.scale() + " (reals [" + in.dequantize(in.min()) + ", "
        + in.dequantize(in.max()) + "])";
  }

  private static void softmax(double[] x, Shape shape, int axis, boolean log) {
    int n = shape.dim(axis);
    int inner = shape.sizeOf(axis + 1, shape.rank());
    int outer = shape.sizeOf(0, axis);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * n * inner + i;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          max = Math.max(max, x[base + j * inner]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += Math.exp(x[base + j * inner] - max);
        }
        double logSum = Math.log(sum);
        for (int j = 0; j < n; j++) {
          double shifted = x[base + j * inner] - max;
          x[base + j * inner] = log ? shifted - logSum : Math.exp(shifted) / sum;
        }
      }
    }
  }
}

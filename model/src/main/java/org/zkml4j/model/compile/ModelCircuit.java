package org.zkml4j.model.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Circuit;
import org.zkml4j.circuit.api.Scope;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.rangecheck.RangeCheck;
import org.zkml4j.model.quant.Parameter;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * The circuit of a {@link QuantizedGraph} under a {@link Visibility}: declares the signals, range
 * checks what the prover supplies, lowers each layer in its own scope, commits what is hashed, and
 * declares the outputs in the order {@link CompiledModel} documents.
 */
final class ModelCircuit implements Circuit {
  static final String INPUTS_SCOPE = "inputs";
  static final String WEIGHTS_SCOPE = "weights";
  static final String COMMITMENTS_SCOPE = "commitments";
  static final String PROBES_SCOPE = "probes";

  private final QuantizedGraph graph;
  private final Visibility visibility;
  private final boolean probes;
  private final Map<String, String> scopes = new LinkedHashMap<>();

  ModelCircuit(QuantizedGraph graph, Visibility visibility, boolean probes) {
    this.graph = graph;
    this.visibility = visibility;
    this.probes = probes;
    List<String> taken = new ArrayList<>(List.of(INPUTS_SCOPE, WEIGHTS_SCOPE, COMMITMENTS_SCOPE, PROBES_SCOPE));
    for (QuantizedLayer layer : graph.layers()) {
      String base = layer.name().replace('/', '.');
      base = base.isEmpty() ? "layer" : base;
      String name = base;
      for (int i = 2; taken.contains(name); i++) {
        name = base + "#" + i;
      }
      taken.add(name);
      scopes.put(layer.name(), name);
    }
  }

  /** The scope of each layer, by layer name. */
  Map<String, String> scopes() {
    return scopes;
  }

  @Override
  public void define(Api api) {
    LayerContext ctx = new LayerContext(api);
    Map<String, TensorVar> env = new HashMap<>();
    Map<String, Variable> digests = new LinkedHashMap<>();
    try (Scope s = api.scope(INPUTS_SCOPE)) {
      for (QuantizedTensor in : graph.inputs()) {
        env.put(in.name(), input(api, in));
      }
    }
    List<Variable> weights = new ArrayList<>();
    try (Scope s = api.scope(WEIGHTS_SCOPE)) {
      for (Parameter p : graph.parameters()) {
        TensorVar t = parameter(api, p);
        env.put(p.name(), t);
        if (visibility.weights() == Visibility.Weights.HASHED) {
          weights.addAll(List.of(t.v()));
        }
      }
    }
    for (QuantizedLayer layer : graph.layers()) {
      List<TensorVar> operands = new ArrayList<>();
      layer.inputs().forEach(i -> operands.add(env.get(i)));
      TensorVar out;
      try (Scope s = api.scope(scopes.get(layer.name()))) {
        out = LayerCompiler.of(layer.op()).compile(ctx, layer, operands, graph.tensor(layer.output()));
      }
      env.put(layer.output(), out);
      if (probes) {
        try (Scope s = api.scope(PROBES_SCOPE)) {
          api.assertEqual(api.hint(ProbeHint.INSTANCE, 1, out.v())[0], api.constant(0));
        }
      }
    }
    try (Scope s = api.scope(COMMITMENTS_SCOPE)) {
      for (QuantizedTensor out : graph.outputs()) {
        if (visibility.output() == Visibility.Exposure.HASHED) {
          digests.put(CompiledModel.digestSignal(out.name()), TensorCommitment.commit(api, env.get(out.name()).v()));
        }
      }
      if (visibility.input() == Visibility.Exposure.HASHED) {
        for (QuantizedTensor in : graph.inputs()) {
          digests.put(CompiledModel.digestSignal(in.name()), TensorCommitment.commit(api, env.get(in.name()).v()));
        }
      }
      if (!weights.isEmpty()) {
        digests.put(CompiledModel.WEIGHTS_DIGEST, TensorCommitment.commit(api, weights.toArray(Variable[]::new)));
      }
    }
    for (QuantizedTensor out : graph.outputs()) {
      switch (visibility.output()) {
        case PUBLIC -> api.outputs(out.name(), env.get(out.name()).v());
        case HASHED -> api.output(CompiledModel.digestSignal(out.name()), digests.get(CompiledModel.digestSignal(out.name())));
        case PRIVATE -> { }
      }
    }
    digests.forEach((name, d) -> {
      if (!graph.outputs().stream().anyMatch(o -> CompiledModel.digestSignal(o.name()).equals(name))) {
        api.output(name, d);
      }
    });
  }

  /** An input's signal, each element range-checked to its declared interval (m constraints for 2^m values). */
  private TensorVar input(Api api, QuantizedTensor in) {
    int n = in.shape().size();
    Variable[] v = visibility.input() == Visibility.Exposure.PUBLIC ? api.publicInputs(in.name(), n)
        : api.privateInputs(in.name(), n);
    BigInteger width = BigInteger.valueOf(in.max()).subtract(BigInteger.valueOf(in.min())).add(BigInteger.ONE);
    for (Variable e : v) {
      RangeCheck.below(api, api.sub(e, api.constant(in.min())), width.max(BigInteger.TWO));
    }
    return new TensorVar(in.shape(), in.min(), in.max(), v, null, null, true, in.bits());
  }

  /** A parameter: constants when fixed, else a private signal range-checked to the parameter's bits. */
  private TensorVar parameter(Api api, Parameter p) {
    long[] values = p.values();
    Variable[] v = new Variable[values.length];
    if (visibility.weights() == Visibility.Weights.FIXED) {
      for (int i = 0; i < v.length; i++) {
        v[i] = api.constant(values[i]);
      }
      return new TensorVar(p.shape(), p.min(), p.max(), v, values, null, true, p.bits());
    }
    v = api.privateInputs(p.name(), values.length);
    for (Variable e : v) {
      RangeCheck.signed(api, e, p.bits());
    }
    return new TensorVar(p.shape(), p.min(), p.max(), v, null, null, false, p.bits());
  }
}

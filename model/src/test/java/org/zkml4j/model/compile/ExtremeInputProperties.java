package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.model.quant.BoundsPropertiesAccess;
import org.zkml4j.model.quant.QuantizedGraph;

/**
 * The circuit's range proofs are wide enough for every input inside the declared bounds: on
 * extreme inputs (each element at its minimum, maximum, either at random, or uniform) the checked
 * witness generation succeeds and every layer equals {@code evaluate()}.
 */
class ExtremeInputProperties {
  private static final Map<Integer, CompiledModel> MODELS = new HashMap<>();

  private static synchronized CompiledModel model(int index) {
    return MODELS.computeIfAbsent(index, i -> ModelCompiler.compile(BoundsPropertiesAccess.graph(i),
        new Visibility(Visibility.Exposure.PRIVATE, i % 2 == 0 ? Visibility.Weights.FIXED : Visibility.Weights.PRIVATE,
            Visibility.Exposure.PUBLIC), CompileOptions.defaults(), true));
  }

  @Property(tries = 120)
  void extremeInputs_haveAWitnessThatEqualsEvaluate(@ForAll @IntRange(min = 0, max = 31) int index,
      @ForAll @IntRange(min = 0, max = 3) int mode, @ForAll long seed) throws Exception {
    int i = index % BoundsPropertiesAccess.cases();
    CompiledModel model = model(i);
    QuantizedGraph q = model.graph();
    List<long[]> x = BoundsPropertiesAccess.extremeInputs(q, mode, seed);
    Map<String, BigInteger[]> expected = q.evaluateAll(x);
    LayerProbe probe = LayerProbe.run(model, model.assignment(x));
    for (int l = 0; l < q.layers().size(); l++) {
      assertArrayEquals(LayerProbe.field(expected.get(q.layers().get(l).output())),
          probe.layer(l), q.name() + " layer " + q.layers().get(l).name());
    }
  }
}

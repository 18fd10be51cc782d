package org.zkml4j.circuit.gadget;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.Scope;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.bits.Bits;
import org.zkml4j.circuit.gadget.cmp.Comparison;
import org.zkml4j.circuit.gadget.fixedpoint.Argmax;
import org.zkml4j.circuit.gadget.fixedpoint.Division;
import org.zkml4j.circuit.gadget.fixedpoint.Maximum;
import org.zkml4j.circuit.gadget.fixedpoint.PolynomialActivation;
import org.zkml4j.circuit.gadget.fixedpoint.Relu;
import org.zkml4j.circuit.gadget.poseidon.PoseidonGadget;
import org.zkml4j.circuit.gadget.rangecheck.RangeCheck;
import org.zkml4j.circuit.testing.ConstraintSnapshot;

/**
 * The constraint count of every gadget at typical sizes, against the checked-in snapshot
 * {@code constraint-counts.txt}: counts are design facts, and changing one means editing the
 * snapshot in the same commit.
 */
class ConstraintCountTest {
  private final Map<String, Long> counts = new LinkedHashMap<>();

  /** Counts the constraints {@code gadget} makes on {@code inputs} private inputs. */
  private void measure(String name, int inputs, BiConsumer<Api, Variable[]> gadget) {
    CircuitCompiler.compile(api -> {
      Variable[] x = api.privateInputs("x", inputs);
      try (Scope s = api.scope("gadget")) {
        gadget.accept(api, x);
      }
      counts.put(name, (long) api.numConstraints());
    });
  }

  @Test
  void countsMatchTheSnapshot() {
    for (int n : new int[] {1, 8, 16, 32, 64}) {
      measure("bits.toBits(" + n + ")", 1, (api, x) -> Bits.toBits(api, x[0], n));
    }
    measure("rangecheck.unsigned(16)", 1, (api, x) -> RangeCheck.unsigned(api, x[0], 16));
    measure("rangecheck.signed(16)", 1, (api, x) -> RangeCheck.signed(api, x[0], 16));
    measure("rangecheck.below(100)", 1, (api, x) -> RangeCheck.below(api, x[0], BigInteger.valueOf(100)));
    measure("rangecheck.below(128)", 1, (api, x) -> RangeCheck.below(api, x[0], BigInteger.valueOf(128)));
    measure("cmp.isLess(16)", 2, (api, x) -> Comparison.isLess(api, x[0], x[1], 16));
    measure("cmp.isLessOrEqual(16)", 2, (api, x) -> Comparison.isLessOrEqual(api, x[0], x[1], 16));
    measure("cmp.isNegative(16)", 1, (api, x) -> Comparison.isNegative(api, x[0], 16));
    measure("fixedpoint.rescale(k=8,q=16)", 1, (api, x) -> Division.rescale(api, x[0], 8, 16));
    measure("fixedpoint.divRound(d=9,q=16)", 1, (api, x) -> Division.divRound(api, x[0], 9, 16));
    measure("fixedpoint.divFloor(d=16,q=16)", 1, (api, x) -> Division.divFloor(api, x[0], 16, 16));
    measure("fixedpoint.relu(16)", 1, (api, x) -> Relu.relu(api, x[0], 16));
    measure("fixedpoint.rescale(k=8,q=16)+relu", 1, (api, x) -> Relu.relu(api, Division.rescale(api, x[0], 8, 16)));
    measure("fixedpoint.max(16)", 2, (api, x) -> Maximum.max(api, x[0], x[1], 16));
    measure("fixedpoint.max(4 values,16)", 4, (api, x) -> Maximum.max(api, x, 16));
    measure("fixedpoint.clamp(16)", 1, (api, x) -> Maximum.clamp(api, x[0], -100, 100, 16));
    measure("fixedpoint.argmax(10 values,16)", 10, (api, x) -> Argmax.of(api, x, 16));
    measure("fixedpoint.argmax(10 values,16)+oneHot", 10, (api, x) -> Argmax.of(api, x, 16).oneHot(api));
    measure("fixedpoint.polynomial", 1, (api, x) -> PolynomialActivation.apply(api, x[0], 5));
    for (int n : new int[] {1, 2, 4, 16}) {
      measure("poseidon.hash(" + n + ")", n, (api, x) -> PoseidonGadget.hash(api, x));
    }
    measure("poseidon.hashVector(100)", 100, (api, x) -> PoseidonGadget.hashVector(api, x));
    ConstraintSnapshot.assertMatches(ConstraintCountTest.class, "constraint-counts.txt", counts);
  }
}

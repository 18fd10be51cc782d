package org.zkml4j.circuit.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.circuit.witness.HintException;
import org.zkml4j.circuit.witness.HintRegistry;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * A cheating prover that runs the honest hints but replaces one output of one hint call with a
 * plausible wrong value; everything computed from it downstream is recomputed consistently, as a
 * real cheater would.
 */
final class Tampering {
  private static final PrimeField FR = Bn254.FR;
  private static final BigInteger R = Bn254.R_MODULUS;

  /** Which call and output to change (call -1: change nothing, only record), and to what. */
  private int targetCall = -1;
  private int targetOutput;
  private int perturbation;
  private int nextCall;
  private final List<Integer> outputCounts = new ArrayList<>();
  private final List<BigInteger> targetValues = new ArrayList<>();

  /** Every hint of {@code honest} wrapped so that this plan sees (and may change) its outputs. */
  HintRegistry wrap(HintRegistry honest) {
    HintRegistry wrapped = HintRegistry.empty();
    for (Hint h : honest.hints()) {
      wrapped = wrapped.with(new Hint() {
        @Override
        public String id() {
          return h.id();
        }

        @Override
        public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) throws HintException {
          h.compute(inputs, inputCount, outputs, outputCount);
          onCall(outputs, outputCount);
        }
      });
    }
    return wrapped;
  }

  /** Record mode: run once to learn the calls and their output counts. */
  void record() {
    targetCall = -1;
    nextCall = 0;
    outputCounts.clear();
  }

  /** Number of hint calls and outputs seen by the last recording run. */
  List<Integer> outputCounts() {
    return List.copyOf(outputCounts);
  }

  /** Arms the plan for one run. */
  void target(int call, int output, int perturbationIndex) {
    targetCall = call;
    targetOutput = output;
    perturbation = perturbationIndex;
    nextCall = 0;
    targetValues.clear();
  }

  /** The value the targeted output had before it was changed, and after, once the run is over. */
  List<BigInteger> targetValues() {
    return List.copyOf(targetValues);
  }

  private void onCall(long[] outputs, int count) {
    int call = nextCall++;
    if (targetCall < 0) {
      outputCounts.add(count);
      return;
    }
    if (call != targetCall) {
      return;
    }
    BigInteger honest = FR.toBigInteger(outputs, 4 * targetOutput);
    List<BigInteger> wrong = wrongValues(honest);
    BigInteger value = wrong.get(perturbation % wrong.size());
    FR.fromBigInteger(outputs, 4 * targetOutput, value);
    targetValues.add(honest);
    targetValues.add(value);
  }

  /** How many distinct wrong values {@link #wrongValues} offers at most. */
  static final int PERTURBATIONS = 6;

  /**
   * Plausible wrong values for an honest value v: off by one either way, negated (a "negative"
   * number that wraps), doubled, 1 - v (a flipped bit), and v + 2^32; never v itself.
   */
  static List<BigInteger> wrongValues(BigInteger v) {
    Set<BigInteger> set = new LinkedHashSet<>();
    for (BigInteger w : List.of(v.add(BigInteger.ONE), v.subtract(BigInteger.ONE), v.negate(), v.shiftLeft(1),
        BigInteger.ONE.subtract(v), v.add(BigInteger.ONE.shiftLeft(32)))) {
      set.add(w.mod(R));
    }
    set.remove(v);
    return List.copyOf(set);
  }
}

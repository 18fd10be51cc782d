package org.zkml4j.circuit.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.api.Scope;
import org.zkml4j.circuit.api.UnsatisfiableException;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.math.field.Bn254;

/**
 * The one way gadgets are tested (gnark's {@code test.CheckCircuit}, arkworks' exhaustive runs):
 * a gadget, an oracle giving the expected outputs of each input tuple (or none, when the circuit
 * must reject it), and a domain of tuples, small enough to be exhaustive where possible.
 * {@link #check()} then verifies, for every tuple:
 *
 * <ol>
 *   <li>with the inputs allocated as private inputs, as public inputs, and (for a sample of tuples)
 *       as constants, and mixed: valid tuples give a witness the {@link R1csChecker} accepts with
 *       the oracle's outputs; invalid tuples make the checked generator fail and the honest hints'
 *       unchecked witness fail the checker (or, with constants, fail at compile time);
 *   <li>with every output of every hint call replaced by each of several plausible wrong values
 *       (everything downstream recomputed, as a cheating prover would): the checker rejects the
 *       witness and the checked generator fails;
 *   <li>with each given malicious hint: any witness that differs from the honest one is rejected;
 *   <li>for a sample of valid tuples, changing any single output or internal wire breaks a
 *       constraint (no wire is free).
 * </ol>
 *
 * <p>Failures throw {@link AssertionError} naming the tuple, the allocation and what went wrong. The
 * returned {@link Report} counts what was checked, so a test can assert it was not vacuous, and
 * gives the gadget's constraint count for snapshots.
 */
public final class CircuitAssert {
  /** The gadget under test: builds its outputs (possibly none) from its inputs. */
  @FunctionalInterface
  public interface Gadget {
    Variable[] define(Api api, Variable[] inputs);
  }

  /** The expected outputs of a tuple as integers (any sign; compared mod r), or empty to reject. */
  @FunctionalInterface
  public interface Oracle {
    Optional<BigInteger[]> expected(BigInteger[] inputs);
  }

  /**
   * What {@link #check()} verified.
   *
   * @param validCases valid tuples checked, summed over allocations
   * @param invalidCases invalid tuples checked, summed over allocations
   * @param tamperedRuns witnesses with one hint output changed, all rejected
   * @param maliciousRejections witnesses from the malicious hints that differed from the honest one,
   *     all rejected
   * @param wireChanges witnesses with one wire changed, all rejected
   * @param gadgetConstraints constraints the gadget made with private inputs
   */
  public record Report(int validCases, int invalidCases, int tamperedRuns, int maliciousRejections, int wireChanges,
      long gadgetConstraints) {}

  private enum Allocation { CONSTANT, PUBLIC, PRIVATE }

  private static final BigInteger R = Bn254.R_MODULUS;
  /** Valid tuples on which every wire is changed alone. */
  private static final int WIRE_CHANGE_TUPLES = 8;

  private final int arity;
  private final Gadget gadget;
  private Oracle oracle;
  private final List<BigInteger[]> domain = new ArrayList<>();
  private final List<Hint> malicious = new ArrayList<>();
  private int tamperLimit = Integer.MAX_VALUE;
  private int constantLimit = 32;
  private CompileOptions options = CompileOptions.defaults();

  private CircuitAssert(int arity, Gadget gadget) {
    this.arity = arity;
    this.gadget = gadget;
  }

  /** A check of a gadget taking {@code arity} inputs. */
  public static CircuitAssert forGadget(int arity, Gadget gadget) {
    if (arity < 1) {
      throw new IllegalArgumentException("a gadget under test takes at least one input");
    }
    return new CircuitAssert(arity, Objects.requireNonNull(gadget));
  }

  public CircuitAssert expecting(Oracle oracle) {
    this.oracle = Objects.requireNonNull(oracle);
    return this;
  }

  /** Adds input tuples, each of {@code arity} integers (any sign). */
  public CircuitAssert on(Collection<BigInteger[]> tuples) {
    for (BigInteger[] t : tuples) {
      if (t.length != arity) {
        throw new IllegalArgumentException("tuple " + Arrays.toString(t) + " does not have " + arity + " values");
      }
      domain.add(t.clone());
    }
    return this;
  }

  /** Adds a malicious replacement of one of the gadget's hints (it keeps that hint's id). */
  public CircuitAssert withMaliciousHint(Hint hint) {
    malicious.add(Objects.requireNonNull(hint));
    return this;
  }

  /** Limits the tuples on which hint outputs are tampered with (all by default). */
  public CircuitAssert tamperingAtMost(int tuples) {
    tamperLimit = tuples;
    return this;
  }

  /** Limits the tuples compiled with constant inputs (32 by default; each needs its own circuit). */
  public CircuitAssert constantsAtMost(int tuples) {
    constantLimit = tuples;
    return this;
  }

  public CircuitAssert options(CompileOptions compileOptions) {
    options = Objects.requireNonNull(compileOptions);
    return this;
  }

  /**
   * Runs every check.
   *
   * @throws AssertionError on the first failure
   */
  public Report check() {
    if (oracle == null || domain.isEmpty()) {
      throw new IllegalStateException("give an oracle and at least one input tuple");
    }
    Counts n = new Counts();
    for (Allocation[] allocation : allocations()) {
      boolean constants = Arrays.asList(allocation).contains(Allocation.CONSTANT);
      if (constants) {
        for (BigInteger[] tuple : sample(domain, constantLimit)) {
          checkWithConstants(allocation, tuple, n);
        }
        continue;
      }
      CompiledCircuit c = compile(allocation, null);
      boolean allPrivate = !Arrays.asList(allocation).contains(Allocation.PUBLIC);
      if (allPrivate) {
        n.gadgetConstraints = c.report().constraints("gadget");
      }
      Set<BigInteger[]> tamperSample = Collections.newSetFromMap(new IdentityHashMap<>());
      tamperSample.addAll(sample(domain, tamperLimit));
      int wireSamples = 0;
      for (BigInteger[] tuple : domain) {
        Assignment a = assignment(allocation, tuple);
        Optional<BigInteger[]> expected = oracle.expected(tuple.clone());
        String what = describe(allocation, tuple);
        Witness honest = expected.isPresent() ? accepts(c, a, expected.get(), what, n) : rejects(c, a, what, n);
        if (!allPrivate) {
          continue;
        }
        if (tamperSample.contains(tuple)) {
          n.tampered += Verdicts.tamper(c, a, what);
        }
        n.malicious += maliciousRuns(c, a, honest, what);
        if (honest != null && wireSamples++ < WIRE_CHANGE_TUPLES) {
          n.wireChanges += Verdicts.changeEachWire(c.r1cs(), honest, what);
        }
      }
    }
    return new Report(n.valid, n.invalid, n.tampered, n.malicious, n.wireChanges, n.gadgetConstraints);
  }

  // ------------------------------------------------------------------ building blocks, also public

  /**
   * The checked witness of a circuit for inputs it must accept, verified by the R1CS checker.
   *
   * @throws AssertionError if generation fails or the checker rejects the witness
   */
  public static Witness assertAccepts(CompiledCircuit c, Assignment a) {
    return Verdicts.accepted(c, a, a.toString());
  }

  /**
   * Asserts a circuit rejects inputs: the checked generator fails, and the witness the honest hints
   * give fails the checker.
   */
  public static void assertRejects(CompiledCircuit c, Assignment a) {
    Verdicts.rejected(c.witnessGenerator(), c.r1cs(), a, a.toString());
  }

  /** As {@link #assertRejects(CompiledCircuit, Assignment)}, with one hint replaced by a malicious one. */
  public static void assertRejects(CompiledCircuit c, Assignment a, Hint malicious) {
    Verdicts.rejected(c.witnessGenerator().withHint(malicious), c.r1cs(), a, a + " with hint " + malicious);
  }

  /**
   * Runs a circuit on inputs it accepts with every output of every hint call replaced by each of
   * several wrong values, and with each output and internal wire changed alone; every such witness
   * must be rejected. Returns the number of witnesses tried.
   */
  public static int assertTamperingDetected(CompiledCircuit c, Assignment a) {
    Witness honest = Verdicts.accepted(c, a, a.toString());
    return Verdicts.tamper(c, a, a.toString()) + Verdicts.changeEachWire(c.r1cs(), honest, a.toString());
  }

  // ------------------------------------------------------------------ checks

  private Witness accepts(CompiledCircuit c, Assignment a, BigInteger[] expected, String what, Counts n) {
    Witness w = Verdicts.accepted(c, a, what);
    BigInteger[] outputs = expected.length == 0 ? new BigInteger[0] : c.values(w, "out");
    if (outputs.length != expected.length) {
      throw new AssertionError(what + ": the gadget has " + outputs.length + " outputs, the oracle " + expected.length);
    }
    for (int i = 0; i < expected.length; i++) {
      if (!outputs[i].equals(expected[i].mod(R))) {
        throw new AssertionError(what + ": output " + i + " is " + Verdicts.signed(outputs[i]) + ", expected "
            + expected[i]);
      }
    }
    n.valid++;
    return w;
  }

  private Witness rejects(CompiledCircuit c, Assignment a, String what, Counts n) {
    Verdicts.rejected(c.witnessGenerator(), c.r1cs(), a, what);
    n.invalid++;
    return null;
  }

  private void checkWithConstants(Allocation[] allocation, BigInteger[] tuple, Counts n) {
    String what = describe(allocation, tuple);
    Optional<BigInteger[]> expected = oracle.expected(tuple.clone());
    CompiledCircuit c;
    try {
      c = compile(allocation, tuple);
    } catch (UnsatisfiableException e) {
      if (expected.isPresent()) {
        throw new AssertionError(what + ": valid constant inputs rejected at compile time: " + e.getMessage(), e);
      }
      n.invalid++;
      return;
    }
    Assignment a = assignment(allocation, tuple);
    if (expected.isPresent()) {
      accepts(c, a, expected.get(), what, n);
    } else {
      rejects(c, a, what, n);
    }
  }

  private int maliciousRuns(CompiledCircuit c, Assignment a, Witness honest, String what) {
    int rejected = 0;
    for (Hint h : malicious) {
      Witness w;
      try {
        w = c.witnessGenerator().withHint(h).generateUnchecked(a);
      } catch (WitnessException e) {
        continue;
      }
      if (w.equals(honest)) {
        continue; // the malicious hint behaves honestly on this input
      }
      if (R1csChecker.isSatisfied(c.r1cs(), w)) {
        throw new AssertionError(what + ": the R1CS accepts the witness of malicious hint " + h);
      }
      rejected++;
    }
    return rejected;
  }

  // ------------------------------------------------------------------ circuits

  private CompiledCircuit compile(Allocation[] allocation, BigInteger[] tuple) {
    return CircuitCompiler.compile(api -> {
      Variable[] in = new Variable[arity];
      for (int i = 0; i < arity; i++) {
        in[i] = switch (allocation[i]) {
          case CONSTANT -> api.constant(tuple[i]);
          case PUBLIC -> api.publicInput("x" + i);
          case PRIVATE -> api.privateInput("x" + i);
        };
      }
      Variable[] out;
      try (Scope s = api.scope("gadget")) {
        out = gadget.define(api, in);
      }
      if (out.length > 0) {
        api.outputs("out", out);
      }
    }, options);
  }

  private static Assignment assignment(Allocation[] allocation, BigInteger[] tuple) {
    Assignment.Builder b = Assignment.builder();
    for (int i = 0; i < allocation.length; i++) {
      if (allocation[i] != Allocation.CONSTANT) {
        b.set("x" + i, tuple[i]);
      }
    }
    return b.build();
  }

  /** All private, all public, then (up to 3 inputs) every mix with constants; else each input constant alone. */
  private List<Allocation[]> allocations() {
    List<Allocation[]> all = new ArrayList<>();
    Allocation[] privateAll = new Allocation[arity];
    Arrays.fill(privateAll, Allocation.PRIVATE);
    all.add(privateAll);
    Allocation[] publicAll = new Allocation[arity];
    Arrays.fill(publicAll, Allocation.PUBLIC);
    all.add(publicAll);
    if (arity <= 3) {
      int combos = (int) Math.pow(3, arity);
      for (int code = 0; code < combos; code++) {
        Allocation[] a = new Allocation[arity];
        boolean anyConstant = false;
        for (int i = 0, c = code; i < arity; i++, c /= 3) {
          a[i] = Allocation.values()[c % 3];
          anyConstant |= a[i] == Allocation.CONSTANT;
        }
        if (anyConstant) {
          all.add(a);
        }
      }
    } else {
      for (int i = 0; i < arity; i++) {
        Allocation[] a = privateAll.clone();
        a[i] = Allocation.CONSTANT;
        all.add(a);
      }
    }
    return all;
  }

  /** At most {@code limit} tuples spread evenly over the list, first and last included. */
  private static List<BigInteger[]> sample(List<BigInteger[]> tuples, int limit) {
    if (tuples.size() <= limit) {
      return tuples;
    }
    List<BigInteger[]> s = new ArrayList<>();
    for (int i = 0; i < limit; i++) {
      s.add(tuples.get((int) ((long) i * (tuples.size() - 1) / Math.max(1, limit - 1))));
    }
    return s;
  }

  private static String describe(Allocation[] allocation, BigInteger[] tuple) {
    return "inputs " + Arrays.toString(tuple) + " as " + Arrays.toString(allocation);
  }

  private static final class Counts {
    int valid;
    int invalid;
    int tampered;
    int malicious;
    int wireChanges;
    long gadgetConstraints;
  }
}

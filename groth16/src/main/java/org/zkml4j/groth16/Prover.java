package org.zkml4j.groth16;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.random.RandomGenerator;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.msm.BucketArithmetic;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Groth16 proving with a snarkjs-layout key, step for step as src/groth16_prove.js:
 * <pre>
 *   A = alpha1 + sum w_i A_i + r delta1                  (G1)
 *   B = beta2  + sum w_i B2_i + s delta2                 (G2), and B1 the same in G1
 *   C = sum_{private i} w_i C_i + sum h_j H_j + s A + r B1 - r s delta1
 * </pre>
 * with h from {@link QapEvaluation} and r, s uniform in Fr. The five MSMs take the witness as it
 * is (mostly 0/1 for ML circuits, which the MSM's small-scalar path makes cheap). The four that
 * need only the witness run as one job ({@link Msm#all}, both cores busy to its last window
 * sum) while h is computed beside them, and H's follows.
 *
 * <p>The MSMs' bucket arithmetic: from a domain of 2^{@value #LANES_FROM_LOG2_DOMAIN} on, the
 * lanes from the first MSM, where {@link Msm}'s own rule would run a fresh JVM's first four
 * million bucket additions in scalar arithmetic to spare them the lanes' JIT warm-up. In a prover
 * the h computation has already run its NTTs in lanes and so paid most of that warm-up, and the
 * scalar arithmetic costs more than the rest of it: a cold {@code groth16 prove} of a 67,210
 * constraint Poseidon chain (domain 2^17) took 5.3 to 5.9 s of process CPU time with lanes from
 * the start against 7.0 s by the MSM's rule, and lenet (domain 2^15) 3.8 to 4.0 s against 4.6 to
 * 5.1 s; at 2^13 (a 4,136 constraint chain) both took about 2.5 to 3 s, within the noise of a
 * shared machine. Smaller circuits keep the MSM's rule.
 */
final class Prover {
  private static final PrimeField FR = Bn254.FR;
  /** log2 of the smallest domain whose MSMs run in lanes from the first (see the class comment). */
  static final int LANES_FROM_LOG2_DOMAIN = 13;

  private Prover() {}

  static ProverOutput prove(ProvingKey pk, long[] witness, RandomGenerator random, Parallelism parallelism) {
    return prove(pk, witness, random, parallelism, arithmeticFor(pk.log2DomainSize()));
  }

  /**
   * The MSMs' bucket arithmetic for a key's domain: the fastest from 2^{@value #LANES_FROM_LOG2_DOMAIN}
   * on, else null for {@link Msm}'s own choice.
   */
  static BucketArithmetic arithmeticFor(int log2Domain) {
    return log2Domain >= LANES_FROM_LOG2_DOMAIN ? BucketArithmetic.fastest() : null;
  }

  /** Proves with the MSMs in the given arithmetic, or (null) in Msm's choice. */
  static ProverOutput prove(ProvingKey pk, long[] witness, RandomGenerator random, Parallelism parallelism,
      BucketArithmetic arithmetic) {
    PhaseTimer timer = PhaseTimer.start("prove");
    checkWitness(pk, witness);
    timer.lap("witness check");
    int nVars = pk.nVars(), nPublic = pk.nPublic();
    long[] privateWitness = Arrays.copyOfRange(witness, 4 * (nPublic + 1), 4 * nVars);
    ScalarForm form = ScalarForm.MONTGOMERY;
    List<Msm.Input> witnessMsms = List.of(
        Msm.Input.g1(pk.rawA(), witness, nVars, form),
        Msm.Input.g1(pk.rawB1(), witness, nVars, form),
        Msm.Input.g2(pk.rawB2(), witness, nVars, form),
        Msm.Input.g1(pk.rawC(), privateWitness, nVars - nPublic - 1, form));
    List<long[]> sums;
    long[] h;
    if (parallelism.threads() == 1) {
      h = QapEvaluation.hScalars(pk, witness, parallelism, timer);
      sums = Msm.all(witnessMsms, parallelism, arithmetic);
    } else {
      // h's NTTs keep the cores busy only part of the time (on a 2^17 domain, 2 cores: about 150 ms
      // of CPU time in 165 ms): computed on a thread of its own beside the witness MSMs, whose
      // window sums fill the gaps, it costs the proof little wall time.
      FutureTask<long[]> hTask = new FutureTask<>(
          () -> QapEvaluation.hScalars(pk, witness, parallelism, PhaseTimer.start("prove")));
      Thread thread = new Thread(hTask, "zkml4j-h");
      thread.setDaemon(true);
      thread.start();
      sums = Msm.all(witnessMsms, parallelism, arithmetic);
      h = result(hTask);
    }
    timer.lap("h, and beside it msm A, B1, B2 and C (one job)");
    long[] msmH = Msm.all(List.of(Msm.Input.g1(pk.rawH(), h, pk.domainSize(), form)), parallelism, arithmetic)
        .get(0);
    timer.lap("msm H");
    long[] msmA = sums.get(0), msmB1 = sums.get(1), msmB2 = sums.get(2), msmC = sums.get(3);

    long[] r = randomScalar(random);
    long[] s = randomScalar(random);
    G1 g1 = new G1();
    G2 g2 = new G2();
    long[] a = g1Sum(g1, msmA, pk.rawAlpha1(), g1Times(g1, pk.rawDelta1(), r));
    long[] b1 = g1Sum(g1, msmB1, pk.rawBeta1(), g1Times(g1, pk.rawDelta1(), s));
    long[] b2 = jacobian(g2, msmB2);
    g2.addMixed(b2, 0, b2, 0, pk.rawBeta2(), 0);
    long[] sDelta2 = jacobian(g2, pk.rawDelta2());
    g2.scalarMulFr(sDelta2, 0, sDelta2, 0, s, 0);
    g2.add(b2, 0, b2, 0, sDelta2, 0);

    long[] rs = new long[4];
    FR.mul(rs, 0, r, 0, s, 0);
    FR.neg(rs, 0, rs, 0);
    long[] c = g1Sum(g1, msmC, msmH, g1Times(g1, a, s), g1Times(g1, b1, r), g1Times(g1, pk.rawDelta1(), rs));

    long[] aAffine = new long[8], b2Affine = new long[16], cAffine = new long[8];
    g1.toAffine(aAffine, 0, a, 0);
    g2.toAffine(b2Affine, 0, b2, 0);
    g1.toAffine(cAffine, 0, c, 0);
    List<BigInteger> signals = new ArrayList<>(nPublic);
    for (int i = 1; i <= nPublic; i++) {
      signals.add(FR.toBigInteger(witness, 4 * i));
    }
    timer.lap("blinding and affine");
    return new ProverOutput(Proof.of(aAffine, b2Affine, cAffine), signals);
  }

  /** The result of a task run on another thread, with its exception rethrown as it was. */
  private static long[] result(FutureTask<long[]> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing h", e);
    }
  }

  private static void checkWitness(ProvingKey pk, long[] witness) {
    if (witness.length != 4L * pk.nVars()) {
      throw new IllegalArgumentException("the witness has " + witness.length / 4 + " values (" + witness.length
          + " longs), the key expects nVars = " + pk.nVars());
    }
    for (int i = 0; i < pk.nVars(); i++) {
      if (!FR.isCanonical(witness, 4 * i)) {
        throw new IllegalArgumentException("witness value " + i + " is not a canonical Fr element");
      }
    }
    if (!FR.isOne(witness, 0)) {
      throw new IllegalArgumentException("witness wire 0 must be 1, is " + FR.toBigInteger(witness, 0));
    }
  }

  /** A uniform non-zero element of Fr (Montgomery form) from 512 random bits reduced mod r. */
  static long[] randomScalar(RandomGenerator random) {
    while (true) {
      byte[] bytes = new byte[64];
      random.nextBytes(bytes);
      BigInteger v = new BigInteger(1, bytes).mod(Bn254.R_MODULUS);
      if (v.signum() != 0) {
        return FR.element(v);
      }
    }
  }

  /** The sum of affine or Jacobian G1 points (8 or 12 longs each), Jacobian. */
  private static long[] g1Sum(G1 g1, long[]... points) {
    long[] acc = new long[12];
    g1.setInfinity(acc, 0);
    for (long[] p : points) {
      if (p.length == 8) {
        g1.addMixed(acc, 0, acc, 0, p, 0);
      } else {
        g1.add(acc, 0, acc, 0, p, 0);
      }
    }
    return acc;
  }

  /** k * P for an affine or Jacobian P, Jacobian. */
  private static long[] g1Times(G1 g1, long[] p, long[] k) {
    long[] j = p.length == 8 ? jacobian(g1, p) : p.clone();
    g1.scalarMulFr(j, 0, j, 0, k, 0);
    return j;
  }

  private static long[] jacobian(G1 g1, long[] affine) {
    long[] j = new long[12];
    g1.fromAffine(j, 0, affine, 0);
    return j;
  }

  private static long[] jacobian(G2 g2, long[] affine) {
    long[] j = new long[24];
    g2.fromAffine(j, 0, affine, 0);
    return j;
  }
}

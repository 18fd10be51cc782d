package org.zkml4j.groth16;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.zkml4j.groth16.VerificationResult.Reason;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.pairing.Pairing;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Groth16 verification as snarkjs's src/groth16_verify.js: public signals below r, proof points
 * valid, then one product of four pairings,
 * e(-A, B) e(IC(x), gamma2) e(C, delta2) e(alpha1, beta2) = 1, with
 * IC(x) = IC_0 + sum x_i IC_i.
 */
final class Verifier {
  private Verifier() {}

  static VerificationResult verify(VerifyingKey vk, List<BigInteger> signals, Proof proof, Parallelism parallelism) {
    int n = vk.nPublic();
    if (signals.size() != n) {
      return new VerificationResult(Reason.WRONG_PUBLIC_SIGNAL_COUNT,
          "the key expects " + n + " public signals, got " + signals.size());
    }
    long[] scalars = new long[4 * n];
    for (int i = 0; i < n; i++) {
      BigInteger x = signals.get(i);
      if (x.signum() < 0 || x.compareTo(Bn254.R_MODULUS) >= 0) {
        return new VerificationResult(Reason.PUBLIC_SIGNAL_OUT_OF_RANGE,
            "public signal " + i + " = " + x + " is not in [0, r)");
      }
      Bn254.FR.fromBigInteger(scalars, 4 * i, x);
    }
    VerificationResult points = proof.pointCheck();
    if (!points.isValid()) {
      return points;
    }
    G1 g1 = new G1();
    long[] a = proof.rawA(), b = proof.rawB(), c = proof.rawC();
    long[] ic = vk.rawIc();
    long[] pub = new long[12];
    g1.fromAffine(pub, 0, ic, 0);
    if (n > 0) {
      long[] sum = Msm.g1(Arrays.copyOfRange(ic, 8, ic.length), scalars, n, ScalarForm.MONTGOMERY, parallelism);
      g1.addMixed(pub, 0, pub, 0, sum, 0);
    }
    long[] g1Points = new long[32];
    long[] g2Points = new long[64];
    g1.negAffine(g1Points, 0, a, 0);
    g1.toAffine(g1Points, 8, pub, 0);
    System.arraycopy(c, 0, g1Points, 16, 8);
    System.arraycopy(vk.rawAlpha1(), 0, g1Points, 24, 8);
    System.arraycopy(b, 0, g2Points, 0, 16);
    System.arraycopy(vk.rawGamma2(), 0, g2Points, 16, 16);
    System.arraycopy(vk.rawDelta2(), 0, g2Points, 32, 16);
    System.arraycopy(vk.rawBeta2(), 0, g2Points, 48, 16);
    if (!Pairing.productIsOne(g1Points, g2Points, 4, parallelism)) {
      return new VerificationResult(Reason.PAIRING_CHECK_FAILED,
          "e(A, B) != e(alpha, beta) e(IC(x), gamma) e(C, delta): the proof does not prove these public signals");
    }
    return VerificationResult.VALID;
  }
}

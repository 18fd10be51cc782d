package org.zkml4j.math.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;
import org.zkml4j.math.parallel.Parallelism;
import org.zkml4j.testkit.Peers;

/**
 * MSM against ffjavascript's multiExpAffine (the library snarkjs proves with), run through Node.js
 * from the project's interop/ folder: an implementation independent of ours, for G1 and G2, with
 * the bucket additions in vector lanes and in scalar arithmetic.
 * Needs {@code npm ci} in interop/ (the project's test command does it first).
 */
class MsmPeerTest {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  @Test
  void g1MatchesFfjavascript() throws Exception {
    check(new G1(), 400, 1);
  }

  @Test
  void g2MatchesFfjavascript() throws Exception {
    check(new G2(), 60, 2);
  }

  private static void check(CurveGroup g, int n, long seed) throws Exception {
    Random rnd = new Random(seed);
    long[] bases = MsmTest.bases(g, n, rnd, true);
    // repeat and negate a few bases so the peer sees the same special cases
    System.arraycopy(bases, 0, bases, 5 * g.affineSize(), g.affineSize());
    g.negAffine(bases, 6 * g.affineSize(), bases, 0);
    long[] scalars = MsmTest.scalars(n, MsmTest.Shape.MIXED, rnd);
    StringBuilder json = new StringBuilder("{\"group\":\"" + (g instanceof G1 ? "g1" : "g2") + "\",\"points\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append(pointJson(g, bases, i * g.affineSize()));
    }
    json.append("],\"scalars\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "\"" : ",\"").append(Bn254.FR.toBigInteger(scalars, 4 * i)).append('"');
    }
    json.append("]}");
    String peer = runNode(json.toString());
    for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
      long[] ours = g instanceof G1
          ? Msm.g1(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared(), arithmetic)
          : Msm.g2(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared(), arithmetic);
      assertEquals(peer, pointJson(g, ours, 0), "ffjavascript vs zkml4j, n=" + n + ", " + arithmetic);
    }
  }

  private static String pointJson(CurveGroup g, long[] a, int o) {
    if (g.isInfinityAffine(a, o)) {
      return "null";
    }
    if (g instanceof G1) {
      return "[\"" + Bn254.FQ.toBigInteger(a, o) + "\",\"" + Bn254.FQ.toBigInteger(a, o + 4) + "\"]";
    }
    BigInteger[] x = Fq2.toBigIntegers(a, o), y = Fq2.toBigIntegers(a, o + 8);
    return "[[\"" + x[0] + "\",\"" + x[1] + "\"],[\"" + y[0] + "\",\"" + y[1] + "\"]]";
  }

  private static String runNode(String input) {
    Peers.assumeAvailable("ffjavascript");
    String script = Peers.resource(MsmPeerTest.class, "ffjavascript-msm.cjs").toString();
    return normalize(Peers.nodeOk(List.of(script), input, Duration.ofMinutes(2)).stdout().trim());
  }

  /** Re-renders the peer's JSON in our notation (numbers quoted, no spaces). */
  private static String normalize(String out) {
    if (out.equals("null")) {
      return out;
    }
    List<String> numbers = new ArrayList<>();
    Matcher m = NUMBER.matcher(out);
    while (m.find()) {
      numbers.add(m.group());
    }
    return numbers.size() == 2
        ? "[\"" + numbers.get(0) + "\",\"" + numbers.get(1) + "\"]"
        : "[[\"" + numbers.get(0) + "\",\"" + numbers.get(1) + "\"],[\"" + numbers.get(2) + "\",\"" + numbers.get(3) + "\"]]";
  }
}

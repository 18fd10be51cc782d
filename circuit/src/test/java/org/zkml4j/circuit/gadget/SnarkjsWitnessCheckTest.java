package org.zkml4j.circuit.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.api.Scope;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.circuit.format.WtnsFile;
import org.zkml4j.circuit.gadget.fixedpoint.Argmax;
import org.zkml4j.circuit.gadget.fixedpoint.Division;
import org.zkml4j.circuit.gadget.fixedpoint.FixedPoint;
import org.zkml4j.circuit.gadget.fixedpoint.Maximum;
import org.zkml4j.circuit.gadget.fixedpoint.Quotient;
import org.zkml4j.circuit.gadget.fixedpoint.Relu;
import org.zkml4j.circuit.gadget.poseidon.PoseidonGadget;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.math.poseidon.Poseidon;
import org.zkml4j.testkit.Peers;

/**
 * A small network built from the gadgets (dense layer with private weights, rescale, ReLU, max,
 * argmax, and a Poseidon commitment to the input), written as .r1cs and .wtns and judged by
 * {@code snarkjs wtns check}: snarkjs must accept our witness and reject a tampered one.
 */
class SnarkjsWitnessCheckTest {
  private static final int IN = 6;
  private static final int OUT = 4;

  @BeforeAll
  static void snarkjs() {
    Peers.assumeAvailable("snarkjs");
  }

  private static CompiledCircuit network() {
    return CircuitCompiler.compile(api -> {
      Variable[] x = api.privateInputs("x", IN);
      Variable[] w = api.privateInputs("w", IN * OUT);
      Variable[] logits = new Variable[OUT];
      try (Scope s = api.scope("dense")) {
        for (int j = 0; j < OUT; j++) {
          Variable acc = api.constant(0);
          for (int i = 0; i < IN; i++) {
            acc = api.add(acc, api.mul(x[i], w[j * IN + i]));
          }
          Quotient q = Division.rescale(api, acc, 4, 12);
          logits[j] = Relu.relu(api, q);
        }
      }
      try (Scope s = api.scope("head")) {
        api.output("best", Maximum.max(api, logits, 12));
        api.output("label", Argmax.of(api, logits, 12).index());
      }
      try (Scope s = api.scope("commitment")) {
        api.output("inputDigest", PoseidonGadget.hashVector(api, x));
      }
    });
  }

  @Test
  void snarkjsAcceptsTheWitnessAndRejectsATamperedOne(@TempDir Path dir) throws Exception {
    long[] x = {3, -1, 4, 1, -5, 9};
    long[] w = new long[IN * OUT];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i * 7 % 11) - 5;
    }
    CompiledCircuit c = network();
    Witness witness = c.witness(Assignment.builder().set("x", x).set("w", w).build());

    long[] logits = new long[OUT];
    for (int j = 0; j < OUT; j++) {
      long acc = 0;
      for (int i = 0; i < IN; i++) {
        acc += x[i] * w[j * IN + i];
      }
      logits[j] = FixedPoint.relu(FixedPoint.rescale(acc, 4));
    }
    assertEquals(BigInteger.valueOf(FixedPoint.max(logits)), c.values(witness, "best")[0]);
    assertEquals(BigInteger.valueOf(FixedPoint.argmax(logits)), c.values(witness, "label")[0]);
    assertEquals(Poseidon.hashVector(java.util.Arrays.stream(x).mapToObj(v -> BigInteger.valueOf(v)
        .mod(org.zkml4j.math.field.Bn254.R_MODULUS)).toList()), c.values(witness, "inputDigest")[0]);

    R1cs r1cs = c.r1cs();
    Path r1csFile = dir.resolve("network.r1cs");
    R1csFile.write(r1cs, r1csFile);
    Path good = dir.resolve("good.wtns");
    WtnsFile.write(witness, good);
    Peers.Result ok = Peers.snarkjs("wtns", "check", r1csFile.toString(), good.toString());
    assertTrue(ok.exitCode() == 0 && ok.output().contains("WITNESS IS CORRECT"), ok.output());

    // The last wire is internal (the digest's last S-box); one more and snarkjs must object.
    int wire = r1cs.numWires() - 1;
    Path bad = dir.resolve("bad.wtns");
    WtnsFile.write(witness.with(wire, witness.value(wire).add(BigInteger.ONE)), bad);
    Peers.Result rejected = Peers.snarkjs("wtns", "check", r1csFile.toString(), bad.toString());
    assertTrue(rejected.output().contains("WITNESS IS NOT CORRECT"), rejected.output());
  }
}

package org.zkml4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.IntegerBounds;
import org.zkml4j.testkit.Peers;

/**
 * A model whose output is wide (circomlib-ml's x^2 convnet at half width: its rescales are
 * deferred, so the logits are public as integers of about 100 bits at their accumulator's scale):
 * the proof verifies in Java and in snarkjs, the proven outputs decode to ONNX Runtime's float
 * outputs, and a public signal outside the output's interval is not decoded as an output.
 */
class WideOutputEndToEndTest {
  @Test
  void wideLogits_proveVerifyAndDecode(@TempDir Path cache, @TempDir Path dir) throws Exception {
    Path onnx = Fixtures.mnist().resolve("convnet-poly-half.onnx");
    ZkModel model = ZkModel.load(onnx).calibrate(Fixtures.mnist().resolve("calibration.json"))
        .compile(Visibility.defaults());
    var out = model.compiled().graph().outputs().get(0);
    assertTrue(out.bits() > IntegerBounds.MAX_BITS, out.toString());
    Keys keys = model.setup(SetupOptions.local(cache));
    ModelInput input = model.readInput(Fixtures.mnist().resolve("digit-7.png"));
    ProofBundle proof = model.prove(keys, input);
    assertTrue(model.verify(keys.verifyingKey(), proof));
    assertTrue(proof.publicSignals().stream().anyMatch(s -> s.bitLength() > 64 && s.bitLength() < 250),
        "a wide logit among " + proof.publicSignals());

    float[] reference = OnnxRuntime.run(onnx, "input", Shape.of(1, 1, 28, 28), input.values(0));
    float[] proven = model.provenOutputs(proof.publicSignals()).get(0);
    double range = 0;
    for (float v : reference) {
      range = Math.max(range, Math.abs(v));
    }
    for (int i = 0; i < reference.length; i++) {
      assertTrue(Math.abs(proven[i] - reference[i]) <= 0.02 * range, i + ": " + proven[i] + " vs " + reference[i]);
    }
    assertEquals(argmax(reference), argmax(proven));
    assertEquals(7, argmax(proven));

    List<BigInteger> outside = new ArrayList<>(proof.publicSignals());
    outside.set(0, out.upper().add(BigInteger.ONE));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.provenOutputs(outside));
    assertTrue(e.getMessage().contains("not an output value"), e.getMessage());

    keys.save(dir.resolve("model"));
    proof.save(dir.resolve("proof"));
    Peers.Result ok = Peers.snarkjs("groth16", "verify", dir.resolve("model").resolve(Keys.VERIFICATION_KEY).toString(),
        dir.resolve("proof").resolve(ProofBundle.PUBLIC).toString(),
        dir.resolve("proof").resolve(ProofBundle.PROOF).toString());
    assertTrue(ok.exitCode() == 0 && ok.output().contains("OK!"), ok.output());
    assertFalse(ok.output().contains("Invalid"), ok.output());
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}

package org.zkml4j.circuit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.gadget.fixedpoint.Division;
import org.zkml4j.circuit.gadget.fixedpoint.Quotient;
import org.zkml4j.circuit.gadget.fixedpoint.Relu;
import org.zkml4j.circuit.witness.Assignment;

/** The examples of the package documentation, run as written. */
class ApiExampleTest {
  @Test
  void packageExample() throws Exception {
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable[] x = api.privateInputs("x", 3);
      Variable[] w = api.privateInputs("w", 3);
      Variable acc = api.constant(0);
      try (Scope s = api.scope("dot")) {
        for (int i = 0; i < 3; i++) {
          acc = api.add(acc, api.mul(x[i], w[i]));     // one constraint per product
        }
      }
      Quotient q = Division.rescale(api, acc, 8, 16);  // gadget.fixedpoint: 24 constraints
      api.output("y", Relu.relu(api, q));               // 1 constraint
    });
    Witness witness = c.witness(Assignment.builder().set("x", 1, 2, 3).set("w", 256, -512, 768).build());
    assertEquals(3, c.report().constraints("dot"));
    assertEquals(3 + 24 + 1, c.r1cs().numConstraints());
    assertEquals(BigInteger.valueOf(6), c.values(witness, "y")[0]); // (256 - 1024 + 2304) / 2^8
    assertEquals(true, R1csChecker.isSatisfied(c.r1cs(), witness));
  }

  @Test
  void circuitExample() throws Exception {
    Circuit square = api -> {
      Variable x = api.privateInput("x");
      api.output("y", api.mul(x, x));
    };
    CompiledCircuit c = CircuitCompiler.compile(square);
    Witness w = c.witness(Assignment.builder().set("x", 7).build());
    assertEquals(BigInteger.valueOf(49), c.values(w, "y")[0]);
  }
}

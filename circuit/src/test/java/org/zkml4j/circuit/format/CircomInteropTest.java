package org.zkml4j.circuit.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkml4j.circuit.ConstraintViolation;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.R1csSpec;
import org.zkml4j.circuit.SparseMatrix;
import org.zkml4j.circuit.Witness;
import org.zkml4j.testkit.Peers;

/**
 * Differential tests against circom 2 and snarkjs: circuits under {@code resources/circom} are
 * compiled by circom2 (npm), their witnesses computed by {@code snarkjs wtns calculate}, and what
 * the readers make of the files is compared with what snarkjs makes of them ({@code r1cs info},
 * {@code r1cs export json}, {@code wtns export json}, {@code wtns check}).
 */
class CircomInteropTest {
  private static final String CIRCUITS = """
      multiplier,        '{"a": "3", "b": "11", "c": "5"}'
      bounded_less_than, '{"x": "37", "y": "200"}'
      """;
  private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

  @TempDir
  static Path dir;

  /** A compiled circuit, its witness, and snarkjs's reading of both. */
  record Compiled(Path r1cs, Path wtns, R1csSpec reference, long numLabels, long[] labels, List<BigInteger> witness) {}

  @BeforeAll
  static void requireTools() {
    Peers.assumeAvailable("circom2", "snarkjs", "circomlib");
  }

  @ParameterizedTest
  @CsvSource(textBlock = CIRCUITS)
  void readerAgreesWithSnarkjsOnEveryTermAndLabel(String name, String input) throws Exception {
    Compiled c = compile(name, input);
    R1cs r1cs = R1csFile.read(c.r1cs());
    R1csSpec ref = c.reference();
    assertEquals(List.of(ref.numWires(), ref.numOutputs(), ref.numPublicInputs(), ref.numPrivateInputs(),
        ref.constraints().size()), List.of(r1cs.numWires(), r1cs.numOutputs(), r1cs.numPublicInputs(),
        r1cs.numPrivateInputs(), r1cs.numConstraints()));
    assertEquals(c.numLabels(), r1cs.numLabels());
    for (int w = 0; w < r1cs.numWires(); w++) {
      assertEquals(c.labels()[w], r1cs.wireLabel(w), "label of wire " + w);
    }
    for (int i = 0; i < r1cs.numConstraints(); i++) {
      for (R1cs.Matrix m : R1cs.Matrix.values()) {
        assertEquals(ref.constraints().get(i).get(m.ordinal()), row(r1cs.matrix(m), i), "constraint " + i + " " + m);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(textBlock = CIRCUITS)
  void headerAgreesWithSnarkjsR1csInfo(String name, String input) throws Exception {
    Compiled c = compile(name, input);
    R1cs r1cs = R1csFile.read(c.r1cs());
    String info = Peers.snarkjsOk("r1cs", "info", c.r1cs().toString());
    assertEquals(r1cs.numWires(), infoCount(info, "Wires"));
    assertEquals(r1cs.numConstraints(), infoCount(info, "Constraints"));
    assertEquals(r1cs.numPrivateInputs(), infoCount(info, "Private Inputs"));
    assertEquals(r1cs.numPublicInputs(), infoCount(info, "Public Inputs"));
    assertEquals(r1cs.numLabels(), infoCount(info, "Labels"));
    assertEquals(r1cs.numOutputs(), infoCount(info, "Outputs"));
  }

  @ParameterizedTest
  @CsvSource(textBlock = CIRCUITS)
  void witnessAgreesWithSnarkjsAndSatisfiesTheR1cs(String name, String input) throws Exception {
    Compiled c = compile(name, input);
    Witness w = WtnsFile.read(c.wtns());
    assertEquals(c.witness().size(), w.size());
    for (int i = 0; i < w.size(); i++) {
      assertEquals(c.witness().get(i), w.value(i), "wire " + i);
    }
    assertEquals(-1, c.reference().firstViolation(c.witness()));
    assertEquals(Optional.empty(), R1csChecker.firstViolation(R1csFile.read(c.r1cs()), w));
    String check = Peers.snarkjsOk("wtns", "check", c.r1cs().toString(), c.wtns().toString());
    assertTrue(check.contains("WITNESS IS CORRECT"), check);
  }

  @ParameterizedTest
  @CsvSource(textBlock = CIRCUITS)
  void filesWeWriteAreReadIdenticallyBySnarkjs(String name, String input) throws Exception {
    Compiled c = compile(name, input);
    Path r1csCopy = dir.resolve(name + "-written.r1cs");
    Path wtnsCopy = dir.resolve(name + "-written.wtns");
    R1csFile.write(R1csFile.read(c.r1cs()), r1csCopy);
    WtnsFile.write(WtnsFile.read(c.wtns()), wtnsCopy);
    // snarkjs writes the same layout we do, so the witness file is byte-identical.
    assertArrayEquals(Files.readAllBytes(c.wtns()), Files.readAllBytes(wtnsCopy));
    // circom puts the constraints section first and we put the header first, so compare what
    // snarkjs reads from both.
    assertEquals(exportR1cs(c.r1cs(), name + "-original"), exportR1cs(r1csCopy, name + "-copy"));
    String check = Peers.snarkjsOk("wtns", "check", r1csCopy.toString(), wtnsCopy.toString());
    assertTrue(check.contains("WITNESS IS CORRECT"), check);
  }

  @ParameterizedTest
  @CsvSource(textBlock = CIRCUITS)
  void tamperedInternalWireIsReportedWhereSnarkjsReportsIt(String name, String input) throws Exception {
    Compiled c = compile(name, input);
    R1cs r1cs = R1csFile.read(c.r1cs());
    Witness honest = WtnsFile.read(c.wtns());
    int firstInternal = 1 + r1cs.numPublic() + r1cs.numPrivateInputs();
    assertTrue(firstInternal < r1cs.numWires(), name + " has internal wires");
    int detected = 0;
    for (int wire = firstInternal; wire < r1cs.numWires(); wire++) {
      BigInteger changed = honest.value(wire).add(BigInteger.ONE);
      Witness tampered = honest.with(wire, changed);
      List<BigInteger> reference = new ArrayList<>(c.witness());
      reference.set(wire, changed);
      int expected = c.reference().firstViolation(reference);
      Optional<ConstraintViolation> found = R1csChecker.firstViolation(r1cs, tampered);
      assertEquals(expected, found.map(ConstraintViolation::constraint).orElse(-1), "wire " + wire);
      if (found.isPresent()) {
        detected++;
        assertTrue(found.get().wires().contains(wire), found.get().message());
      }
      if (wire == firstInternal || wire == r1cs.numWires() - 1) {
        // snarkjs names the same constraint.
        Path file = dir.resolve(name + "-tampered-" + wire + ".wtns");
        WtnsFile.write(tampered, file);
        Peers.Result check = Peers.snarkjs("wtns", "check", c.r1cs().toString(), file.toString());
        assertNotEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("aborting checking process at constraint " + expected), check.output());
      }
    }
    assertEquals(r1cs.numWires() - firstInternal, detected, "every internal wire is constrained");
  }

  private static long infoCount(String info, String what) {
    Matcher m = Pattern.compile("# of " + what + ": (\\d+)").matcher(info);
    assertTrue(m.find(), "no '# of " + what + "' in:\n" + info);
    return Long.parseLong(m.group(1));
  }

  private static Map<Integer, BigInteger> row(SparseMatrix m, int row) {
    Map<Integer, BigInteger> lc = new HashMap<>();
    for (int k = m.rowStart(row); k < m.rowEnd(row); k++) {
      lc.put(m.wire(k), m.coefficientValue(k));
    }
    return lc;
  }

  /** The text form of snarkjs's JSON export of an .r1cs file. */
  private static List<String> exportR1cs(Path r1cs, String tag) {
    Path json = dir.resolve(tag + ".r1cs.json");
    Peers.snarkjsOk("r1cs", "export", "json", r1cs.toString(), json.toString());
    return Peers.nodeOk(List.of(script(), "r1cs", json.toString()), null).stdout().lines().toList();
  }

  /** Compiles a circuit and computes its witness once per test run. */
  private static Compiled compile(String name, String input) {
    return COMPILED.computeIfAbsent(name, n -> {
      try {
        Path out = Files.createDirectories(dir.resolve(n));
        Peers.circom(resource(n + ".circom"), out);
        Path inputFile = Files.writeString(out.resolve("input.json"), input);
        Path r1cs = out.resolve(n + ".r1cs");
        Path wtns = out.resolve(n + ".wtns");
        Peers.snarkjsOk("wtns", "calculate", out.resolve(n + "_js/" + n + ".wasm").toString(),
            inputFile.toString(), wtns.toString());
        Path wtnsJson = out.resolve("wtns.json");
        Peers.snarkjsOk("wtns", "export", "json", wtns.toString(), wtnsJson.toString());
        List<BigInteger> witness = Peers.nodeOk(List.of(script(), "wtns", wtnsJson.toString()), null).stdout().lines()
            .map(BigInteger::new).toList();
        return parse(exportR1cs(r1cs, n), r1cs, wtns, witness);
      } catch (Exception e) {
        throw new AssertionError("could not compile " + n, e);
      }
    });
  }

  /** Reads the text lines of snarkjs-json-to-text.cjs into the BigInteger reference model. */
  private static Compiled parse(List<String> lines, Path r1cs, Path wtns, List<BigInteger> witness) {
    String[] h = lines.get(0).split(" ");
    long[] labels = List.of(lines.get(1).split(" ")).stream().skip(1).mapToLong(Long::parseLong).toArray();
    List<List<Map<Integer, BigInteger>>> constraints = new ArrayList<>();
    for (int i = 2; i + 2 < lines.size(); i += 3) {
      List<Map<Integer, BigInteger>> constraint = new ArrayList<>();
      for (int m = 0; m < 3; m++) {
        Map<Integer, BigInteger> lc = new HashMap<>();
        for (String term : List.of(lines.get(i + m).split(" ")).subList(1, lines.get(i + m).split(" ").length)) {
          String[] kv = term.split("=");
          lc.put(Integer.parseInt(kv[0]), new BigInteger(kv[1]));
        }
        constraint.add(lc);
      }
      constraints.add(constraint);
    }
    assertEquals(Integer.parseInt(h[6]), constraints.size(), "constraints in snarkjs's export");
    R1csSpec reference = new R1csSpec(Integer.parseInt(h[1]), Integer.parseInt(h[2]), Integer.parseInt(h[3]),
        Integer.parseInt(h[4]), constraints);
    return new Compiled(r1cs, wtns, reference, Long.parseLong(h[5]), labels, witness);
  }

  private static String script() {
    return resource("snarkjs-json-to-text.cjs").toString();
  }

  private static Path resource(String name) {
    try {
      return Path.of(CircomInteropTest.class.getResource("/circom/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}

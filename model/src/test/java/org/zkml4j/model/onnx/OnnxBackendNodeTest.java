package org.zkml4j.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.OpType;
import org.zkml4j.model.ir.ReferenceEvaluator;
import org.zkml4j.model.ir.Tensor;

/**
 * Runs the ONNX backend node tests (onnx/backend/test/data/node: one operator per model, with
 * reference inputs and outputs as TensorProto files) for every case whose operators are all
 * supported, through the importer and the {@link ReferenceEvaluator}.
 *
 * <p>The data comes from Debian's {@code libonnx-testdata} package, which installs it under
 * {@value #DEBIAN_DATA}; the system property {@code zkml4j.onnx.testdata} names another folder
 * holding the {@code test_*} case folders. Without either, the whole class is skipped. A case whose
 * operator is supported but which uses something the importer rejects as unsupported (an attribute
 * value, an input type) is skipped with the importer's message, and all such cases are listed at
 * the end; any other import error or wrong output fails.
 */
class OnnxBackendNodeTest {
  static final String DEBIAN_DATA = "/usr/share/libonnx-testdata/data/node";
  private static final double RTOL = 1e-3;
  private static final double ATOL = 1e-5;
  private static final Map<String, String> SKIPPED = new TreeMap<>();
  private static final List<String> PASSED = new ArrayList<>();
  private static final List<String> PASSED_BOUND = new ArrayList<>();

  static Path dataFolder() {
    String configured = System.getProperty("zkml4j.onnx.testdata");
    Path folder = Path.of(configured != null ? configured : DEBIAN_DATA);
    return Files.isDirectory(folder) ? folder : null;
  }

  @TestFactory
  Stream<DynamicTest> supportedOperatorCases() throws IOException {
    Path folder = dataFolder();
    assumeTrue(folder != null, "ONNX backend test data not found at " + DEBIAN_DATA
        + " (install Debian's libonnx-testdata, or set -Dzkml4j.onnx.testdata=<folder of test_* cases>)");
    List<Path> cases;
    try (Stream<Path> s = Files.list(folder)) {
      cases = s.filter(p -> Files.isRegularFile(p.resolve("model.onnx"))).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path c : cases) {
      byte[] model = Files.readAllBytes(c.resolve("model.onnx"));
      if (usesOnlySupportedOperators(c, model)) {
        tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c, model)));
      }
    }
    return tests.stream();
  }

  private static boolean usesOnlySupportedOperators(Path dir, byte[] model) {
    try {
      OnnxProto.Model m = OnnxProto.parseModel(model);
      return m.graph() != null && !m.graph().nodes().isEmpty() && m.graph().nodes().stream()
          .allMatch(n -> (n.domain().isEmpty() || n.domain().equals("ai.onnx"))
              && OpType.forOnnxName(n.opType()).isPresent());
    } catch (ProtoReader.ProtoException e) {
      throw new AssertionError(dir + "/model.onnx does not parse: " + e.getMessage() + " at byte " + e.offset()
          + (e instanceof OnnxProto.Located l ? " in " + l.where() : ""), e);
    }
  }

  /**
   * Imports the model and checks every test data set. Where the import needs an operand as a
   * constant that the case feeds as a graph input (Reshape's shape, Div's divisor, Clip's bounds),
   * the case is rerun with every input after the first bound to its test value, as a real model
   * would hold it.
   */
  private static void runCase(Path dir, byte[] model) throws Exception {
    String name = dir.getFileName().toString();
    String source = name + "/model.onnx";
    List<Path> sets;
    try (Stream<Path> s = Files.list(dir)) {
      sets = s.filter(p -> p.getFileName().toString().startsWith("test_data_set_")).sorted().toList();
    }
    assertTrue(!sets.isEmpty(), name + " has no test_data_set_*");
    List<String> inputNames = OnnxProto.parseModel(model).graph().inputs().stream()
        .map(OnnxProto.ValueInfoDef::name).toList();
    Graph plain = null;
    try {
      plain = OnnxImporter.read(model, source);
    } catch (OnnxException e) {
      if (e.kind() != OnnxException.Kind.UNSUPPORTED) {
        throw e;
      }
      if (!e.getMessage().contains("must be a constant") || inputNames.size() < 2) {
        SKIPPED.put(name, e.getMessage());
        throw abort(e.getMessage());
      }
    }
    boolean bound = plain == null;
    for (Path set : sets) {
      List<Tensor> inputs = readAll(set, "input_");
      List<Tensor> expected = readAll(set, "output_");
      Graph graph = bound
          ? importOrSkip(name, () -> OnnxImporter.read(model, source, bindAfterFirst(inputNames, inputs))) : plain;
      List<Tensor> runtime = bound ? inputs.subList(0, 1) : inputs;
      assertEquals(graph.inputs().size(), runtime.size(), set + ": number of inputs");
      assertEquals(graph.outputs().size(), expected.size(), set + ": number of outputs");
      List<Tensor> actual = new ReferenceEvaluator(graph).run(runtime);
      for (int i = 0; i < expected.size(); i++) {
        TensorAssert.assertClose(expected.get(i), actual.get(i), RTOL, ATOL,
            name + "/" + set.getFileName() + " output " + i);
      }
    }
    (bound ? PASSED_BOUND : PASSED).add(name);
  }

  private interface Import {
    Graph run() throws OnnxException;
  }

  private static Graph importOrSkip(String name, Import importer) throws OnnxException {
    try {
      return importer.run();
    } catch (OnnxException e) {
      if (e.kind() == OnnxException.Kind.UNSUPPORTED) {
        SKIPPED.put(name, e.getMessage());
        throw abort(e.getMessage());
      }
      throw e;
    }
  }

  private static Map<String, Tensor> bindAfterFirst(List<String> names, List<Tensor> values) {
    Map<String, Tensor> bound = new java.util.HashMap<>();
    for (int i = 1; i < values.size(); i++) {
      bound.put(names.get(i), values.get(i));
    }
    return bound;
  }

  private static List<Tensor> readAll(Path set, String prefix) throws IOException, OnnxException {
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; Files.exists(set.resolve(prefix + i + ".pb")); i++) {
      out.add(OnnxImporter.readTensor(set.resolve(prefix + i + ".pb")));
    }
    return out;
  }

  private static TestAbortedException abort(String message) {
    return new TestAbortedException(message);
  }

  @AfterAll
  static void report() {
    if (PASSED.isEmpty() && SKIPPED.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("ONNX backend node tests: ").append(PASSED.size() + PASSED_BOUND.size()).append(" passed (")
        .append(PASSED_BOUND.size()).append(" of them with operand inputs bound as constants), ").append(SKIPPED.size())
        .append(" skipped as unsupported\n  passed: ").append(String.join(" ", PASSED))
        .append("\n  passed with bound operands: ").append(String.join(" ", PASSED_BOUND)).append("\n  skipped:\n");
    SKIPPED.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v.substring(v.indexOf(": ") + 2))
        .append('\n'));
    System.out.print(sb);
  }
}

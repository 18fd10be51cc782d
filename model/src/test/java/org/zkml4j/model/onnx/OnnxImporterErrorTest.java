package org.zkml4j.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkml4j.model.onnx.Differential.longs;
import static org.zkml4j.model.onnx.Differential.random;
import static org.zkml4j.model.onnx.ModelWriter.FLOAT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.model.ir.OpType;
import org.zkml4j.model.onnx.ModelWriter.Attr;
import org.zkml4j.model.onnx.OnnxException.Kind;

/** Malformed files, invalid models and unsupported features each give the documented error. */
class OnnxImporterErrorTest {
  private final Random r = new Random(40);

  private static ModelWriter relu(int opset) {
    return new ModelWriter(opset).input("x", FLOAT, 1, 4).output("y", FLOAT).node("Relu", List.of("x"), List.of("y"));
  }

  private static OnnxException fails(Kind kind, byte[] model, String... fragments) {
    OnnxException e = assertThrows(OnnxException.class, () -> OnnxImporter.read(model, "m.onnx"));
    assertEquals(kind, e.kind(), e.getMessage());
    assertTrue(e.getMessage().startsWith("m.onnx: "), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "expected \"" + f + "\" in: " + e.getMessage());
    }
    return e;
  }

  private static OnnxException fails(Kind kind, ModelWriter model, String... fragments) {
    return fails(kind, model.toBytes(), fragments);
  }

  @Test
  void emptyOrForeignFile_isMalformed() {
    fails(Kind.MALFORMED, new byte[0], "has no graph");
    fails(Kind.MALFORMED, "hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "malformed protobuf");
  }

  @Test
  void everyTruncationOfAValidModel_isMalformed() {
    byte[] model = relu(13).toBytes();
    for (int length = 1; length < model.length; length++) {
      byte[] cut = Arrays.copyOf(model, length);
      OnnxException e = assertThrows(OnnxException.class, () -> OnnxImporter.read(cut, "m.onnx"), "length " + length);
      assertTrue(e.kind() == Kind.MALFORMED || e.kind() == Kind.INVALID, e.getMessage());
    }
  }

  @Test
  void lengthPastTheEnd_namesTheByteAndTheMessage() {
    ProtoWriter graph = new ProtoWriter();
    graph.key(1, 2);
    graph.varint(1000);
    byte[] model = new ProtoWriter().varintField(1, 8).messageField(7, graph).toBytes();
    fails(Kind.MALFORMED, model, "malformed protobuf at byte", "in graph", "runs past the end");
  }

  @Test
  void groupWireType_isMalformed() {
    ProtoWriter w = new ProtoWriter();
    w.key(7, 3);
    fails(Kind.MALFORMED, w.toBytes(), "wire type 3");
  }

  @Test
  void opsetOutsideRange_isUnsupported() {
    fails(Kind.UNSUPPORTED, relu(22), "opset 22", OpType.MIN_OPSET + " to " + OpType.MAX_OPSET);
    fails(Kind.UNSUPPORTED, relu(6), "opset 6");
  }

  @Test
  void missingDefaultOpset_isInvalid() {
    ProtoWriter g = new ProtoWriter().stringField(2, "g");
    byte[] model = new ProtoWriter().varintField(1, 8).messageField(7, g)
        .messageField(8, new ProtoWriter().stringField(1, "ai.onnx.ml").varintField(2, 3)).toBytes();
    fails(Kind.INVALID, model, "no opset for the default ONNX domain");
  }

  @Test
  void unknownOperator_namesNodeOperatorAndSupportedList() {
    ModelWriter m = new ModelWriter(13).input("x", FLOAT, 1, 4).output("y", FLOAT)
        .node("Relu", List.of("x"), List.of("r")).node("Erf", List.of("r"), List.of("y"));
    fails(Kind.UNSUPPORTED, m, "node 'erf1'", "operator 'Erf' is not supported", OpType.supportedNames());
  }

  @Test
  void unsupportedAttributeOrAttributeValue_isUnsupported() {
    ModelWriter conv = new ModelWriter(13).input("x", FLOAT, 1, 1, 4, 4).initializer("w", random(r, 1, 1, 3, 3))
        .output("y", FLOAT).node("Conv", List.of("x", "w"), List.of("y"), Attr.i("foo", 1));
    fails(Kind.UNSUPPORTED, conv, "node 'conv0' (Conv, opset 13)", "attribute 'foo' is not supported");
    ModelWriter pad = new ModelWriter(13).input("x", FLOAT, 1, 4).initializer("p", longs(0, 1, 0, 1))
        .output("y", FLOAT).node("Pad", List.of("x", "p"), List.of("y"), Attr.s("mode", "reflect"));
    fails(Kind.UNSUPPORTED, pad, "mode 'reflect'");
    ModelWriter indices = new ModelWriter(13).input("x", FLOAT, 1, 1, 4, 4).output("y", FLOAT)
        .node("MaxPool", List.of("x"), List.of("y", "i"), Attr.ints("kernel_shape", 2, 2));
    fails(Kind.UNSUPPORTED, indices, "Indices");
  }

  @Test
  void attributeOfTheWrongType_isInvalid() {
    ModelWriter m = new ModelWriter(13).input("x", FLOAT, 1, 4).output("y", FLOAT)
        .node("LeakyRelu", List.of("x"), List.of("y"), Attr.i("alpha", 2));
    fails(Kind.INVALID, m, "attribute 'alpha' should be FLOAT, but is INT");
  }

  @Test
  void operandThatIsNotConstant_isUnsupported() {
    ModelWriter reshape = new ModelWriter(13).input("x", FLOAT, 2, 3).input("s", ModelWriter.INT64, 1)
        .output("y", FLOAT).node("Reshape", List.of("x", "s"), List.of("y"));
    fails(Kind.UNSUPPORTED, reshape, "node 'reshape0'", "(shape) 's' must be a constant");
    ModelWriter div = new ModelWriter(13).input("x", FLOAT, 2, 3).input("d", FLOAT, 2, 3).output("y", FLOAT)
        .node("Div", List.of("x", "d"), List.of("y"));
    fails(Kind.UNSUPPORTED, div, "(divisor) 'd' must be a constant");
  }

  @Test
  void externalData_isRejectedWithAClearMessage() {
    ProtoWriter tensor = new ProtoWriter().varintField(1, 4).varintField(2, 1).stringField(8, "w")
        .messageField(13, new ProtoWriter().stringField(1, "location").stringField(2, "weights.bin"))
        .varintField(14, 1);
    ProtoWriter g = new ProtoWriter().messageField(5, tensor);
    byte[] model = new ProtoWriter().varintField(1, 8).messageField(7, g)
        .messageField(8, new ProtoWriter().stringField(1, "").varintField(2, 13)).toBytes();
    fails(Kind.UNSUPPORTED, model, "initializer 'w'", "external file");
  }

  @Test
  void initializerWithTooFewElements_isMalformed() {
    ProtoWriter tensor = new ProtoWriter().varintField(1, 4).varintField(2, 1).stringField(8, "w")
        .packedFloats(4, 1f, 2f);
    ProtoWriter g = new ProtoWriter().messageField(5, tensor);
    byte[] model = new ProtoWriter().varintField(1, 8).messageField(7, g)
        .messageField(8, new ProtoWriter().stringField(1, "").varintField(2, 13)).toBytes();
    fails(Kind.MALFORMED, model, "initializer 'w'", "needs 4 elements, found 2");
  }

  @Test
  void shapesThatDoNotFit_areInvalidAndNameTheNode() {
    ModelWriter conv = new ModelWriter(13).input("x", FLOAT, 1, 3, 8, 8).initializer("w", random(r, 2, 2, 3, 3))
        .output("y", FLOAT).node("Conv", List.of("x", "w"), List.of("y"));
    fails(Kind.INVALID, conv, "node 'conv0' (Conv)", "3 channels");
    ModelWriter add = new ModelWriter(13).input("a", FLOAT, 2, 3).input("b", FLOAT, 4).output("y", FLOAT)
        .node("Add", List.of("a", "b"), List.of("y"));
    fails(Kind.INVALID, add, "node 'add0' (Add)", "do not broadcast");
    ModelWriter undefined = new ModelWriter(13).input("a", FLOAT, 2, 3).output("y", FLOAT)
        .node("Relu", List.of("nothing"), List.of("y"));
    fails(Kind.INVALID, undefined, "'nothing'");
  }

  @Test
  void symbolicDimensionBeyondTheBatch_isUnsupported() {
    ModelWriter m = new ModelWriter(13).input("x", FLOAT, "N", "width").output("y", FLOAT)
        .node("Relu", List.of("x"), List.of("y"));
    fails(Kind.UNSUPPORTED, m, "symbolic dimension 'width' at axis 1");
  }

  @Test
  void readingAFile_namesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.onnx");
    Files.write(file, new byte[] {0x08});
    OnnxException e = assertThrows(OnnxException.class, () -> OnnxImporter.read(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertEquals(file.toString(), e.source());
  }
}

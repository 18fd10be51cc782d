package org.zkml4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.model.ir.Shape;

/**
 * Input files against independent references: the PNG digits against the pixel bytes of
 * {@code test-subset.json} and against the JSON digit files Python wrote, the 7x7 forms against
 * numpy's block means, and the error messages a user sees.
 */
class InputFilesTest {
  private static final List<InputSpec> MNIST = List.of(new InputSpec("input", Shape.of(1, 1, 28, 28)));
  private static final List<InputSpec> TINY = List.of(new InputSpec("input", Shape.of(1, 1, 7, 7)));

  @TempDir Path tmp;

  @Test
  void pngDigits_areTheBytesOfTheTestSubset_andEqualTheJsonDigits() throws Exception {
    List<int[]> subset = Fixtures.testSubsetImages();
    for (int d = 0; d < 10; d++) {
      float[] png = ImageInputs.read(Fixtures.mnist().resolve("digit-" + d + ".png"), MNIST.get(0)).values(0);
      float[] json = JsonInputs.read(Fixtures.mnist().resolve("digit-" + d + ".json"), MNIST).values(0);
      int[] bytes = subset.get(d);
      assertEquals(784, png.length);
      for (int i = 0; i < 784; i++) {
        assertEquals(bytes[i], Math.round(png[i] * 255), "digit " + d + " pixel " + i);
      }
      assertArrayEquals(json, png, "digit " + d);
    }
  }

  @Test
  void pngDigits_resizedTo7x7_areTheBlockMeansNumpyComputed() throws Exception {
    for (int d = 0; d < 10; d++) {
      float[] png = ImageInputs.read(Fixtures.mnist().resolve("digit-" + d + ".png"), TINY.get(0)).values(0);
      float[] json = JsonInputs.read(Fixtures.tiny("digit-" + d + ".json"), TINY).values(0);
      assertArrayEquals(json, png, 1e-6f, "digit " + d);
    }
  }

  @Test
  void colourAndTransparentImages_becomeLumaOverBlack() throws Exception {
    BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    rgb.setRGB(0, 0, 0xff_ff_00_00); // opaque red
    rgb.setRGB(1, 0, 0x80_ff_ff_ff); // half-transparent white
    Path file = tmp.resolve("rgb.png");
    ImageIO.write(rgb, "png", file.toFile());
    float[] gray = ImageInputs.read(file, new InputSpec("x", Shape.of(1, 1, 1, 2))).values(0);
    assertArrayEquals(new float[] {0.299f, 128 / 255f}, gray, 1e-6f);
    float[] channels = ImageInputs.read(file, new InputSpec("x", Shape.of(1, 3, 1, 2))).values(0);
    assertArrayEquals(new float[] {1, 128 / 255f, 0, 128 / 255f, 0, 128 / 255f}, channels, 1e-6f);
    float h = 128 / 255f;
    float[] last = ImageInputs.read(file, new InputSpec("x", Shape.of(1, 2, 2, 3))).values(0); // NHWC, rows doubled
    assertArrayEquals(new float[] {1, 0, 0, h, h, h, 1, 0, 0, h, h, h}, last, 1e-6f);
  }

  @Test
  void jsonForms_nestedFlatAndEzkl_areTheSameInput() throws Exception {
    float[] expected = JsonInputs.read(Fixtures.tiny("digit-3.json"), TINY).values(0);
    String flat = IntStream.range(0, 49).mapToObj(i -> Float.toString(expected[i])).collect(Collectors.joining(","));
    String nested = "[[" + IntStream.range(0, 7).mapToObj(r -> "[" + IntStream.range(0, 7)
        .mapToObj(c -> Float.toString(expected[7 * r + c])).collect(Collectors.joining(",")) + "]")
        .collect(Collectors.joining(",")) + "]]";
    for (String text : List.of("[" + flat + "]", nested, "{\"input_data\": [[" + flat + "]]}")) {
      Path f = write("in.json", text);
      assertArrayEquals(expected, JsonInputs.read(f, TINY).values(0), text);
    }
  }

  @Test
  void wrongSize_saysWhatTheModelTakes() throws Exception {
    Path f = write("short.json", "{\"input_data\": [[" + "0.5,".repeat(779) + "0.5]]}");
    FormatException e = assertThrows(FormatException.class, () -> JsonInputs.read(f, MNIST));
    assertTrue(e.getMessage().endsWith("the model takes 784 values (1x1x28x28), the file has 780"), e.getMessage());
  }

  @Test
  void malformedJson_namesTheFileAndPlace() throws Exception {
    Path f = write("bad.json", "{\"input_data\": [[1, 2,");
    FormatException e = assertThrows(FormatException.class, () -> JsonInputs.read(f, TINY));
    assertTrue(e.getMessage().startsWith(f + ": is not valid JSON"), e.getMessage());
    Path s = write("string.json", "[1, 2, \"three\"]");
    assertTrue(assertThrows(FormatException.class, () -> JsonInputs.read(s, TINY)).getMessage()
        .contains("value 2 is the string \"three\""));
    Path o = write("object.json", "{\"data\": [1]}");
    assertTrue(assertThrows(FormatException.class, () -> JsonInputs.read(o, TINY)).getMessage()
        .contains("no \"input_data\""));
  }

  @Test
  void twoInputModels_needOneArrayPerInput() throws Exception {
    List<InputSpec> two = List.of(new InputSpec("a", Shape.of(2)), new InputSpec("b", Shape.of(1, 3)));
    ModelInput in = JsonInputs.read(write("two.json", "{\"input_data\": [[1, 2], [[3, 4, 5]]]}"), two);
    assertArrayEquals(new float[] {1, 2}, in.values(0));
    assertArrayEquals(new float[] {3, 4, 5}, in.values(1));
    Path wrong = write("wrong.json", "[[1, 2], [3, 4]]");
    assertTrue(assertThrows(FormatException.class, () -> JsonInputs.read(wrong, two)).getMessage()
        .endsWith("input 'b' takes 3 values (1x3), the file has 2"));
    Path one = write("one.json", "[1, 2, 3]");
    assertTrue(assertThrows(FormatException.class, () -> JsonInputs.read(one, two)).getMessage()
        .contains("the model has 2 inputs"));
  }

  @Test
  void calibrationSamples_imagesAndConcatenatedEzklSamples() throws Exception {
    List<ModelInput> images = JsonInputs.readSamples(Fixtures.mnist().resolve("calibration.json"), MNIST);
    assertEquals(100, images.size());
    String text = Files.readString(Fixtures.mnist().resolve("calibration.json"), StandardCharsets.UTF_8);
    int images0 = text.indexOf("[", text.indexOf("[", text.indexOf("\"images\"")) + 1) + 1;
    String first = text.substring(images0, text.indexOf(']', images0));
    String[] pixels = first.split(",");
    for (int i = 0; i < 784; i++) {
      assertEquals((float) (Integer.parseInt(pixels[i].strip()) / 255.0), images.get(0).values(0)[i]);
    }
    List<ModelInput> tiny = JsonInputs.readSamples(Fixtures.tiny("calibration.json"), TINY);
    assertEquals(100, tiny.size());
    Path three = write("three.json", "{\"input_data\": [[" + "0.25,".repeat(3 * 49 - 1) + "0.75]]}");
    List<ModelInput> samples = JsonInputs.readSamples(three, TINY);
    assertEquals(3, samples.size());
    assertEquals(0.75f, samples.get(2).values(0)[48]);
    Path ragged = write("ragged.json", "[" + "0.25,".repeat(96) + "0.5]");
    assertTrue(assertThrows(FormatException.class, () -> JsonInputs.readSamples(ragged, TINY)).getMessage()
        .contains("or a multiple of it"));
  }

  @Test
  void nonImageShapes_andNonImages_areRefused() throws Exception {
    Path png = Fixtures.mnist().resolve("digit-1.png");
    assertTrue(assertThrows(FormatException.class, () -> ImageInputs.read(png, new InputSpec("x", Shape.of(1, 10))))
        .getMessage().contains("is not an image shape"));
    Path text = write("fake.png", "not an image");
    assertTrue(assertThrows(FormatException.class, () -> ImageInputs.read(text, MNIST.get(0))).getMessage()
        .contains("is not an image Java can read"));
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }
}

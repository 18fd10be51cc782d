package org.zkml4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.zkml4j.api.BundledMnist;

/**
 * MNIST's framing of a drawing: the digit's box fitted to 20x20, its centre of mass at the centre
 * of the 28x28 frame, wherever and however large it was drawn; 28x28 images taken byte for byte.
 */
class DigitImageTest {
  @Test
  void aSmallOffCentreStroke_isScaledTo20Pixels_andCentredByMass() throws Exception {
    BufferedImage canvas = new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 280, 280);
    g.setColor(Color.WHITE);
    g.fillRect(10, 20, 30, 60); // a bar 30 wide, 60 tall, in the top-left corner
    g.dispose();
    float[] x = DigitImage.read(png(canvas));
    int top = 28, bottom = -1, left = 28, right = -1;
    double mass = 0, mx = 0, my = 0;
    for (int i = 0; i < 784; i++) {
      if (x[i] > 0.5f) {
        top = Math.min(top, i / 28);
        bottom = Math.max(bottom, i / 28);
        left = Math.min(left, i % 28);
        right = Math.max(right, i % 28);
      }
      mass += x[i];
      mx += x[i] * (i % 28 + 0.5);
      my += x[i] * (i / 28 + 0.5);
    }
    assertEquals(20, bottom - top + 1, "the long side fills 20 pixels");
    assertEquals(10, right - left + 1, "the aspect is kept");
    assertEquals(14.0, mx / mass, 0.5);
    assertEquals(14.0, my / mass, 0.5);
    assertEquals(200.0, mass, 1e-3, "the ink is conserved: 10 x 20 white pixels");
  }

  @Test
  void darkInkOnWhite_isInverted() throws Exception {
    BufferedImage paper = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = paper.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 100, 100);
    g.setColor(Color.BLACK);
    g.fillRect(40, 10, 20, 80);
    g.dispose();
    float[] x = DigitImage.read(png(paper));
    assertEquals(1.0f, x[14 * 28 + 14], 1e-6);
    assertEquals(0.0f, x[0], 1e-6);
  }

  @Test
  void aBundledDigit_isTakenByteForByte() throws Exception {
    var file = BundledMnist.require().digit(2);
    BufferedImage image = ImageIO.read(file.toFile());
    float[] x = DigitImage.read(Files.readAllBytes(file));
    for (int i = 0; i < 784; i++) {
      assertEquals(image.getRaster().getSample(i % 28, i / 28, 0) / 255.0, x[i], 1e-6, "pixel " + i);
    }
  }

  @Test
  void blankAndUndecodableImages_are400s() throws Exception {
    assertEquals(400, assertThrows(HttpError.class, () -> DigitImage.read(png(new BufferedImage(50, 50,
        BufferedImage.TYPE_INT_RGB)))).status());
    HttpError e = assertThrows(HttpError.class, () -> DigitImage.read(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("image"), e.getMessage());
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}

package org.zkml4j.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.model.ir.Shape;

/**
 * A model input from an image file (PNG, or anything else {@link ImageIO} reads), as pixel / 255.
 *
 * <p>The model's input shape says how to lay the image out: {@code [1, C, H, W]} (NCHW, the ONNX
 * convention), {@code [1, H, W, C]}, {@code [C, H, W]}, {@code [H, W]}, or a flat {@code [1, N]} /
 * {@code [N]} with N a square, where C is 1 (grayscale) or 3 (RGB). An image of another size is
 * resampled to H x W by area averaging.
 *
 * <p>Grayscale images are read from their raster, not through Java's colour conversion (which
 * would apply a gamma curve to 8-bit gray PNGs), so a gray PNG's bytes come out exactly. Colour
 * images become gray by ITU-R 601 luma (0.299 R + 0.587 G + 0.114 B), and transparent pixels are
 * composed over black (MNIST digits are white on black).
 */
final class ImageInputs {
  private ImageInputs() {}

  /** Where the channels, rows and columns of an image go in the input tensor. */
  private record Layout(int channels, int height, int width, boolean channelsLast) {}

  static ModelInput read(Path file, InputSpec input) throws IOException, FormatException {
    Layout layout = layout(input.shape());
    if (layout == null) {
      throw new FormatException(file, "is an image, but the model's input '" + input.name() + "' of shape "
          + input.shape() + " is not an image shape ([1, C, H, W] with C = 1 or 3, [H, W], or [1, N] with N a"
          + " square); give the input as JSON instead");
    }
    // Read through Files, not ImageIO.read(File): a missing or unreadable file then says which and why.
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
    if (image == null) {
      throw new FormatException(file, "is not an image Java can read (PNG, JPEG, BMP, GIF); for numbers use a"
          + " .json file");
    }
    int h = layout.height(), w = layout.width(), c = layout.channels();
    float[] values = new float[c * h * w];
    for (int ch = 0; ch < c; ch++) {
      double[] plane = resample(ImagePixels.channel(image, c == 1 ? -1 : ch), image.getWidth(), image.getHeight(), w, h);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int at = layout.channelsLast() ? (y * w + x) * c + ch : (ch * h + y) * w + x;
          values[at] = (float) (plane[y * w + x] / 255.0);
        }
      }
    }
    return ModelInput.of(values);
  }

  /** The image layout of an input shape, or null if the shape is not an image's. */
  private static Layout layout(Shape s) {
    int[] d = s.toArray();
    return switch (d.length) {
      case 4 -> d[0] != 1 ? null
          : isChannels(d[1]) ? new Layout(d[1], d[2], d[3], false)
          : isChannels(d[3]) ? new Layout(d[3], d[1], d[2], true) : null;
      case 3 -> isChannels(d[0]) ? new Layout(d[0], d[1], d[2], false)
          : isChannels(d[2]) ? new Layout(d[2], d[0], d[1], true) : null;
      case 2 -> d[0] == 1 ? square(d[1]) : new Layout(1, d[0], d[1], false);
      case 1 -> square(d[0]);
      default -> null;
    };
  }

  private static boolean isChannels(int c) {
    return c == 1 || c == 3;
  }

  private static Layout square(int n) {
    int side = (int) Math.round(Math.sqrt(n));
    return side > 0 && side * side == n ? new Layout(1, side, side, false) : null;
  }

  /**
   * Area-average resampling: each target pixel is the mean of the source area it covers,
   * partially covered source pixels weighted by the covered fraction. The identity when the sizes
   * agree.
   */
  static double[] resample(double[] src, int sw, int sh, int tw, int th) {
    if (sw == tw && sh == th) {
      return src;
    }
    double[] out = new double[tw * th];
    double fx = (double) sw / tw, fy = (double) sh / th;
    for (int ty = 0; ty < th; ty++) {
      double y0 = ty * fy, y1 = (ty + 1) * fy;
      for (int tx = 0; tx < tw; tx++) {
        double x0 = tx * fx, x1 = (tx + 1) * fx;
        double sum = 0, area = 0;
        for (int sy = (int) y0; sy < Math.min(sh, Math.ceil(y1)); sy++) {
          double cy = Math.min(y1, sy + 1) - Math.max(y0, sy);
          for (int sx = (int) x0; sx < Math.min(sw, Math.ceil(x1)); sx++) {
            double cover = cy * (Math.min(x1, sx + 1) - Math.max(x0, sx));
            sum += cover * src[sy * sw + sx];
            area += cover;
          }
        }
        out[ty * tw + tx] = sum / area;
      }
    }
    return out;
  }
}

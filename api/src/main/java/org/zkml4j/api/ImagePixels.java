package org.zkml4j.api;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/** An image's pixel values as a model reads them; shared by image inputs and the web demo's framing. */
public final class ImagePixels {
  private ImagePixels() {}

  /** The gray levels (by luma), 0 to 255, row-major. */
  public static double[] gray(BufferedImage image) {
    return channel(image, -1);
  }

  /**
   * One channel (0 red, 1 green, 2 blue; -1 gray by luma) as values 0 to 255, row-major: gray
   * rasters as they are (no gamma), colour composed over black by its alpha.
   */
  public static double[] channel(BufferedImage image, int channel) {
    int w = image.getWidth(), h = image.getHeight();
    double[] out = new double[w * h];
    int type = image.getType();
    if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_USHORT_GRAY) {
      Raster raster = image.getRaster();
      double max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[y * w + x] = raster.getSample(x, y, 0) * 255.0 / max;
        }
      }
      return out;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = image.getRGB(x, y);
        double alpha = (argb >>> 24) / 255.0;
        int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
        double v = switch (channel) {
          case 0 -> r;
          case 1 -> g;
          case 2 -> b;
          default -> 0.299 * r + 0.587 * g + 0.114 * b;
        };
        out[y * w + x] = v * alpha;
      }
    }
    return out;
  }

}

package org.zkml4j.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.zkml4j.api.ImagePixels;

/**
 * A picture of a digit made into the 28x28 input the MNIST model was trained on, the way MNIST
 * itself was made: the digit's bounding box scaled (area averaging, aspect kept) to fit a 20x20
 * box, then placed in the 28x28 frame with its centre of mass at the centre. Without this a digit
 * drawn small or off-centre on a large canvas would reach the model as a few grey pixels in a
 * corner, and be misread.
 *
 * <p>Pixels are luma (ITU-R 601) times alpha, so transparent areas are black; a picture that is
 * mostly bright (dark ink on white paper) is inverted first, since MNIST digits are white on
 * black. An image that is already 28x28 is taken as it is: it is MNIST-framed (the bundled
 * digits are).
 */
final class DigitImage {
  static final int SIDE = 28;
  private static final int BOX = 20;
  /** The largest width or height accepted: a small PNG can declare a huge image. */
  static final int MAX_SIDE = 4096;

  private DigitImage() {}

  /**
   * The 784 pixel intensities in [0, 1], row-major.
   *
   * @throws HttpError 400 if the bytes are not a readable image, are too large, or are blank
   */
  static float[] read(byte[] bytes) throws HttpError {
    BufferedImage image = decode(bytes);
    int w = image.getWidth(), h = image.getHeight();
    double[] gray = ImagePixels.gray(image);
    double sum = 0;
    for (double v : gray) {
      sum += v;
    }
    if (sum / gray.length > 127.5) {
      for (int i = 0; i < gray.length; i++) {
        gray[i] = 255 - gray[i];
      }
    }
    double[] framed = w == SIDE && h == SIDE ? gray : frame(gray, w, h);
    float[] out = new float[SIDE * SIDE];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (Math.min(255, Math.max(0, framed[i])) / 255.0);
    }
    return out;
  }

  private static BufferedImage decode(byte[] bytes) throws HttpError {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new HttpError(400, "the body is not an image (expected a PNG of the digit, white on black)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0), h = reader.getHeight(0);
        if (w > MAX_SIDE || h > MAX_SIDE || w < 1 || h < 1) {
          throw new HttpError(400, "the image is " + w + "x" + h + " pixels; send at most " + MAX_SIDE + "x" + MAX_SIDE
              + " (the model sees 28x28)");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new HttpError(400, "the image is malformed and cannot be decoded (" + e.getMessage() + ")");
    }
  }

  /** MNIST's framing: bounding box to 20x20 (aspect kept), centre of mass to the frame's centre. */
  static double[] frame(double[] gray, int w, int h) throws HttpError {
    double max = 0;
    for (double v : gray) {
      max = Math.max(max, v);
    }
    if (max < 16) {
      throw new HttpError(400, "the image is blank: draw a digit (light strokes on a dark background, or dark on light)");
    }
    double ink = max * 0.1;
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (gray[y * w + x] > ink) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    double scale = (double) BOX / Math.max(bw, bh);
    int tw = Math.max(1, (int) Math.round(bw * scale)), th = Math.max(1, (int) Math.round(bh * scale));
    double[] digit = resample(gray, w, x0, y0, bw, bh, tw, th);
    double mass = 0, mx = 0, my = 0;
    for (int y = 0; y < th; y++) {
      for (int x = 0; x < tw; x++) {
        double v = digit[y * tw + x];
        mass += v;
        mx += v * (x + 0.5);
        my += v * (y + 0.5);
      }
    }
    int left = clamp((int) Math.round(SIDE / 2.0 - mx / mass), SIDE - tw);
    int top = clamp((int) Math.round(SIDE / 2.0 - my / mass), SIDE - th);
    double[] out = new double[SIDE * SIDE];
    for (int y = 0; y < th; y++) {
      System.arraycopy(digit, y * tw, out, (top + y) * SIDE + left, tw);
    }
    return out;
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  /**
   * Area-average resampling of the rectangle (x0, y0, sw, sh) of a w-wide image to tw x th: each
   * target pixel is the mean of the source area it covers, partly covered pixels weighted by the
   * covered fraction.
   */
  static double[] resample(double[] src, int w, int x0, int y0, int sw, int sh, int tw, int th) {
    double[] out = new double[tw * th];
    double fx = (double) sw / tw, fy = (double) sh / th;
    for (int ty = 0; ty < th; ty++) {
      double ya = ty * fy, yb = (ty + 1) * fy;
      for (int tx = 0; tx < tw; tx++) {
        double xa = tx * fx, xb = (tx + 1) * fx;
        double sum = 0, area = 0;
        for (int sy = (int) ya; sy < Math.min(sh, Math.ceil(yb)); sy++) {
          double cy = Math.min(yb, sy + 1) - Math.max(ya, sy);
          for (int sx = (int) xa; sx < Math.min(sw, Math.ceil(xb)); sx++) {
            double cover = cy * (Math.min(xb, sx + 1) - Math.max(xa, sx));
            sum += cover * src[(y0 + sy) * w + x0 + sx];
            area += cover;
          }
        }
        out[ty * tw + tx] = sum / area;
      }
    }
    return out;
  }
}

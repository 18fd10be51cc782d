package org.zkml4j.model.quant;

import java.util.Objects;

/**
 * How {@link Quantizer} chooses scales. Every scale is a power of two, chosen per tensor:
 *
 * <ul>
 *   <li>an input's scale is the largest at which its calibrated range (widened to include 0, times
 *       {@code inputHeadroom}) spans at most {@code inputBits} bits; its declared bound is that
 *       range rounded out to a power-of-two interval, which the circuit range-checks;
 *   <li>a weight tensor's scale is the largest at which its greatest magnitude fits
 *       {@code weightBits} signed bits (so the weights use the whole width);
 *   <li>the output of a layer that ends in a rescale (Conv, Gemm, MatMul, Mul...) is rescaled to
 *       the largest scale at which its calibrated range times {@code headroom} spans at most
 *       {@code activationBits} bits, or left at the product's scale when that is lower;
 *   <li>no scale exceeds {@code maxFractionalBits}.
 * </ul>
 *
 * <p>Smaller widths make smaller circuits: a rescale or ReLU costs about one constraint per bit of
 * its operand's bound, and an operand's bound grows with the input, weight and activation widths.
 *
 * @param optimize what the preset favoured (informational once the widths are set)
 * @param inputBits bits of an input's integer range, 2 to 32
 * @param weightBits signed bits of each weight, 2 to 32
 * @param activationBits bits of a rescaled activation's calibrated range, 2 to 40
 * @param maxFractionalBits the highest scale of any tensor, 0 to 40
 * @param headroom the factor, at least 1, by which calibrated activation ranges are widened before
 *     choosing scales, so that inputs unlike the calibration set keep their precision
 * @param inputHeadroom the same for inputs (1 when the calibration set spans the input domain, as
 *     images in [0, 1] do)
 */
public record QuantizationOptions(Optimize optimize, int inputBits, int weightBits, int activationBits,
    int maxFractionalBits, double headroom, double inputHeadroom) {

  /** The two presets. */
  public enum Optimize {
    /** Wider integers: closer to the float model, larger circuit. */
    ACCURACY,
    /** Narrower integers: a smaller circuit, at some cost in fidelity. */
    SIZE
  }

  public QuantizationOptions {
    Objects.requireNonNull(optimize, "optimize");
    check("inputBits", inputBits, 2, 32);
    check("weightBits", weightBits, 2, 32);
    check("activationBits", activationBits, 2, 40);
    check("maxFractionalBits", maxFractionalBits, 0, 40);
    if (!(headroom >= 1) || !(inputHeadroom >= 1) || Double.isInfinite(headroom) || Double.isInfinite(inputHeadroom)) {
      throw new IllegalArgumentException("headroom factors must be finite and at least 1, were " + headroom + " and "
          + inputHeadroom);
    }
  }

  /**
   * The preset for {@code optimize}: ACCURACY takes 8-bit inputs and weights and 12-bit
   * activations with 2x headroom; SIZE takes 6-bit inputs and weights and 8-bit activations with
   * 1.25x headroom.
   */
  public static QuantizationOptions of(Optimize optimize) {
    return switch (optimize) {
      case ACCURACY -> new QuantizationOptions(optimize, 8, 8, 12, 16, 2.0, 1.0);
      case SIZE -> new QuantizationOptions(optimize, 6, 6, 8, 12, 1.25, 1.0);
    };
  }

  /** The ACCURACY preset. */
  public static QuantizationOptions accuracy() {
    return of(Optimize.ACCURACY);
  }

  /** The SIZE preset. */
  public static QuantizationOptions size() {
    return of(Optimize.SIZE);
  }

  /** These options with other input, weight and activation widths. */
  public QuantizationOptions withBits(int input, int weight, int activation) {
    return new QuantizationOptions(optimize, input, weight, activation, maxFractionalBits, headroom, inputHeadroom);
  }

  private static void check(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], was " + value);
    }
  }
}

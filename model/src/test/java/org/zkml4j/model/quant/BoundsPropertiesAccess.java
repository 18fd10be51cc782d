package org.zkml4j.model.quant;

import java.util.List;

/** The quantized operator graphs and extreme inputs of {@link BoundsProperties}, for the compiler's properties. */
public final class BoundsPropertiesAccess {
  private BoundsPropertiesAccess() {}

  /** The quantized graph of operator case {@code index}. */
  public static QuantizedGraph graph(int index) {
    return BoundsProperties.graph(index);
  }

  /** The number of operator cases. */
  public static int cases() {
    return BoundsProperties.cases();
  }

  /** Extreme inputs: mode 0 all minimum, 1 all maximum, 2 either at random, 3 uniform. */
  public static List<long[]> extremeInputs(QuantizedGraph q, int mode, long seed) {
    return BoundsProperties.extremeInputs(q, mode, seed);
  }
}

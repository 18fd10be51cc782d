package org.zkml4j.model.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link Window#outputSize} against a count of window positions from their definition. */
class WindowTest {
  /**
   * Floor mode: a window counts when it ends inside the padded input. Ceil mode: when the window
   * before it had not yet reached the end, and it starts before the end padding.
   */
  @Property(tries = 2000)
  void outputSize_countsTheWindowPositions(@ForAll @IntRange(min = 0, max = 12) int in,
      @ForAll @IntRange(min = 1, max = 4) int kernel, @ForAll @IntRange(min = 1, max = 4) int stride,
      @ForAll @IntRange(min = 1, max = 3) int dilation, @ForAll @IntRange(min = 0, max = 3) int padBegin,
      @ForAll @IntRange(min = 0, max = 3) int padEnd, @ForAll boolean ceil) {
    Window w = new Window(List.of(kernel), List.of(stride), List.of(padBegin), List.of(padEnd), List.of(dilation), ceil);
    int padded = in + padBegin + padEnd;
    int extent = (kernel - 1) * dilation + 1;
    int count = 0;
    for (int o = 0; o * stride <= padded; o++) {
      int start = o * stride;
      boolean fits = ceil ? (o == 0 || (o - 1) * stride + extent < padded) && start < in + padBegin
          : start + extent <= padded;
      if (fits && extent <= padded) {
        count++;
      }
    }
    assertEquals(count, Math.max(0, w.outputSize(0, in)), w + " over " + in);
  }

  @Test
  void invalidValues_areRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new Window(List.of(0), List.of(1), List.of(0), List.of(0), List.of(1), false));
    assertThrows(IllegalArgumentException.class,
        () -> new Window(List.of(1, 1), List.of(1), List.of(0), List.of(0), List.of(1), false));
    assertThrows(IllegalArgumentException.class,
        () -> new Window(List.of(1), List.of(1), List.of(-1), List.of(0), List.of(1), false));
  }

  @Test
  void toString_leavesOutDefaults() {
    assertEquals("3x3", new Window(List.of(3, 3), List.of(1, 1), List.of(0, 0), List.of(0, 0), List.of(1, 1), false)
        .toString());
    assertEquals("2x2 stride 2 pads [0, 1]+[1, 0] ceil",
        new Window(List.of(2, 2), List.of(2, 2), List.of(0, 1), List.of(1, 0), List.of(1, 1), true).toString());
  }
}

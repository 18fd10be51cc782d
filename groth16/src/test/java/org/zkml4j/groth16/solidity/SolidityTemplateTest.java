package org.zkml4j.groth16.solidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolidityTemplateTest {
  private static final SolidityTemplate TEMPLATE =
      SolidityTemplate.of("test", "head {{X}}\n{{#ROWS}}\n  row {{Y}} of {{X}}\n{{/ROWS}}\ntail {{Z}}\n");

  @Test
  void blockRepeatsPerEntry_entryValuesShadowOuterOnes() {
    String text = TEMPLATE.render(Map.of("X", "x", "Z", "$1\\"),
        Map.of("ROWS", List.of(Map.of("Y", "1"), Map.of("Y", "2", "X", "inner"))));
    assertEquals("head x\n  row 1 of x\n  row 2 of inner\ntail $1\\\n", text);
  }

  @Test
  void emptyBlockVanishes() {
    assertEquals("head x\ntail z\n", TEMPLATE.render(Map.of("X", "x", "Z", "z"), Map.of("ROWS", List.of())));
  }

  @Test
  void missingValueOrBlockFails() {
    assertThrows(IllegalStateException.class, () -> TEMPLATE.render(Map.of("X", "x"), Map.of("ROWS", List.of())));
    assertThrows(IllegalStateException.class, () -> TEMPLATE.render(Map.of("X", "x", "Z", "z"), Map.of()));
    assertThrows(IllegalStateException.class,
        () -> TEMPLATE.render(Map.of("X", "x", "Z", "z"), Map.of("ROWS", List.of(Map.of()))));
  }
}

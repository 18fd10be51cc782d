package org.zkml4j.circuit.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zkml4j.circuit.witness.Signal;

/**
 * The wires of a circuit under construction: a kind per provisional wire number (creation order)
 * and the named interface signals, and the renumbering into circom's order (1, outputs, public
 * inputs, private inputs, internal wires) that compilation applies.
 */
final class WireTable {
  static final byte ONE = 0, OUTPUT = 1, PUBLIC = 2, PRIVATE = 3, INTERNAL = 4;

  /** A declared interface signal and its provisional wires. */
  private record Declared(String name, Signal.Kind kind, int[] wires) {}

  private byte[] kinds = new byte[1024];
  private int count = 1; // wire 0, the constant one
  private final Map<String, Declared> declared = new LinkedHashMap<>();

  /** Wires so far, wire 0 included. */
  int count() {
    return count;
  }

  byte kind(int wire) {
    return kinds[wire];
  }

  /** A new wire of the given kind. */
  int add(byte kind) {
    if (count == kinds.length) {
      if (count >= Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("too many wires");
      }
      kinds = Arrays.copyOf(kinds, (int) Math.min(Integer.MAX_VALUE - 8, count + (long) (count >> 1)));
    }
    kinds[count] = kind;
    return count++;
  }

  /** Turns an internal wire into an output wire. */
  void makeOutput(int wire) {
    kinds[wire] = OUTPUT;
  }

  boolean isDeclared(String name) {
    return declared.containsKey(name);
  }

  /** Records a signal; input wires must have been added consecutively. */
  void declare(String name, Signal.Kind kind, int[] wires) {
    declared.put(name, new Declared(name, kind, wires));
  }

  /** The final number of every provisional wire, and the signals it gives. */
  record Numbering(int[] wireMap, List<Signal> signals, int outputs, int publicInputs, int privateInputs) {}

  Numbering number() {
    int[] wireMap = new int[count];
    List<Signal> signals = new ArrayList<>();
    int next = 1;
    int[] perKind = new int[3];
    Signal.Kind[] order = {Signal.Kind.OUTPUT, Signal.Kind.PUBLIC_INPUT, Signal.Kind.PRIVATE_INPUT};
    for (int k = 0; k < order.length; k++) {
      for (Declared d : declared.values()) {
        if (d.kind() == order[k]) {
          signals.add(new Signal(d.name(), d.kind(), next, d.wires().length));
          for (int w : d.wires()) {
            wireMap[w] = next++;
          }
          perKind[k] += d.wires().length;
        }
      }
    }
    for (int w = 1; w < count; w++) {
      if (kinds[w] == INTERNAL) {
        wireMap[w] = next++;
      }
    }
    return new Numbering(wireMap, signals, perKind[0], perKind[1], perKind[2]);
  }
}

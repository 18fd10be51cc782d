package org.zkml4j.circuit.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.circuit.witness.HintRegistry;

/**
 * The hints a circuit under construction calls: one implementation per id, and the output wires of
 * every call, so that compilation can reject an output that no constraint mentions (the part of the
 * hint rule a compiler can check; see {@link Hint}).
 */
final class HintCalls {
  private final Map<String, Hint> byId = new LinkedHashMap<>();
  private final List<String> callIds = new ArrayList<>();
  private int[] outputs = new int[64];
  private int[] outputCalls = new int[64];
  private int numOutputs;

  /**
   * Notes that {@code hint} is called.
   *
   * @throws IllegalArgumentException if a hint of another class already has its id
   */
  void register(Hint hint) {
    Hint known = byId.putIfAbsent(hint.id(), hint);
    if (known != null && known.getClass() != hint.getClass()) {
      throw new IllegalArgumentException("two different hints share the id " + hint.id() + ": " + known + " and "
          + hint);
    }
  }

  /** Records a call of hint {@code id} filling the given (provisional) wires. */
  void recordCall(String id, int[] wires) {
    int call = callIds.size();
    callIds.add(id);
    if (numOutputs + wires.length > outputs.length) {
      int capacity = Math.max(numOutputs + wires.length, 2 * outputs.length);
      outputs = Arrays.copyOf(outputs, capacity);
      outputCalls = Arrays.copyOf(outputCalls, capacity);
    }
    for (int w : wires) {
      outputs[numOutputs] = w;
      outputCalls[numOutputs++] = call;
    }
  }

  /**
   * Fails if some output wire is not in {@code used}, even one that became a public output: a free
   * output is as bad as a free internal wire.
   *
   * @throws IllegalStateException naming the hint, the call and the output
   */
  void checkConstrained(BitSet used) {
    for (int i = 0; i < numOutputs; i++) {
      if (!used.get(outputs[i])) {
        int call = outputCalls[i];
        int first = i;
        while (first > 0 && outputCalls[first - 1] == call) {
          first--;
        }
        throw new IllegalStateException("output " + (i - first) + " of hint " + callIds.get(call) + " (call " + call
            + ") appears in no constraint: the gadget that calls a hint must constrain all its outputs");
      }
    }
  }

  /** The hints called, one per id. */
  HintRegistry registry() {
    return HintRegistry.of(byId.values());
  }
}

package org.zkml4j.circuit.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The open {@link Scope}s of a circuit under construction and the counts accumulated per path.
 * Counts are read from the builder when a scope opens and closes, so a scope costs nothing per
 * constraint.
 */
final class ScopeStack {
  /** An open scope: its path and the counts when it was opened. */
  private record Frame(String path, int constraints, int wires) {}

  private final Deque<Frame> open = new ArrayDeque<>();
  private final Map<String, long[]> totals = new LinkedHashMap<>();
  private final IntSupplier constraints;
  private final IntSupplier wires;
  private final Consumer<String> onChange;

  /**
   * @param onChange told the innermost open path ("" at the top level) whenever it changes
   */
  ScopeStack(IntSupplier constraints, IntSupplier wires, Consumer<String> onChange) {
    this.constraints = constraints;
    this.wires = wires;
    this.onChange = onChange;
  }

  Scope open(String name) {
    if (name == null || name.isEmpty() || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("a scope name must be non-empty and without '/': " + name);
    }
    String path = open.isEmpty() ? name : open.peek().path() + "/" + name;
    Frame frame = new Frame(path, constraints.getAsInt(), wires.getAsInt());
    open.push(frame);
    totals.computeIfAbsent(path, p -> new long[2]);
    onChange.accept(path);
    return new Scope() {
      private boolean closed;

      @Override
      public String path() {
        return path;
      }

      @Override
      public void close() {
        if (closed || open.peek() != frame) {
          throw new IllegalStateException(closed ? "scope " + path + " is already closed"
              : "scope " + path + " closed while " + open.peek().path() + " is open");
        }
        closed = true;
        open.pop();
        long[] t = totals.get(path);
        t[0] += constraints.getAsInt() - frame.constraints();
        t[1] += wires.getAsInt() - frame.wires();
        onChange.accept(current());
      }
    };
  }

  /** The innermost open path, "" at the top level. */
  String current() {
    return open.isEmpty() ? "" : open.peek().path();
  }

  /**
   * The report entries, in the order paths were first opened.
   *
   * @throws IllegalStateException if a scope is still open
   */
  List<ConstraintReport.Entry> entries() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("scope " + open.peek().path() + " was never closed");
    }
    List<ConstraintReport.Entry> entries = new ArrayList<>();
    totals.forEach((path, t) -> entries.add(new ConstraintReport.Entry(path, t[0], t[1])));
    return entries;
  }
}

package org.zkml4j.circuit.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Constraint and wire counts of a compiled circuit per named {@link Scope}, for reports such as
 * "constraints per layer". Counts of a scope include its inner scopes; a path opened several
 * times accumulates.
 *
 * @param entries one entry per scope path, in the order the paths were first opened
 * @param totalConstraints constraints of the whole circuit
 * @param totalWires wires of the whole circuit, wire 0 included
 */
public record ConstraintReport(List<Entry> entries, int totalConstraints, int totalWires) {
  /**
   * Counts of one scope path.
   *
   * @param path slash-separated names, such as {@code "dense1/relu"}
   * @param constraints constraints made inside the scope
   * @param wires wires made inside the scope (internal wires; inputs and outputs are counted where
   *     they were declared)
   */
  public record Entry(String path, long constraints, long wires) {}

  public ConstraintReport {
    entries = List.copyOf(entries);
  }

  /** The entry of a path, if the circuit opened it. */
  public Optional<Entry> entry(String path) {
    return entries.stream().filter(e -> e.path().equals(path)).findFirst();
  }

  /** Constraints made inside a scope path; 0 if it was never opened. */
  public long constraints(String path) {
    return entry(path).map(Entry::constraints).orElse(0L);
  }

  /** Counts by path, in report order. */
  public Map<String, Long> constraintsByPath() {
    Map<String, Long> m = new LinkedHashMap<>();
    entries.forEach(e -> m.put(e.path(), e.constraints()));
    return m;
  }

  /** A plain-text table, one line per scope indented by depth, then the totals. */
  public String format() {
    StringBuilder s = new StringBuilder();
    for (Entry e : entries) {
      int depth = (int) e.path().chars().filter(c -> c == '/').count();
      String name = e.path().substring(e.path().lastIndexOf('/') + 1);
      s.append(String.format("%-40s %12d constraints %12d wires%n", "  ".repeat(depth) + name, e.constraints(),
          e.wires()));
    }
    s.append(String.format("%-40s %12d constraints %12d wires%n", "total", totalConstraints, totalWires));
    return s.toString();
  }
}

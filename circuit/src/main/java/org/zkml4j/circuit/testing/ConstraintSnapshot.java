package org.zkml4j.circuit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Constraint counts checked against a snapshot file: the counts are design facts, so a change must
 * be deliberate, made by editing the file in the same commit as the code.
 *
 * <p>The file is a classpath resource of lines {@code name = count}; blank lines and lines starting
 * with {@code #} are ignored.
 */
public final class ConstraintSnapshot {
  private ConstraintSnapshot() {}

  /**
   * Asserts that the counts equal the snapshot's, name for name.
   *
   * @param anchor a class next to the resource (the resource name is resolved against it)
   * @throws AssertionError listing every difference and the file content that would match
   */
  public static void assertMatches(Class<?> anchor, String resource, Map<String, Long> actual) {
    Map<String, Long> expected = read(anchor, resource);
    StringBuilder diff = new StringBuilder();
    for (String name : new TreeSet<>(union(expected, actual))) {
      Long e = expected.get(name), a = actual.get(name);
      if (e == null) {
        diff.append("\n  ").append(name).append(": not in the snapshot, now ").append(a);
      } else if (a == null) {
        diff.append("\n  ").append(name).append(": in the snapshot (").append(e).append(") but not measured");
      } else if (!e.equals(a)) {
        diff.append("\n  ").append(name).append(": snapshot ").append(e).append(", now ").append(a);
      }
    }
    if (!diff.isEmpty()) {
      StringBuilder file = new StringBuilder();
      actual.forEach((name, count) -> file.append(name).append(" = ").append(count).append('\n'));
      throw new AssertionError("constraint counts differ from " + resource + ":" + diff
          + "\nIf the change is intended, update the snapshot to:\n" + file);
    }
  }

  private static Set<String> union(Map<String, Long> a, Map<String, Long> b) {
    Set<String> s = new HashSet<>(a.keySet());
    s.addAll(b.keySet());
    return s;
  }

  private static Map<String, Long> read(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("snapshot " + resource + " not found next to " + anchor.getName());
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int eq = line.lastIndexOf('=');
        if (eq < 0) {
          throw new AssertionError(resource + " line " + (i + 1) + ": expected 'name = count', got " + line);
        }
        counts.put(line.substring(0, eq).strip(), Long.parseLong(line.substring(eq + 1).strip()));
      }
      return counts;
    } catch (IOException e) {
      throw new AssertionError("cannot read snapshot " + resource, e);
    }
  }
}

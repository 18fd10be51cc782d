package org.zkml4j.groth16.solidity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text template with two constructs: {@code {{NAME}}}, replaced by a value, and
 * {@code {{#NAME}} ... {{/NAME}}} on lines of their own, a block repeated once per entry of a
 * list, whose placeholders take that entry's values first and the outer values second. That is
 * all the Solidity verifier needs: the per-signal code is the one repeated part.
 *
 * <p>Rendering fails when a placeholder has no value, so a template edit cannot silently leave a
 * hole in generated code.
 */
final class SolidityTemplate {
  private static final Pattern BLOCK = Pattern.compile("(?ms)^\\{\\{#(\\w+)}}\\n(.*?)^\\{\\{/\\1}}\\n");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private final String name;
  private final String text;

  private SolidityTemplate(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /** The template resource {@code resource}, resolved next to this class. */
  static SolidityTemplate load(String resource) {
    try (InputStream in = SolidityTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("template resource " + resource + " is missing from the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new SolidityTemplate(resource, text.replace("\r\n", "\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template resource " + resource, e);
    }
  }

  static SolidityTemplate of(String name, String text) {
    return new SolidityTemplate(name, text);
  }

  /**
   * The template with every block repeated per entry of {@code blocks.get(blockName)} and every
   * placeholder replaced.
   *
   * @throws IllegalStateException if a block or placeholder has no value
   */
  String render(Map<String, String> values, Map<String, List<Map<String, String>>> blocks) {
    Matcher block = BLOCK.matcher(text);
    StringBuilder out = new StringBuilder(text.length() * 2);
    int last = 0;
    while (block.find()) {
      List<Map<String, String>> entries = blocks.get(block.group(1));
      if (entries == null) {
        throw new IllegalStateException(name + ": no entries for block " + block.group(1));
      }
      fill(text.substring(last, block.start()), values, Map.of(), out);
      for (Map<String, String> entry : entries) {
        fill(block.group(2), values, entry, out);
      }
      last = block.end();
    }
    fill(text.substring(last), values, Map.of(), out);
    return out.toString();
  }

  private void fill(String part, Map<String, String> outer, Map<String, String> inner, StringBuilder out) {
    Matcher m = PLACEHOLDER.matcher(part);
    while (m.find()) {
      String key = m.group(1);
      String value = inner.containsKey(key) ? inner.get(key) : outer.get(key);
      if (value == null) {
        throw new IllegalStateException(name + ": no value for placeholder {{" + key + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
  }
}

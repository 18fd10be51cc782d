package org.zkml4j.api;

import java.util.Objects;

/**
 * The answer of {@link ZkModel#check}: valid, or invalid with the reason in words (the pairing
 * check failed, a public signal is out of range, the outputs are not the proven ones...).
 *
 * @param valid whether the proof was accepted
 * @param reason "valid", or what is wrong
 */
public record Verdict(boolean valid, String reason) {
  static final Verdict VALID = new Verdict(true, "valid");

  public Verdict {
    Objects.requireNonNull(reason, "reason");
  }

  static Verdict invalid(String reason) {
    return new Verdict(false, reason);
  }
}

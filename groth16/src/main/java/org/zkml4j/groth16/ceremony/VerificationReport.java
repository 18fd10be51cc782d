package org.zkml4j.groth16.ceremony;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a ceremony file: valid, or the first check that failed, with notes a
 * user may want to see either way (each contribution's name and hashes, warnings such as a missing
 * phase-2 preparation).
 *
 * @param valid whether every check passed
 * @param reason why not, when not valid (empty otherwise)
 * @param notes informational lines in the order they were found
 */
public record VerificationReport(boolean valid, Optional<String> reason, List<String> notes) {
  public VerificationReport {
    if (valid == reason.isPresent()) {
      throw new IllegalArgumentException("a report has a reason exactly when it is not valid");
    }
    notes = List.copyOf(notes);
  }

  static VerificationReport ok(List<String> notes) {
    return new VerificationReport(true, Optional.empty(), notes);
  }

  static VerificationReport failure(String reason, List<String> notes) {
    return new VerificationReport(false, Optional.of(reason), notes);
  }

  @Override
  public String toString() {
    return valid ? "valid" : "invalid: " + reason.orElseThrow();
  }
}

package org.zkml4j.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.format.VerificationKeyJson;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.format.ZkeyWriter;
import org.zkml4j.math.parallel.Parallelism;

/**
 * A model's Groth16 keys: the proving key (snarkjs's {@code .zkey}) and the verifying key derived
 * from it (snarkjs's {@code verification_key.json}). Made by {@link ZkModel#setup}; in a model
 * directory as {@value #ZKEY} and {@value #VERIFICATION_KEY}. Immutable.
 */
public final class Keys {
  /** The proving key's file name in a model directory. */
  public static final String ZKEY = "circuit.zkey";
  /** The verifying key's file name in a model directory. */
  public static final String VERIFICATION_KEY = "verification_key.json";

  private final ProvingKey provingKey;
  private final VerifyingKey verifyingKey;

  private Keys(ProvingKey provingKey) {
    this.provingKey = provingKey;
    this.verifyingKey = provingKey.verifyingKey();
  }

  public static Keys of(ProvingKey provingKey) {
    return new Keys(Objects.requireNonNull(provingKey, "provingKey"));
  }

  public ProvingKey provingKey() {
    return provingKey;
  }

  public VerifyingKey verifyingKey() {
    return verifyingKey;
  }

  /** Writes {@value #ZKEY} and {@value #VERIFICATION_KEY} into a directory, creating it. */
  public void save(Path directory) throws IOException {
    Files.createDirectories(directory);
    ZkeyWriter.write(provingKey, directory.resolve(ZKEY));
    VerificationKeyJson.write(verifyingKey, directory.resolve(VERIFICATION_KEY));
  }

  /**
   * Reads the proving key of a model directory.
   *
   * @throws FormatException if the file is malformed
   * @throws java.nio.file.NoSuchFileException if the directory has no keys yet (run the setup)
   */
  public static Keys read(Path directory, Parallelism parallelism) throws IOException, FormatException {
    return new Keys(ZkeyReader.read(directory.resolve(ZKEY), parallelism));
  }

  /** Reads only the verifying key of a model directory: all a verifier needs. */
  public static VerifyingKey readVerifyingKey(Path directory) throws IOException, FormatException {
    return VerificationKeyJson.read(directory.resolve(VERIFICATION_KEY));
  }

  @Override
  public String toString() {
    return "Keys(" + provingKey + ")";
  }
}

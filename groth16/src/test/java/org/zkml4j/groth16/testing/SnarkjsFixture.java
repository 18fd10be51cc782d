package org.zkml4j.groth16.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.zkml4j.testkit.Peers;

/**
 * Circuits compiled by circom2 and set up, witnessed and proved by snarkjs (the npm packages
 * pinned in the project's {@code interop/} folder), as independent references for the Groth16
 * tests. Everything is made once and cached under {@code target/snarkjs-fixtures}, keyed by a
 * fingerprint of the circuit and its input, so later runs cost nothing.
 *
 * <p>The ceremony is tiny: {@code powersoftau new bn128 10}, one contribution, {@code prepare
 * phase2} (shared by all circuits); per circuit {@code groth16 setup} (= zkey new), one
 * {@code zkey contribute}, {@code zkey export verificationkey}, {@code wtns calculate} and
 * {@code groth16 prove}. Entropy is given on the command line so nothing prompts; snarkjs mixes in
 * its own randomness, so keys differ between machines (tests compare against snarkjs's reading of
 * the same files, never against stored values).
 */
public final class SnarkjsFixture {
  /** Changing this rebuilds every cached fixture. */
  private static final String RECIPE = "v1 ptau10 contribute prepare; setup contribute export wtns prove";
  private static final Path CACHE = Path.of("target", "snarkjs-fixtures").toAbsolutePath();

  /** The files of one circuit. */
  public record Circuit(String name, Path dir) {
    public Path r1cs() {
      return dir.resolve(name + ".r1cs");
    }

    public Path wasm() {
      return dir.resolve(name + "_js").resolve(name + ".wasm");
    }

    public Path wtns() {
      return dir.resolve("witness.wtns");
    }

    /** The key straight from {@code groth16 setup} (sections in zkey-new order, no contributions). */
    public Path zkeyNew() {
      return dir.resolve(name + "_0000.zkey");
    }

    /** The key after one contribution (sections in ascending order, one contribution recorded). */
    public Path zkey() {
      return dir.resolve(name + "_final.zkey");
    }

    public Path verificationKey() {
      return dir.resolve("verification_key.json");
    }

    /** snarkjs's proof for {@link #wtns()} with {@link #zkey()}. */
    public Path proof() {
      return dir.resolve("proof.json");
    }

    public Path publicSignals() {
      return dir.resolve("public.json");
    }
  }

  private SnarkjsFixture() {}

  /** Skips the calling test unless node and the npm tools are installed (CI always installs them). */
  public static void assumeAvailable() {
    Peers.assumeAvailable("circom2", "snarkjs", "circomlib");
  }

  /** The multiplier: 2 constraints, out = a * b * c with a public. */
  public static Circuit multiplier() {
    return circuit("multiplier", "{\"a\": \"3\", \"b\": \"11\", \"c\": \"5\"}");
  }

  /**
   * A Poseidon preimage with range checks (circomlib Poseidon(2), Num2Bits(64), LessThan(64)):
   * 432 constraints, mostly bits, domain 512.
   */
  public static Circuit poseidonRange() {
    return circuit("poseidon_range", "{\"x\": \"123456789\", \"salt\": \"42\", \"bound\": \"1000000000\"}");
  }

  /** Compiles, sets up and proves a circuit under resources/circom, once. */
  public static synchronized Circuit circuit(String name, String input) {
    assumeAvailable();
    Path source = Peers.resource(SnarkjsFixture.class, "/circom/" + name + ".circom");
    Path dir = CACHE.resolve(name);
    Path marker = dir.resolve("complete");
    try {
      String fingerprint = fingerprint(RECIPE, Files.readString(source), input);
      Circuit c = new Circuit(name, dir);
      if (Files.isRegularFile(marker) && Files.readString(marker).equals(fingerprint)) {
        return c;
      }
      Path ptau = ptau();
      Files.createDirectories(dir);
      Files.deleteIfExists(marker);
      String flags = name.equals("multiplier") ? "--O1" : "--O2";
      Peers.circom(source, dir, flags);
      Path inputFile = Files.writeString(dir.resolve("input.json"), input);
      snarkjs("wtns", "calculate", c.wasm().toString(), inputFile.toString(), c.wtns().toString());
      snarkjs("groth16", "setup", c.r1cs().toString(), ptau.toString(), c.zkeyNew().toString());
      snarkjs("zkey", "contribute", c.zkeyNew().toString(), c.zkey().toString(), "--name=fixture",
          "-e=fixed entropy for " + name);
      snarkjs("zkey", "export", "verificationkey", c.zkey().toString(), c.verificationKey().toString());
      snarkjs("groth16", "prove", c.zkey().toString(), c.wtns().toString(), c.proof().toString(),
          c.publicSignals().toString());
      Files.writeString(marker, fingerprint);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the snarkjs command line in the interop folder; fails the test unless it succeeds (snarkjs
   * exits with 0 after some errors, so its "[ERROR]" log lines count as failure too).
   */
  public static String snarkjs(String... args) {
    String output = Peers.snarkjsOk(args);
    if (output.contains("[ERROR]")) {
      fail("snarkjs " + String.join(" ", args) + " reported an error:\n" + output);
    }
    return output;
  }

  /** The prepared phase-1 file the circuits were set up with. */
  public static synchronized Path ptauFile() {
    assumeAvailable();
    try {
      return ptau();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The prepared phase-1 file, power 10 (circuits up to 2^9 constraints), made once. */
  private static Path ptau() throws IOException {
    Path dir = Files.createDirectories(CACHE.resolve("ptau"));
    Path prepared = dir.resolve("pot10_final.ptau");
    Path marker = dir.resolve("complete");
    String fingerprint = fingerprint(RECIPE);
    if (Files.isRegularFile(marker) && Files.readString(marker).equals(fingerprint)) {
      return prepared;
    }
    Path p0 = dir.resolve("pot10_0000.ptau");
    Path p1 = dir.resolve("pot10_0001.ptau");
    snarkjs("powersoftau", "new", "bn128", "10", p0.toString());
    snarkjs("powersoftau", "contribute", p0.toString(), p1.toString(), "--name=fixture", "-e=fixed ptau entropy");
    snarkjs("powersoftau", "prepare", "phase2", p1.toString(), prepared.toString());
    Files.writeString(marker, fingerprint);
    return prepared;
  }

  private static String fingerprint(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update(p.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

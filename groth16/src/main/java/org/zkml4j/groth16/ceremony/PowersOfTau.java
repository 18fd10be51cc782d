package org.zkml4j.groth16.ceremony;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.PtauWriter;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.hash.Blake2b;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The universal phase of a Groth16 trusted setup, a powers-of-tau ceremony, compatible with
 * snarkjs's {@code powersoftau} commands: files made here pass {@code snarkjs powersoftau verify}
 * and snarkjs's files pass {@link #verify}.
 *
 * <p>A ceremony starts from {@link #newCeremony} (every point a generator); each participant
 * {@link #contribute}s secret random tau, alpha, beta, multiplying them into the accumulator and
 * appending a public proof of knowledge; a final {@link #beacon} contribution derives its secrets
 * from public randomness; {@link #preparePhase2} then adds the Lagrange bases that circuit setup
 * ({@link Phase2}) reads. The result is secure if any one contributor destroyed their secrets.
 *
 * <p>Methods work on {@link Accumulator}s in memory, or on files ({@link PtauReader},
 * {@link PtauWriter}); bulk work runs on {@link Parallelism#shared()}, or on the executor an
 * overload is given, and reports to a {@link Progress}.
 */
public final class PowersOfTau {
  private static final SecureRandom RANDOM = new SecureRandom();

  private PowersOfTau() {}

  /**
   * A fresh accumulator of the given power: 2^(power+1) - 1 tau powers in G1 and 2^power in G2,
   * all still the generators (snarkjs {@code powersoftau new bn128 <power>}).
   *
   * @throws IllegalArgumentException unless 1 &lt;= power &lt;= 28
   */
  public static Accumulator newCeremony(int power) {
    if (power < 1 || power > Accumulator.MAX_POWER) {
      throw new IllegalArgumentException("power must be in 1.." + Accumulator.MAX_POWER + ", was " + power);
    }
    int n = 1 << power;
    return Accumulator.of(power, power, repeat(new G1().generator(), 2 * n - 1), repeat(new G2().generator(), n),
        repeat(new G1().generator(), n), repeat(new G1().generator(), n), new G2().generator(), List.of(), null);
  }

  /**
   * Adds a contribution with fresh secrets (snarkjs {@code powersoftau contribute}). The secrets
   * come from a ChaCha stream seeded with BLAKE2b-512 of 64 bytes of {@link SecureRandom} and the
   * given entropy, as snarkjs seeds it; they are never stored.
   *
   * @param name the contributor's name as recorded (at most 64 characters are kept), or null
   * @param entropy extra randomness from the contributor (e.g. typed text), may be empty
   * @throws IllegalArgumentException if the accumulator was truncated (power below ceremony power)
   */
  public static Accumulator contribute(Accumulator in, String name, byte[] entropy, Progress progress) {
    return contribute(in, name, entropy, Parallelism.shared(), progress);
  }

  /** {@link #contribute(Accumulator, String, byte[], Progress)} on the given executor. */
  public static Accumulator contribute(Accumulator in, String name, byte[] entropy, Parallelism parallelism,
      Progress progress) {
    byte[] challenge = Transcript.currentChallenge(checkContributable(in));
    byte[] random = new byte[64];
    RANDOM.nextBytes(random);
    byte[] seed = new Blake2b().update(random).update(entropy).digest();
    PtauKey key = PtauKey.create(challenge, ChaCha.seededBigEndian(seed));
    return extend(in, challenge, key, PtauContribution.TYPE_RANDOM,
        PtauContribution.encodeParameters(name, 0, null), parallelism, progress);
  }

  /**
   * Adds a contribution whose secrets derive from a public beacon (snarkjs {@code powersoftau
   * beacon}), so that anyone can recompute them: 2^numIterationsExp SHA-256 iterations of the beacon
   * hash seed the key stream.
   *
   * @param beaconHash 1 to 255 bytes of public randomness (e.g. a future block hash)
   * @param numIterationsExp 10 to 63
   */
  public static Accumulator beacon(Accumulator in, String name, byte[] beaconHash, int numIterationsExp,
      Progress progress) {
    return beacon(in, name, beaconHash, numIterationsExp, Parallelism.shared(), progress);
  }

  /** {@link #beacon(Accumulator, String, byte[], int, Progress)} on the given executor. */
  public static Accumulator beacon(Accumulator in, String name, byte[] beaconHash, int numIterationsExp,
      Parallelism parallelism, Progress progress) {
    Beacon.check(beaconHash, numIterationsExp);
    byte[] challenge = Transcript.currentChallenge(checkContributable(in));
    PtauKey key = Beacon.ptauKey(challenge, beaconHash, numIterationsExp);
    return extend(in, challenge, key, PtauContribution.TYPE_BEACON,
        PtauContribution.encodeParameters(name, numIterationsExp, beaconHash), parallelism, progress);
  }

  /**
   * The accumulator with its Lagrange bases computed (snarkjs {@code powersoftau prepare phase2}),
   * ready for circuit setup.
   */
  public static Accumulator preparePhase2(Accumulator in, Progress progress) {
    return preparePhase2(in, Parallelism.shared(), progress);
  }

  /** {@link #preparePhase2(Accumulator, Progress)} on the given executor. */
  public static Accumulator preparePhase2(Accumulator in, Parallelism parallelism, Progress progress) {
    return in.withLagrange(Phase2Preparation.lagrangeBases(in, parallelism, progress));
  }

  /**
   * Checks an accumulator as {@code snarkjs powersoftau verify} does: the last contribution's
   * points and hash against the accumulator, the powers' consistency by random linear combinations
   * and pairings, every contribution's proof of knowledge and link to the one before (beacons
   * recomputed), and the Lagrange bases if present.
   */
  public static VerificationReport verify(Accumulator acc, Progress progress) {
    return verify(acc, Parallelism.shared(), progress);
  }

  /** {@link #verify(Accumulator, Progress)} on the given executor. */
  public static VerificationReport verify(Accumulator acc, Parallelism parallelism, Progress progress) {
    return PtauVerifier.verify(acc, parallelism, progress);
  }

  // ------------------------------------------------------------------ the same on files

  /** {@link #newCeremony} written to a file. */
  public static void newCeremony(int power, Path out) throws IOException {
    PtauWriter.write(newCeremony(power), out);
  }

  /** {@link #contribute} from file to file; the entropy text is taken as UTF-8. */
  public static void contribute(Path in, Path out, String name, String entropy, Progress progress)
      throws IOException, FormatException {
    PtauWriter.write(contribute(PtauReader.read(in), name, entropy.getBytes(StandardCharsets.UTF_8), progress), out);
  }

  /** {@link #beacon} from file to file; the beacon hash is given in hexadecimal. */
  public static void beacon(Path in, Path out, String name, String beaconHashHex, int numIterationsExp,
      Progress progress) throws IOException, FormatException {
    byte[] hash = HexFormat.of().parseHex(beaconHashHex);
    PtauWriter.write(beacon(PtauReader.read(in), name, hash, numIterationsExp, progress), out);
  }

  /** {@link #preparePhase2} from file to file. */
  public static void preparePhase2(Path in, Path out, Progress progress) throws IOException, FormatException {
    PtauWriter.write(preparePhase2(PtauReader.read(in), progress), out);
  }

  /** {@link #verify} of a file; a file that does not even parse fails with the reader's message. */
  public static VerificationReport verify(Path file, Progress progress) throws IOException {
    return verify(file, Parallelism.shared(), progress);
  }

  /** {@link #verify(Path, Progress)} on the given executor. */
  public static VerificationReport verify(Path file, Parallelism parallelism, Progress progress) throws IOException {
    try {
      return verify(PtauReader.read(file, parallelism), parallelism, progress);
    } catch (FormatException e) {
      return VerificationReport.failure(e.getMessage(), List.of());
    }
  }

  // ------------------------------------------------------------------ internals

  private static Accumulator checkContributable(Accumulator in) {
    if (in.power() != in.ceremonyPower()) {
      throw new IllegalArgumentException("this accumulator was truncated to power " + in.power() + " of a power "
          + in.ceremonyPower() + " ceremony; contributions go into the full accumulator");
    }
    return in;
  }

  /** The accumulator times the key's secrets, with the contribution recorded. */
  static Accumulator extend(Accumulator in, byte[] challenge, PtauKey key, int type, byte[] parameters,
      Parallelism parallelism, Progress progress) {
    long[] one = Bn254.FR.element(1);
    long[] tau = Arrays.copyOfRange(key.secrets, 0, 4);
    long[] alpha = Arrays.copyOfRange(key.secrets, 4, 8);
    long[] beta = Arrays.copyOfRange(key.secrets, 8, 12);
    int n = in.powersCount();
    long[] tauG1 = KeyApplication.apply(G1::new, in.rawTauG1(), 2 * n - 1, one, tau, parallelism,
        new ProgressCounter(progress, "tauG1: applying the key", 2L * n - 1));
    long[] tauG2 = KeyApplication.apply(G2::new, in.rawTauG2(), n, one, tau, parallelism,
        new ProgressCounter(progress, "tauG2: applying the key", n));
    long[] alphaTauG1 = KeyApplication.apply(G1::new, in.rawAlphaTauG1(), n, alpha, tau, parallelism,
        new ProgressCounter(progress, "alphaTauG1: applying the key", n));
    long[] betaTauG1 = KeyApplication.apply(G1::new, in.rawBetaTauG1(), n, beta, tau, parallelism,
        new ProgressCounter(progress, "betaTauG1: applying the key", n));
    long[] betaG2 = KeyApplication.apply(G2::new, in.rawBetaG2(), 1, beta, tau, parallelism,
        new ProgressCounter(progress, "betaG2: applying the key", 1));

    progress.update("hashing the response", 0, 2);
    Blake2b response = new Blake2b().update(challenge);
    Transcript.hashSections(response, tauG1, tauG2, alphaTauG1, betaTauG1, betaG2, true, parallelism);
    byte[] partialHash = PartialHash.encode(response.midstate());
    byte[] responseHash = response.update(PointEncoding.publicKeyUncompressed(key.publicKey)).digest();
    progress.update("hashing the next challenge", 1, 2);
    Blake2b next = new Blake2b().update(responseHash);
    Transcript.hashSections(next, tauG1, tauG2, alphaTauG1, betaTauG1, betaG2, false, parallelism);
    byte[] nextChallenge = next.digest();
    progress.update("hashing the next challenge", 2, 2);

    PtauContribution contribution = PtauContribution.of(Arrays.copyOfRange(tauG1, 8, 16),
        Arrays.copyOfRange(tauG2, 16, 32), Arrays.copyOfRange(alphaTauG1, 0, 8), Arrays.copyOfRange(betaTauG1, 0, 8),
        betaG2, key.publicKey, partialHash, nextChallenge, type, parameters);
    List<PtauContribution> contributions = new ArrayList<>(in.contributions());
    contributions.add(contribution);
    return Accumulator.of(in.power(), in.ceremonyPower(), tauG1, tauG2, alphaTauG1, betaTauG1, betaG2, contributions,
        null);
  }

  private static long[] repeat(long[] point, int n) {
    long[] out = new long[n * point.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(point, 0, out, i * point.length, point.length);
    }
    return out;
  }
}

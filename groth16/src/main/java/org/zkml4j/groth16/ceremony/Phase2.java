package org.zkml4j.groth16.ceremony;

import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.groth16.Phase2Contribution;
import org.zkml4j.groth16.Phase2Contributions;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.format.ZkeyWriter;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.hash.Blake2b;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The circuit-specific phase of a Groth16 trusted setup, compatible with snarkjs's {@code zkey}
 * commands: {@link #newZkey} is {@code groth16 setup} (keys made here pass {@code snarkjs zkey
 * verify}, and match snarkjs's own byte for byte), {@link #contribute} and {@link #beacon} add
 * contributions to delta, and {@link #verify} checks a key against its circuit and ceremony as
 * {@code snarkjs zkey verify} does.
 *
 * <p>A contribution multiplies delta by a secret d and divides the C and H queries by d; its
 * proof of knowledge is chained to the circuit hash and every earlier contribution. The key is
 * secure if one contributor to each phase destroyed their secret. Bulk work runs on
 * {@link Parallelism#shared()}, or on the executor an overload is given, and reports to a
 * {@link Progress}.
 */
public final class Phase2 {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Phase2() {}

  /**
   * The smallest powers-of-tau ceremony that {@link #newZkey} accepts for this circuit: the power
   * k of the smallest domain 2^k above constraints + public signals, plus one from k = 15 up,
   * where snarkjs's circuit hash reads tau powers past the end of a power-k ceremony.
   */
  public static int requiredPtauPower(R1cs r1cs) {
    int k = log2Domain(r1cs);
    return k <= 14 ? k : k + 1;
  }

  /** k of the domain 2^k a setup of this circuit uses: the smallest above constraints + public signals. */
  public static int log2Domain(R1cs r1cs) {
    long rows = (long) r1cs.numConstraints() + r1cs.numPublic();
    return (rows == 0 ? 0 : 63 - Long.numberOfLeadingZeros(rows)) + 1;
  }

  /**
   * The initial proving key of a circuit (gamma = delta = 1) from a prepared accumulator.
   *
   * @throws IllegalArgumentException if the accumulator has no Lagrange bases or is too small for
   *     the circuit (it needs a domain of more than constraints + public signals points)
   */
  public static ProvingKey newZkey(R1cs r1cs, Accumulator ptau, Progress progress) {
    return newZkey(r1cs, ptau, Parallelism.shared(), progress);
  }

  /** {@link #newZkey(R1cs, Accumulator, Progress)} on the given executor. */
  public static ProvingKey newZkey(R1cs r1cs, Accumulator ptau, Parallelism parallelism, Progress progress) {
    return ZkeySetup.newZkey(r1cs, ptau, parallelism, progress);
  }

  /**
   * Adds a contribution with a fresh secret, drawn from a ChaCha stream seeded with BLAKE2b-512 of
   * 64 bytes of {@link SecureRandom} and the entropy, as snarkjs seeds it.
   *
   * @throws IllegalArgumentException if the key has no phase-2 record (section 10) to extend
   */
  public static ProvingKey contribute(ProvingKey key, String name, byte[] entropy, Progress progress) {
    return contribute(key, name, entropy, Parallelism.shared(), progress);
  }

  /** {@link #contribute(ProvingKey, String, byte[], Progress)} on the given executor. */
  public static ProvingKey contribute(ProvingKey key, String name, byte[] entropy, Parallelism parallelism,
      Progress progress) {
    byte[] random = new byte[64];
    RANDOM.nextBytes(random);
    ChaCha rng = ChaCha.seededBigEndian(new Blake2b().update(random).update(entropy).digest());
    return extend(key, rng, Phase2Contribution.TYPE_RANDOM, Phase2Contribution.encodeParameters(name, 0, null),
        parallelism, progress);
  }

  /**
   * Adds a contribution whose secret derives from a public beacon (2^numIterationsExp SHA-256
   * iterations of the hash seed the key stream), as {@code snarkjs zkey beacon}.
   */
  public static ProvingKey beacon(ProvingKey key, String name, byte[] beaconHash, int numIterationsExp,
      Progress progress) {
    return beacon(key, name, beaconHash, numIterationsExp, Parallelism.shared(), progress);
  }

  /** {@link #beacon(ProvingKey, String, byte[], int, Progress)} on the given executor. */
  public static ProvingKey beacon(ProvingKey key, String name, byte[] beaconHash, int numIterationsExp,
      Parallelism parallelism, Progress progress) {
    ChaCha rng = Beacon.rng(beaconHash, numIterationsExp);
    return extend(key, rng, Phase2Contribution.TYPE_BEACON,
        Phase2Contribution.encodeParameters(name, numIterationsExp, beaconHash), parallelism, progress);
  }

  /**
   * Checks a key against the circuit and the accumulator it was made from, as {@code snarkjs zkey
   * verify}: each contribution's transcript and proof of knowledge (beacons recomputed), that
   * delta is their product, that everything but delta, C and H is what {@link #newZkey} gives, and
   * that C and H are the initial ones divided by delta (random linear combinations and pairings).
   */
  public static VerificationReport verify(R1cs r1cs, Accumulator ptau, ProvingKey key, Progress progress) {
    return verify(r1cs, ptau, key, Parallelism.shared(), progress);
  }

  /** {@link #verify(R1cs, Accumulator, ProvingKey, Progress)} on the given executor. */
  public static VerificationReport verify(R1cs r1cs, Accumulator ptau, ProvingKey key, Parallelism parallelism,
      Progress progress) {
    return ZkeyVerifier.verify(r1cs, ptau, key, parallelism, progress);
  }

  // ------------------------------------------------------------------ the same on files

  /** {@link #newZkey} from .r1cs and .ptau files, written in the section order of snarkjs's own output. */
  public static void newZkey(Path r1cs, Path ptau, Path zkey, Progress progress) throws IOException, FormatException {
    R1cs circuit = R1csFile.read(r1cs);
    Accumulator accumulator = PtauReader.readForSetup(ptau, log2Domain(circuit), Parallelism.shared());
    ZkeyWriter.write(newZkey(circuit, accumulator, progress), zkey, ZkeyWriter.SectionOrder.ZKEY_NEW);
  }

  /** {@link #contribute} from file to file; the entropy text is taken as UTF-8. */
  public static void contribute(Path in, Path out, String name, String entropy, Progress progress)
      throws IOException, FormatException {
    ZkeyWriter.write(contribute(ZkeyReader.read(in), name, entropy.getBytes(StandardCharsets.UTF_8), progress), out);
  }

  /** {@link #beacon} from file to file; the beacon hash is given in hexadecimal. */
  public static void beacon(Path in, Path out, String name, String beaconHashHex, int numIterationsExp,
      Progress progress) throws IOException, FormatException {
    ZkeyWriter.write(beacon(ZkeyReader.read(in), name, HexFormat.of().parseHex(beaconHashHex), numIterationsExp,
        progress), out);
  }

  /** {@link #verify} of files; a file that does not parse fails with the reader's message. */
  public static VerificationReport verify(Path r1cs, Path ptau, Path zkey, Progress progress) throws IOException {
    try {
      return verify(R1csFile.read(r1cs), PtauReader.read(ptau), ZkeyReader.read(zkey), progress);
    } catch (FormatException e) {
      return VerificationReport.failure(e.getMessage(), List.of());
    }
  }

  // ------------------------------------------------------------------ internals

  static ProvingKey extend(ProvingKey key, ChaCha rng, int type, byte[] parameters, Parallelism parallelism,
      Progress progress) {
    Phase2Contributions mpc = key.contributions().orElseThrow(() -> new IllegalArgumentException(
        "the proving key has no phase-2 record (section 10); it was not made by a ceremony"));
    DeltaKey d = DeltaKey.create(mpc.circuitHash(), mpc.contributions(), rng);
    long[] delta1 = PtauKey.times(new G1(), key.delta1(), d.secret, 0);
    long[] delta2 = PtauKey.times(new G2(), key.delta2(), d.secret, 0);
    long[] inverse = new long[4];
    Bn254.FR.inverse(inverse, 0, d.secret, 0);
    long[] one = Bn254.FR.element(1);
    long[] c = copy(key.pointsC());
    long[] h = copy(key.pointsH());
    long[] newC = KeyApplication.apply(G1::new, c, c.length / 8, inverse, one, parallelism,
        new ProgressCounter(progress, "C: dividing by delta", c.length / 8));
    long[] newH = KeyApplication.apply(G1::new, h, h.length / 8, inverse, one, parallelism,
        new ProgressCounter(progress, "H: dividing by delta", h.length / 8));
    List<Phase2Contribution> contributions = new ArrayList<>(mpc.contributions());
    contributions.add(Phase2Contribution.of(delta1, d.g1S, d.g1Sx, d.g2Spx, d.transcript, type, parameters));
    return key.toBuilder().parallelism(parallelism).delta1(delta1).delta2(delta2).pointsC(newC).pointsH(newH)
        .contributions(new Phase2Contributions(mpc.circuitHash(), contributions)).build();
  }

  static long[] copy(LongBuffer b) {
    long[] out = new long[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}

package org.zkml4j.groth16.format;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.zkml4j.groth16.Groth16;
import org.zkml4j.groth16.Phase2Contribution;
import org.zkml4j.groth16.Phase2Contributions;
import org.zkml4j.groth16.PhaseTimer;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.QapCoefficients;
import org.zkml4j.circuit.format.BinFileReader;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Reads snarkjs's Groth16 proving keys ({@code .zkey}, snarkjs 0.7.x, src/zkey_utils.js).
 *
 * <p>Container "zkey", version 1 ({@link BinFileReader}); sections, in any order:
 * <ol>
 *   <li>protocol: u32 1 (Groth16; PLONK and FFLONK keys are rejected);
 *   <li>header: u32 n8q = 32, q (32 bytes), u32 n8r = 32, r (32 bytes), u32 nVars, u32 nPublic,
 *       u32 domainSize, then alpha1, beta1 (G1), beta2, gamma2 (G2), delta1 (G1), delta2 (G2);
 *   <li>IC: nPublic + 1 G1 points;
 *   <li>coefficients: u32 count, then per entry u32 matrix (0 = A, 1 = B), u32 constraint,
 *       u32 signal, and the value v as the 32 bytes of v * R^2 mod r (R = 2^256): the
 *       Montgomery form of v's Montgomery form, because snarkjs multiplies the raw bytes by the
 *       witness in Montgomery arithmetic (src/zkey_new.js writes {@code Fr.mul(v, R2r)});
 *   <li>A, 6: B1 (nVars G1 points each); 7: B2 (nVars G2 points); 8: C (nVars - nPublic - 1
 *       G1 points, private signals only); 9: H (domainSize G1 points);
 *   <li value="10">contributions (optional): the 64-byte circuit hash, u32 count, then per
 *       contribution deltaAfter, g1_s, g1_sx (G1), g2_spx (G2), a 64-byte transcript hash,
 *       u32 type, u32 parameter length and the parameters.
 * </ol>
 * Points are affine with 32-byte little-endian coordinates in Montgomery form (x then y; G2 as
 * x.c0, x.c1, y.c0, y.c1); all zeros is the point at infinity. Montgomery forms use R = 2^256 as
 * zkml4j's do, so coordinates load as they are.
 *
 * <p>The reader checks the magic, version, that each section is present once with the exact
 * size its header implies, BN254's primes, that sections of unknown type are absent (they would
 * not survive a rewrite), and, through {@link ProvingKey.Builder#build()}, every coordinate,
 * curve membership, the header G2 points' subgroup, and every coefficient's range. Problems are
 * reported as a {@link FormatException} naming the file and section. A file whose contents equal,
 * value for value, those of the last key this JVM read gives that key again, without repeating
 * its checks (see {@code LAST}).
 */
public final class ZkeyReader {
  static final String MAGIC = "zkey";
  static final int VERSION = 1;
  static final int PROTOCOL_GROTH16 = 1;
  static final int G1_BYTES = 64, G2_BYTES = 128;
  /** A coefficient entry: three u32 and a 32-byte value. */
  static final int COEFFICIENT_BYTES = 44;
  /** Header section size: 4 + 32 + 4 + 32 + 3 * 4 bytes, 3 G1 and 3 G2 points. */
  static final int HEADER_BYTES = 84 + 3 * G1_BYTES + 3 * G2_BYTES;
  /** Bytes converted to longs at a time. */
  private static final int CHUNK_BYTES = 1 << 16;

  private ZkeyReader() {}

  /** Reads and validates a .zkey file; point checks run on the shared executor. */
  public static ProvingKey read(Path file) throws IOException, FormatException {
    return read(file, Parallelism.shared());
  }

  public static ProvingKey read(Path file, Parallelism parallelism) throws IOException, FormatException {
    Groth16.warmUp(); // a key is read to be used, mostly to prove: compile the lane kernels meanwhile
    PhaseTimer timer = PhaseTimer.start("zkey read");
    Contents contents = parse(file, parallelism, timer);
    timer.lap("sections");
    SoftReference<LastRead> ref = LAST.get();
    LastRead last = ref == null ? null : ref.get();
    if (last != null && last.contents().sameAs(contents)) {
      timer.lap("unchanged since the last read, checks skipped");
      return last.key();
    }
    try {
      ProvingKey built = contents.builder(parallelism).build();
      timer.lap("checks");
      LAST.set(new SoftReference<>(new LastRead(contents, built)));
      return built;
    } catch (IllegalArgumentException e) {
      throw new FormatException(file, e.getMessage(), e);
    }
  }

  /**
   * The last key this JVM read, with the parsed contents it was built from. A JVM that proves
   * again and again (a daemon, a server) mostly reads the same key again: when a read parses to
   * the same contents, value for value, the key built and checked from them before is returned,
   * and the point checks (on a 67,210-constraint key about 70 ms of 100) are not repeated. The
   * file is still read and parsed every time, so a changed file is always noticed; the reference
   * is soft, so the memory goes back when the heap runs short.
   */
  private static final AtomicReference<SoftReference<LastRead>> LAST = new AtomicReference<>();

  private record LastRead(Contents contents, ProvingKey key) {}

  /** The coefficient section as parsed, and the key's view of it. */
  private record Coefficients(int[] matrix, int[] constraint, int[] signal, long[] values, QapCoefficients key) {
    boolean sameAs(Coefficients o) {
      return Arrays.equals(matrix, o.matrix) && Arrays.equals(constraint, o.constraint)
          && Arrays.equals(signal, o.signal) && Arrays.equals(values, o.values);
    }
  }

  /**
   * Everything a .zkey holds, parsed but not checked: sizes {nVars, nPublic, domainSize}, the
   * header points alpha1, beta1, beta2, gamma2, delta1, delta2, IC, the coefficients, the A, B1,
   * B2, C and H points, and the phase-2 record (null when absent).
   */
  private record Contents(int[] sizes, long[][] header, long[] ic, Coefficients coefficients, long[][] points,
      Phase2Contributions contributions) {
    boolean sameAs(Contents o) {
      return Arrays.equals(sizes, o.sizes) && Arrays.deepEquals(header, o.header) && Arrays.equals(ic, o.ic)
          && coefficients.sameAs(o.coefficients) && Arrays.deepEquals(points, o.points)
          && Objects.equals(contributions, o.contributions);
    }

    ProvingKey.Builder builder(Parallelism parallelism) {
      ProvingKey.Builder key = ProvingKey.builder().parallelism(parallelism).sizes(sizes[0], sizes[1], sizes[2]);
      key.alpha1(header[0]).beta1(header[1]).beta2(header[2]).gamma2(header[3]).delta1(header[4]).delta2(header[5]);
      key.ic(ic).coefficients(coefficients.key());
      key.pointsA(points[0]).pointsB1(points[1]).pointsB2(points[2]).pointsC(points[3]).pointsH(points[4]);
      return contributions == null ? key : key.contributions(contributions);
    }
  }

  /** Reads every section of the file (the container and section sizes are checked here). */
  private static Contents parse(Path file, Parallelism parallelism, PhaseTimer timer)
      throws IOException, FormatException {
    try (BinFileReader in = BinFileReader.open(file, MAGIC, VERSION, VERSION)) {
      for (int type : in.sectionTypes()) {
        if (type < 1 || type > 10) {
          throw new FormatException(file, "section type " + Integer.toUnsignedString(type)
              + " is not one of a Groth16 .zkey's (1 to 10)");
        }
      }
      BinFileReader.Section protocol = in.section(1, "section 1 (protocol)");
      expectSize(protocol, 4, "a u32 protocol id");
      long id = protocol.u32();
      if (id != PROTOCOL_GROTH16) {
        throw protocol.error("holds protocol id " + id
            + "; only Groth16 (1) keys are supported, not PLONK (2) or FFLONK (10)");
      }
      long[][] header = new long[6][];
      int[] sizes = readHeader(in.section(2, "section 2 (header)"), header);
      int nVars = sizes[0], nPublic = sizes[1], domainSize = sizes[2];
      long[] ic = points(in.section(3, "section 3 (IC)"), nPublic + 1L, false, "nPublic + 1");
      timer.lap("header");
      // The big sections are parsed concurrently (each has its own buffer and positional reads):
      // parsing is serial work that would otherwise leave the other cores idle.
      BinFileReader.Section coefficientSection = in.section(4, "section 4 (coefficients)");
      BinFileReader.Section[] pointSections = {in.section(5, "section 5 (A)"), in.section(6, "section 6 (B1)"),
          in.section(7, "section 7 (B2)"), in.section(8, "section 8 (C)"), in.section(9, "section 9 (H)")};
      long[] counts = {nVars, nVars, nVars, (long) nVars - nPublic - 1, domainSize};
      String[] countNames = {"nVars", "nVars", "nVars", "nVars - nPublic - 1", "domainSize"};
      long[][] points = new long[pointSections.length][];
      Coefficients[] coefficients = new Coefficients[1];
      List<Parse> parses = new ArrayList<>();
      parses.add(() -> coefficients[0] = coefficients(coefficientSection, parallelism));
      for (int i = 0; i < pointSections.length; i++) {
        int section = i;
        parses.add(() -> points[section] = points(pointSections[section], counts[section], section == 2,
            countNames[section]));
      }
      runAll(parses, parallelism);
      Phase2Contributions contributions =
          in.has(10) ? contributions(in.section(10, "section 10 (contributions)")) : null;
      return new Contents(sizes, header, ic, coefficients[0], points, contributions);
    }
  }

  /**
   * Reads section 2: returns {nVars, nPublic, domainSize} and fills header with alpha1, beta1,
   * beta2, gamma2, delta1, delta2 (in the file's order).
   */
  private static int[] readHeader(BinFileReader.Section s, long[][] header)
      throws IOException, FormatException {
    expectSize(s, HEADER_BYTES, "field sizes and primes, three u32 sizes, 3 G1 and 3 G2 points");
    prime(s, "q", Bn254.Q_MODULUS);
    prime(s, "r", Bn254.R_MODULUS);
    long nVars = s.u32();
    long nPublic = s.u32();
    long domainSize = s.u32();
    if (nVars > (Integer.MAX_VALUE / 16) || domainSize > (1 << ProvingKey.MAX_LOG2_DOMAIN)) {
      throw s.error("declares nVars " + nVars + " and domainSize " + domainSize
          + ", beyond what this implementation supports (2^27 signals, 2^28 domain)");
    }
    if (nPublic >= nVars) {
      throw s.error("declares nPublic " + nPublic + ", not below nVars " + nVars);
    }
    if (Long.bitCount(domainSize) != 1) {
      throw s.error("declares domainSize " + domainSize + ", which is not a power of two");
    }
    boolean[] g2 = {false, false, true, true, false, true};
    for (int k = 0; k < header.length; k++) {
      header[k] = points(s, 1, g2[k], null);
    }
    return new int[] {(int) nVars, (int) nPublic, (int) domainSize};
  }

  private static void prime(BinFileReader.Section s, String name, BigInteger expected)
      throws IOException, FormatException {
    long n8 = s.u32();
    if (n8 != 32) {
      throw s.error("gives " + n8 + "-byte elements for " + name + "; BN254 needs 32");
    }
    long[] limbs = new long[4];
    s.limbs(limbs, 0);
    BigInteger p = unsigned(limbs);
    if (!p.equals(expected)) {
      throw s.error("has the prime " + name + " = " + p + ", not BN254's " + expected
          + " (only BN254, called bn128 by snarkjs, is supported)");
    }
  }

  /**
   * Reads n affine points. With a {@code count} description the section must hold exactly those
   * points; with null, the points are part of a larger section.
   */
  private static long[] points(BinFileReader.Section s, long n, boolean g2, String count)
      throws IOException, FormatException {
    int bytes = g2 ? G2_BYTES : G1_BYTES;
    if (count != null) {
      expectSize(s, n * bytes, count + " = " + n + " " + (g2 ? "G2" : "G1") + " points of " + bytes + " bytes");
    }
    long[] p = new long[Math.toIntExact(n * bytes / 8)];
    readLongs(s, p);
    return p;
  }

  /** Fills dst with little-endian longs from s, a chunk of bytes at a time. */
  private static void readLongs(BinFileReader.Section s, long[] dst) throws IOException, FormatException {
    byte[] chunk = new byte[Math.min(CHUNK_BYTES, 8 * dst.length)];
    LongBuffer longs = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    for (int at = 0; at < dst.length; ) {
      int count = Math.min(chunk.length / 8, dst.length - at);
      s.bytes(chunk, 0, 8 * count);
      longs.get(0, dst, at, count);
      at += count;
    }
  }

  /** A section parse, run on the executor. */
  @FunctionalInterface
  private interface Parse {
    void run() throws IOException, FormatException;
  }

  /** Runs the parses in parallel; the first failure (in list order) is rethrown as it was. */
  private static void runAll(List<Parse> parses, Parallelism parallelism) throws IOException, FormatException {
    Exception[] failures = new Exception[parses.size()];
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < parses.size(); i++) {
      int task = i;
      tasks.add(() -> {
        try {
          parses.get(task).run();
        } catch (IOException | FormatException | RuntimeException e) {
          failures[task] = e;
        }
      });
    }
    parallelism.invokeAll(tasks);
    for (Exception e : failures) {
      switch (e) {
        case null -> { }
        case IOException io -> throw io;
        case FormatException format -> throw format;
        case RuntimeException runtime -> throw runtime;
        default -> throw new IllegalStateException(e);
      }
    }
  }

  private static Coefficients coefficients(BinFileReader.Section s, Parallelism parallelism)
      throws IOException, FormatException {
    long n = s.u32();
    expectSize(s, 4 + n * COEFFICIENT_BYTES, "u32 count = " + n + ", then " + COEFFICIENT_BYTES + " bytes per entry");
    if (n > Integer.MAX_VALUE / 4) {
      throw s.error("holds " + n + " entries, more than this implementation supports");
    }
    int count = (int) n;
    int[] matrix = new int[count], constraint = new int[count], signal = new int[count];
    long[] values = new long[4 * count];
    for (int i = 0; i < count; i++) {
      matrix[i] = (int) s.u32();
      constraint[i] = (int) s.u32();
      signal[i] = (int) s.u32();
      s.limbs(values, 4 * i);
      if (matrix[i] != 0 && matrix[i] != 1) {
        throw s.error("entry " + i + " names matrix " + Integer.toUnsignedString(matrix[i]) + "; expected 0 (A) or 1 (B)");
      }
      if (constraint[i] < 0 || signal[i] < 0) {
        throw s.error("entry " + i + " has constraint " + Integer.toUnsignedString(constraint[i]) + " and signal "
            + Integer.toUnsignedString(signal[i]) + ", beyond the key's sizes");
      }
      if (!Bn254.FR.isCanonical(values, 4 * i)) {
        throw s.error("entry " + i + " has a value not below r");
      }
    }
    // The file holds v * R^2; v's Montgomery form v * R is that times R^-1.
    parallelism.forRange(count, 1 << 14, (from, to) -> {
      for (int i = from; i < to; i++) {
        Bn254.FR.fromMontgomery(values, 4 * i, values, 4 * i);
      }
    });
    try {
      return new Coefficients(matrix, constraint, signal, values, QapCoefficients.of(matrix, constraint, signal, values));
    } catch (IllegalArgumentException e) {
      throw s.error(e.getMessage());
    }
  }

  private static Phase2Contributions contributions(BinFileReader.Section s) throws IOException, FormatException {
    byte[] hash = new byte[Phase2Contributions.HASH_BYTES];
    s.bytes(hash, 0, hash.length);
    long n = s.u32();
    List<Phase2Contribution> list = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      long[] deltaAfter = points(s, 1, false, null);
      long[] g1S = points(s, 1, false, null);
      long[] g1Sx = points(s, 1, false, null);
      long[] g2Spx = points(s, 1, true, null);
      byte[] transcript = new byte[Phase2Contribution.TRANSCRIPT_BYTES];
      s.bytes(transcript, 0, transcript.length);
      int type = (int) s.u32();
      long length = s.u32();
      if (length > s.remaining()) {
        throw s.error("contribution " + (i + 1) + " declares " + length + " bytes of parameters, but only "
            + s.remaining() + " remain");
      }
      byte[] parameters = new byte[(int) length];
      s.bytes(parameters, 0, parameters.length);
      try {
        list.add(Phase2Contribution.of(deltaAfter, g1S, g1Sx, g2Spx, transcript, type, parameters));
      } catch (IllegalArgumentException e) {
        throw s.error("contribution " + (i + 1) + ": " + e.getMessage());
      }
    }
    s.expectEnd();
    return new Phase2Contributions(hash, list);
  }

  private static void expectSize(BinFileReader.Section s, long expected, String layout) throws FormatException {
    if (s.size() != expected) {
      throw s.error("is " + s.size() + " bytes long, expected " + expected + " (" + layout + ")");
    }
  }

  static BigInteger unsigned(long[] limbs) {
    BigInteger v = BigInteger.ZERO;
    for (int i = limbs.length - 1; i >= 0; i--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
    }
    return v;
  }
}

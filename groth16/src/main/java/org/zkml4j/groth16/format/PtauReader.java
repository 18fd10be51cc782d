package org.zkml4j.groth16.format;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.zkml4j.circuit.format.BinFileReader;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.Groth16;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.LagrangeBases;
import org.zkml4j.groth16.ceremony.PtauContribution;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Reads snarkjs's powers-of-tau files ({@code .ptau}, snarkjs 0.7.x, src/powersoftau_utils.js and
 * src/powersoftau_new.js).
 *
 * <p>Container "ptau", version 1 ({@link BinFileReader}); for power p (N = 2^p), sections in any
 * order:
 * <ol>
 *   <li>header: u32 n8 = 32, q (32 bytes little-endian), u32 power, u32 ceremony power;
 *   <li>tauG1: 2N - 1 G1 points; 3: tauG2, N G2 points; 4: alphaTauG1 and 5: betaTauG1, N G1
 *       points each; 6: betaG2, one G2 point;
 *   <li value="7">contributions: u32 count, then per contribution tau*G1, tau*G2, alpha*G1,
 *       beta*G1, beta*G2, the public key (g1_s and g1_sx of tau, alpha, beta, then g2_spx of tau,
 *       alpha, beta), the 216-byte partial response hash, the 64-byte next challenge, u32 type,
 *       u32 parameter length and the parameters;
 *   <li value="12">after phase-2 preparation, the Lagrange bases: 12 of tauG1 (2^(p+2) - 1 G1
 *       points), 13 of tauG2 (2^(p+1) - 1 G2 points), 14 of alphaTauG1 and 15 of betaTauG1
 *       (2^(p+1) - 1 G1 points each); see {@link LagrangeBases}.
 * </ol>
 * Points are affine, 32-byte little-endian coordinates in Montgomery form (R = 2^256, as zkml4j's
 * own), x then y, G2 coordinates c0 then c1; all zeros is the point at infinity.
 *
 * <p>The reader checks the magic and version, that each section is present once with the size
 * the header implies (and that 12..15 come all or none), BN254's prime, every coordinate below q,
 * every point on its curve, and the contributions' structure. Problems are reported as a
 * {@link FormatException} naming the file and section. Whether the points form a valid ceremony
 * is {@code PowersOfTau.verify}'s question.
 */
public final class PtauReader {
  static final String MAGIC = "ptau";
  static final int VERSION = 1;
  static final int HEADER_BYTES = 4 + 32 + 4 + 4;
  /** Bytes read and converted per chunk of a point section. */
  private static final int CHUNK_BYTES = 1 << 20;

  private PtauReader() {}

  /** Reads and validates a .ptau file; point checks run on the shared executor. */
  public static Accumulator read(Path file) throws IOException, FormatException {
    return read(file, Parallelism.shared());
  }

  public static Accumulator read(Path file, Parallelism parallelism) throws IOException, FormatException {
    return read(file, -1, parallelism);
  }

  /**
   * Reads a prepared .ptau for the setup of a circuit on a domain of 2^log2Domain points. Every
   * section is read and its sizes are checked as by {@link #read}, but only the points such a setup
   * uses are checked on their curves: the first 2^(k+1) of tauG1 (the circuit hash reads them), the
   * first alphaTauG1 and betaTauG1 points, betaG2, and the Lagrange bases of size 2^k and, for the H
   * query, 2^(k+1). A ceremony of a larger power than the circuit needs holds many more points
   * (2^18: about 3.4 million, against about 100,000 for a 2^14 circuit); checking them all took a
   * third of a small circuit's setup. Points a setup does not use cannot reach its key.
   *
   * <p>A setup is in sight, and its sums run on the vector lanes: this starts their JIT warm-up
   * ({@link Groth16#warmUp}) before reading, so that a fresh JVM has them compiled sooner.
   *
   * @param log2Domain k, at least 1 (see {@code Phase2.log2Domain})
   */
  public static Accumulator readForSetup(Path file, int log2Domain, Parallelism parallelism)
      throws IOException, FormatException {
    if (log2Domain < 1) {
      throw new IllegalArgumentException("log2Domain must be at least 1, was " + log2Domain);
    }
    Groth16.warmUp();
    return read(file, log2Domain, parallelism);
  }

  /** Reads a .ptau; with {@code setupDomain} >= 1, checks only the points of {@link #readForSetup}. */
  private static Accumulator read(Path file, int setupDomain, Parallelism parallelism)
      throws IOException, FormatException {
    try (BinFileReader in = BinFileReader.open(file, MAGIC, VERSION, VERSION)) {
      for (int type : in.sectionTypes()) {
        if (type < 1 || (type > 7 && type < 12) || type > 15) {
          throw new FormatException(file, "section type " + Integer.toUnsignedString(type)
              + " is not one of a .ptau file's (1 to 7, 12 to 15)");
        }
      }
      BinFileReader.Section header = in.section(1, "section 1 (header)");
      if (header.size() != HEADER_BYTES) {
        throw header.error("is " + header.size() + " bytes long; expected " + HEADER_BYTES
            + " (n8, q, power, ceremony power)");
      }
      long n8 = header.u32();
      if (n8 != 32) {
        throw header.error("gives " + n8 + "-byte field elements; BN254 needs 32");
      }
      long[] limbs = new long[4];
      header.limbs(limbs, 0);
      BigInteger q = unsigned(limbs);
      if (!q.equals(Bn254.Q_MODULUS)) {
        throw header.error("has the prime q = " + q + ", not BN254's " + Bn254.Q_MODULUS
            + " (only BN254, called bn128 by snarkjs, is supported)");
      }
      long power = header.u32();
      long ceremonyPower = header.u32();
      if (power < 1 || power > Accumulator.MAX_POWER || ceremonyPower < power || ceremonyPower > Accumulator.MAX_POWER) {
        throw header.error("declares power " + power + " and ceremony power " + ceremonyPower
            + "; expected 1 <= power <= ceremony power <= " + Accumulator.MAX_POWER);
      }
      // A setup's few points are checked in scalar code unless the lane kernels run at compiled speed: in a
      // fresh JVM they run about 100 times slower, which for a setup's 100,000 points costs seconds. A JVM's
      // later setups (a daemon's, say) find them compiled.
      boolean lanes = setupDomain < 1 || Groth16.lanesCompiled();
      int p = (int) power;
      long n = 1L << p;
      long d = setupDomain >= 1 ? 1L << setupDomain : 0;
      long[] tauG1 = points(in.section(2, "section 2 (tauG1)"), 2 * n - 1, false, parallelism, lanes,
          checked(setupDomain, 0, 2 * d));
      long[] tauG2 = points(in.section(3, "section 3 (tauG2)"), n, true, parallelism, lanes,
          checked(setupDomain, 0, 1));
      long[] alphaTauG1 = points(in.section(4, "section 4 (alphaTauG1)"), n, false, parallelism, lanes,
          checked(setupDomain, 0, 1));
      long[] betaTauG1 = points(in.section(5, "section 5 (betaTauG1)"), n, false, parallelism, lanes,
          checked(setupDomain, 0, 1));
      long[] betaG2 = points(in.section(6, "section 6 (betaG2)"), 1, true, parallelism, lanes, null);
      List<PtauContribution> contributions = contributions(in.section(7, "section 7 (contributions)"));
      LagrangeBases lagrange = null;
      int present = 0;
      for (int type = 12; type <= 15; type++) {
        present += in.has(type) ? 1 : 0;
      }
      if (present != 0 && present != 4) {
        throw new FormatException(file, "has " + present + " of the four phase-2 sections 12 to 15; expected all or none");
      }
      if (present == 4) {
        long start = setupDomain >= 1 ? LagrangeBases.start(setupDomain) : 0;
        long end = setupDomain >= 1 ? LagrangeBases.start(setupDomain + 1) + 2 * d : 0;
        long[] level = checked(setupDomain, start, start + d);
        long[] levels = checked(setupDomain, start, end);
        lagrange = LagrangeBases.of(p,
            points(in.section(12, "section 12 (Lagrange tauG1)"), LagrangeBases.pointCount(p, true), false, parallelism,
                lanes, levels),
            points(in.section(13, "section 13 (Lagrange tauG2)"), LagrangeBases.pointCount(p, false), true, parallelism,
                lanes, level),
            points(in.section(14, "section 14 (Lagrange alphaTauG1)"), LagrangeBases.pointCount(p, false), false,
                parallelism, lanes, level),
            points(in.section(15, "section 15 (Lagrange betaTauG1)"), LagrangeBases.pointCount(p, false), false,
                parallelism, lanes, level));
      }
      return Accumulator.of(p, (int) ceremonyPower, tauG1, tauG2, alphaTauG1, betaTauG1, betaG2, contributions,
          lagrange);
    }
  }

  /** Points [from, to) for a setup of a 2^setupDomain domain to check; null (all of them) outside a setup. */
  private static long[] checked(int setupDomain, long from, long to) {
    return setupDomain >= 1 ? new long[] {from, to} : null;
  }

  /**
   * A whole section of {@code count} points, with the points in [checked[0], checked[1]) (all when
   * null; the range is clipped to the section) checked: coordinates below q and points on the curve,
   * in vector lanes or in scalar code.
   */
  private static long[] points(BinFileReader.Section s, long count, boolean g2, Parallelism parallelism,
      boolean lanes, long[] checked) throws IOException, FormatException {
    int longsPerPoint = g2 ? 16 : 8;
    long expected = count * 8 * longsPerPoint;
    if (s.size() != expected) {
      throw s.error("is " + s.size() + " bytes long; expected " + count + (g2 ? " G2" : " G1") + " points of "
          + 8 * longsPerPoint + " bytes (" + expected + " bytes)");
    }
    if (count * longsPerPoint > Integer.MAX_VALUE - 8) {
      throw s.error("holds " + count + " points, more than this implementation keeps in memory");
    }
    long[] out = new long[(int) (count * longsPerPoint)];
    byte[] chunk = new byte[(int) Math.min(expected, CHUNK_BYTES)];
    for (long done = 0; done < expected; ) {
      int len = (int) Math.min(chunk.length, expected - done);
      s.bytes(chunk, 0, len);
      ByteBuffer.wrap(chunk, 0, len).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out, (int) (done / 8), len / 8);
      done += len;
    }
    s.expectEnd();
    int first = checked == null ? 0 : (int) Math.min(count, checked[0]);
    int end = checked == null ? (int) count : (int) Math.min(count, checked[1]);
    AtomicLong firstBad = new AtomicLong(Long.MAX_VALUE);
    parallelism.forRange(Math.max(0, end - first), 4096, (from, to) -> {
      int bad = lanes ? new LaneCurveCheck(g2).firstInvalid(out, first + from, first + to)
          : firstInvalid(g2, out, first + from, first + to);
      if (bad >= 0) {
        firstBad.accumulateAndGet(bad, Math::min);
      }
    });
    if (firstBad.get() != Long.MAX_VALUE) {
      int i = (int) firstBad.get();
      boolean canonical = canonical(out, i * longsPerPoint, longsPerPoint);
      throw s.error("point " + i + " " + (canonical ? "is not on the " + (g2 ? "twist" : "curve")
          : "has a coordinate not below q"));
    }
    return out;
  }

  /** The first of points [from, to) with a coordinate not below q or off its curve, or -1; scalar code. */
  private static int firstInvalid(boolean g2, long[] points, int from, int to) {
    CurveGroup group = g2 ? new G2() : new G1();
    int longsPerPoint = g2 ? 16 : 8;
    for (int i = from; i < to; i++) {
      int off = i * longsPerPoint;
      if (!canonical(points, off, longsPerPoint) || !group.isOnCurve(points, off)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean canonical(long[] a, int off, int len) {
    for (int k = 0; k < len; k += 4) {
      if (!Bn254.FQ.isCanonical(a, off + k)) {
        return false;
      }
    }
    return true;
  }

  private static List<PtauContribution> contributions(BinFileReader.Section s) throws IOException, FormatException {
    long count = s.u32();
    // each contribution takes at least its points, hashes and two u32
    if (count > s.remaining() / (5 * 64 + 96 * 8 + 216 + 64 + 8)) {
      throw s.error("announces " + count + " contributions, more than its " + s.size() + " bytes can hold");
    }
    List<PtauContribution> out = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      long[] tauG1 = inlinePoints(s, 1, false);
      long[] tauG2 = inlinePoints(s, 1, true);
      long[] alphaG1 = inlinePoints(s, 1, false);
      long[] betaG1 = inlinePoints(s, 1, false);
      long[] betaG2 = inlinePoints(s, 1, true);
      long[] key = new long[PtauContribution.PUBLIC_KEY_LONGS];
      System.arraycopy(inlinePoints(s, 6, false), 0, key, 0, 48);
      System.arraycopy(inlinePoints(s, 3, true), 0, key, 48, 48);
      byte[] partialHash = new byte[216];
      s.bytes(partialHash, 0, partialHash.length);
      byte[] next = new byte[PtauContribution.HASH_BYTES];
      s.bytes(next, 0, next.length);
      long type = s.u32();
      long paramLength = s.u32();
      if (paramLength > s.remaining()) {
        throw s.error("contribution " + (c + 1) + " announces " + paramLength + " bytes of parameters, but only "
            + s.remaining() + " remain");
      }
      byte[] params = new byte[(int) paramLength];
      s.bytes(params, 0, params.length);
      try {
        out.add(PtauContribution.of(tauG1, tauG2, alphaG1, betaG1, betaG2, key, partialHash, next, (int) type, params));
      } catch (IllegalArgumentException e) {
        throw s.error("contribution " + (c + 1) + ": " + e.getMessage());
      }
    }
    s.expectEnd();
    return out;
  }

  /** Points inside a structured section, with coordinates checked below q (curve checks follow in the record). */
  private static long[] inlinePoints(BinFileReader.Section s, int count, boolean g2)
      throws IOException, FormatException {
    long[] out = new long[count * (g2 ? 16 : 8)];
    for (int k = 0; k < out.length; k += 4) {
      s.limbs(out, k);
      if (!Bn254.FQ.isCanonical(out, k)) {
        throw s.error("a coordinate at byte " + (s.position() - 32) + " is not below q");
      }
    }
    return out;
  }

  private static BigInteger unsigned(long[] limbs) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
    }
    return v;
  }
}

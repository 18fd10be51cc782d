package org.zkml4j.groth16.format;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.LongBuffer;
import java.nio.file.Path;
import org.zkml4j.circuit.format.BinFileWriter;
import org.zkml4j.groth16.Phase2Contribution;
import org.zkml4j.groth16.Phase2Contributions;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.QapCoefficients;
import org.zkml4j.math.field.Bn254;

/**
 * Writes proving keys as snarkjs {@code .zkey} files, in the layout {@link ZkeyReader} describes,
 * so that snarkjs proves with them and {@code ZkeyReader} reads them back.
 *
 * <p>snarkjs writes the same sections in two orders, and a rewrite is byte-identical when the
 * order matches: {@link SectionOrder#ASCENDING} (1 to 10) as after {@code zkey contribute},
 * {@code zkey beacon} and snarkjs's own zkey writer, and {@link SectionOrder#ZKEY_NEW} as
 * {@code zkey new} leaves a fresh key. Section 10 is written only when the key has a phase-2
 * record.
 */
public final class ZkeyWriter {
  /** The order of the sections in the file. */
  public enum SectionOrder {
    /** 1, 2, ..., 10: keys after a contribution or beacon. */
    ASCENDING(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
    /** 1, 2, 4, 3, 9, 8, 5, 6, 7, 10: the order of {@code snarkjs zkey new}'s output. */
    ZKEY_NEW(1, 2, 4, 3, 9, 8, 5, 6, 7, 10);

    private final int[] types;

    SectionOrder(int... types) {
      this.types = types;
    }
  }

  private ZkeyWriter() {}

  /** Writes the key with its sections in ascending order. */
  public static void write(ProvingKey key, Path file) throws IOException {
    write(key, file, SectionOrder.ASCENDING);
  }

  public static void write(ProvingKey key, Path file, SectionOrder order) throws IOException {
    boolean mpc = key.contributions().isPresent();
    try (BinFileWriter out = BinFileWriter.create(file, ZkeyReader.MAGIC, ZkeyReader.VERSION, mpc ? 10 : 9)) {
      for (int type : order.types) {
        if (type == 10 && !mpc) {
          continue;
        }
        out.beginSection(type);
        switch (type) {
          case 1 -> out.u32(ZkeyReader.PROTOCOL_GROTH16);
          case 2 -> header(out, key);
          case 3 -> points(out, key.ic());
          case 4 -> coefficients(out, key.coefficients());
          case 5 -> points(out, key.pointsA());
          case 6 -> points(out, key.pointsB1());
          case 7 -> points(out, key.pointsB2());
          case 8 -> points(out, key.pointsC());
          case 9 -> points(out, key.pointsH());
          case 10 -> contributions(out, key.contributions().orElseThrow());
          default -> throw new IllegalStateException("section " + type);
        }
        out.endSection();
      }
    }
  }

  private static void header(BinFileWriter out, ProvingKey key) throws IOException {
    prime(out, Bn254.Q_MODULUS);
    prime(out, Bn254.R_MODULUS);
    out.u32(key.nVars());
    out.u32(key.nPublic());
    out.u32(key.domainSize());
    for (long[] p : new long[][] {key.alpha1(), key.beta1(), key.beta2(), key.gamma2(), key.delta1(), key.delta2()}) {
      points(out, LongBuffer.wrap(p));
    }
  }

  private static void prime(BinFileWriter out, BigInteger p) throws IOException {
    out.u32(32);
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = p.shiftRight(64 * i).longValue();
    }
    out.limbs(limbs, 0);
  }

  /** Values go out as v * R^2 (see {@link ZkeyReader}): the Montgomery form of v's Montgomery form. */
  private static void coefficients(BinFileWriter out, QapCoefficients k) throws IOException {
    out.u32(k.size());
    long[] v = new long[4];
    for (int i = 0; i < k.size(); i++) {
      out.u32(k.matrix(i));
      out.u32(k.constraint(i));
      out.u32(k.signal(i));
      k.value(i, v, 0);
      Bn254.FR.toMontgomery(v, 0, v, 0);
      out.limbs(v, 0);
    }
  }

  /** Points as 32-byte little-endian Montgomery coordinates, i.e. the limbs as they are. */
  private static void points(BinFileWriter out, LongBuffer points) throws IOException {
    long[] chunk = new long[1 << 12];
    while (points.hasRemaining()) {
      int n = Math.min(chunk.length, points.remaining());
      points.get(chunk, 0, n);
      for (int i = 0; i < n; i += 4) {
        out.limbs(chunk, i);
      }
    }
  }

  private static void contributions(BinFileWriter out, Phase2Contributions record) throws IOException {
    byte[] hash = record.circuitHash();
    out.bytes(hash, 0, hash.length);
    out.u32(record.contributions().size());
    for (Phase2Contribution c : record.contributions()) {
      for (long[] p : new long[][] {c.deltaAfter(), c.g1S(), c.g1Sx(), c.g2Spx()}) {
        points(out, LongBuffer.wrap(p));
      }
      byte[] transcript = c.transcript();
      out.bytes(transcript, 0, transcript.length);
      out.u32(c.type());
      byte[] parameters = c.parameters();
      out.u32(parameters.length);
      out.bytes(parameters, 0, parameters.length);
    }
  }
}

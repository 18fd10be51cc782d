package org.zkml4j.groth16.format;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.file.Path;
import org.zkml4j.circuit.format.BinFileWriter;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.LagrangeBases;
import org.zkml4j.groth16.ceremony.PtauContribution;
import org.zkml4j.math.field.Bn254;

/**
 * Writes powers-of-tau files in snarkjs's layout (see {@link PtauReader}): sections in snarkjs's
 * order 1 to 7, then 12 to 15 when the accumulator has its Lagrange bases, so an accumulator read
 * from a snarkjs file is written back byte for byte.
 */
public final class PtauWriter {
  private static final int CHUNK_LONGS = 1 << 17;

  private PtauWriter() {}

  public static void write(Accumulator acc, Path file) throws IOException {
    var lagrange = acc.lagrange();
    try (BinFileWriter out = BinFileWriter.create(file, PtauReader.MAGIC, PtauReader.VERSION,
        lagrange.isPresent() ? 11 : 7)) {
      out.beginSection(1);
      out.u32(32);
      out.limbs(limbs(Bn254.Q_MODULUS), 0);
      out.u32(acc.power());
      out.u32(acc.ceremonyPower());
      out.endSection();
      section(out, 2, acc.tauG1());
      section(out, 3, acc.tauG2());
      section(out, 4, acc.alphaTauG1());
      section(out, 5, acc.betaTauG1());
      section(out, 6, LongBuffer.wrap(acc.betaG2()));
      out.beginSection(7);
      out.u32(acc.contributions().size());
      for (PtauContribution c : acc.contributions()) {
        longs(out, c.tauG1());
        longs(out, c.tauG2());
        longs(out, c.alphaG1());
        longs(out, c.betaG1());
        longs(out, c.betaG2());
        longs(out, c.publicKey());
        byte[] partial = c.partialHash();
        out.bytes(partial, 0, partial.length);
        byte[] next = c.nextChallenge();
        out.bytes(next, 0, next.length);
        out.u32(Integer.toUnsignedLong(c.type()));
        byte[] params = c.parameters();
        out.u32(params.length);
        out.bytes(params, 0, params.length);
      }
      out.endSection();
      if (lagrange.isPresent()) {
        LagrangeBases l = lagrange.get();
        section(out, 12, l.tauG1());
        section(out, 13, l.tauG2());
        section(out, 14, l.alphaTauG1());
        section(out, 15, l.betaTauG1());
      }
    }
  }

  private static void section(BinFileWriter out, int type, LongBuffer points) throws IOException {
    out.beginSection(type);
    ByteBuffer bytes = ByteBuffer.allocate(8 * CHUNK_LONGS).order(ByteOrder.LITTLE_ENDIAN);
    LongBuffer src = points.duplicate();
    while (src.hasRemaining()) {
      int n = Math.min(CHUNK_LONGS, src.remaining());
      bytes.clear();
      LongBuffer chunk = src.slice(src.position(), n);
      bytes.asLongBuffer().put(chunk);
      out.bytes(bytes.array(), 0, 8 * n);
      src.position(src.position() + n);
    }
    out.endSection();
  }

  private static void longs(BinFileWriter out, long[] v) throws IOException {
    for (int i = 0; i < v.length; i += 4) {
      out.limbs(v, i);
    }
  }

  private static long[] limbs(BigInteger v) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return l;
  }
}

package org.zkml4j.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.model.compile.ModelCompiler;
import org.zkml4j.model.onnx.OnnxImporter;
import org.zkml4j.model.quant.Quantizer;

/**
 * The identity of the code that turns a model directory's files into its circuit: a SHA-256 over
 * the jars (or class folders) holding the ONNX importer, the quantizer, the model and circuit
 * compilers, the field arithmetic, the {@code .r1cs} writer and this module, with the Java version
 * and processor architecture. Two runs with the same identity compile the same files to the same
 * circuit, which is what lets {@link ModelDirectory} trust a check it made before ({@link
 * VerifiedModels}). Any rebuild of that code changes the identity, so a new zkml4j checks every
 * model directory again, whatever its version string says.
 *
 * <p>A jar counts by its table of contents, its central directory: every entry's name, size,
 * time and CRC-32, which the jar records for each file, rather than by hashing its megabytes on
 * every command. A rebuilt class
 * changes its entry's CRC-32 (but for a 2^-32 accident); a jar crafted to keep CRCs while changing
 * code is no threat to guard against here, since whoever can replace the jar runs their own code
 * as the user anyway. Class folders (tests, IDEs) count by every file's name and bytes.
 *
 * <p>Computed once per process. Empty when the code was not loaded from files (a custom class
 * loader): then nothing is trusted from before.
 */
final class CompilerIdentity {
  private static final Class<?>[] COMPILER = {CompilerIdentity.class, OnnxImporter.class, Quantizer.class,
      ModelCompiler.class, CircuitCompiler.class, R1csFile.class, Bn254.class};

  /** The end-of-central-directory record's signature and its length without the archive comment. */
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int END_RECORD = 22;

  private CompilerIdentity() {}

  /** The identity, or empty if some of the code has no file to hash. */
  static Optional<byte[]> digest() {
    return Holder.DIGEST;
  }

  private static final class Holder {
    static final Optional<byte[]> DIGEST = compute();
  }

  private static Optional<byte[]> compute() {
    try {
      Set<Path> sources = new LinkedHashSet<>();
      for (Class<?> c : COMPILER) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
          return Optional.empty();
        }
        sources.add(Path.of(source.getLocation().toURI()));
      }
      MessageDigest sha = ModelDirectory.sha256();
      sha.update(("zkml4j compiler identity 1\n" + Runtime.version() + "\n" + System.getProperty("os.arch") + "\n")
          .getBytes(StandardCharsets.UTF_8));
      for (Path p : sources) {
        if (Files.isRegularFile(p)) {
          hashJarContents(sha, p);
        } else if (Files.isDirectory(p)) {
          hashFolder(sha, p);
        } else {
          return Optional.empty();
        }
      }
      return Optional.of(sha.digest());
    } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * A jar's central directory, the table at its end that lists every entry's name, size and CRC-32
   * (found through the end-of-central-directory record, APPNOTE 4.3.16); the whole file if that
   * record cannot be found (a jar with an archive comment longer than this reads, or ZIP64).
   */
  private static void hashJarContents(MessageDigest sha, Path jar) throws IOException {
    try (FileChannel in = FileChannel.open(jar)) {
      long size = in.size();
      int tail = (int) Math.min(size, END_RECORD + 1024);
      ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
      in.read(end, size - tail);
      for (int at = tail - END_RECORD; at >= 0; at--) {
        if (end.getInt(at) == END_SIGNATURE) {
          long length = Integer.toUnsignedLong(end.getInt(at + 12));
          long offset = Integer.toUnsignedLong(end.getInt(at + 16));
          if (length != 0xFFFFFFFFL && offset != 0xFFFFFFFFL && offset + length <= size - tail + at) {
            ByteBuffer directory = ByteBuffer.allocate((int) length);
            in.read(directory, offset);
            sha.update(directory.flip());
            return;
          }
          break;
        }
      }
    }
    hashFile(sha, jar);
  }

  private static void hashFile(MessageDigest sha, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
  }

  /** Every file under a class folder, in name order, each as its relative name then its bytes. */
  private static void hashFolder(MessageDigest sha, Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    files.sort(null);
    for (Path f : files) {
      byte[] name = root.relativize(f).toString().getBytes(StandardCharsets.UTF_8);
      sha.update(ModelDirectory.lengthPrefix(name.length));
      sha.update(name);
      sha.update(ModelDirectory.lengthPrefix(Files.size(f)));
      hashFile(sha, f);
    }
  }
}

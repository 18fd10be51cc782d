package org.zkml4j.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.msm.BucketArithmetic;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Side-by-side MSM timing in CPU time, for a machine shared with other work, where wall-clock
 * benchmarks swing with the load: one JVM runs the same MSM with each {@link BucketArithmetic} in
 * turn, round after round, and prints the process CPU time and the wall time of each run. The
 * first round includes each path's JIT warm-up and is reported as such; the results of all runs
 * must agree. Usage (from the repository root, after building bench/target/benchmarks.jar):
 *
 * <pre>
 * java --add-modules jdk.incubator.vector [-XX:-TieredCompilation] -cp bench/target/benchmarks.jar \
 *     org.zkml4j.bench.MsmCpuTime [g1|g2] [log2 of the size] [random|bits] [rounds]
 * </pre>
 */
public final class MsmCpuTime {
  private MsmCpuTime() {}

  public static void main(String[] args) {
    String group = args.length > 0 ? args[0] : "g1";
    int log = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String shape = args.length > 2 ? args[2] : "random";
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    CurveGroup g = group.equals("g2") ? new G2() : new G1();
    int n = 1 << log;
    Random rnd = new Random(1);
    System.out.printf("%s MSM, 2^%d %s scalars, %d threads: making inputs...%n", group, log, shape,
        Parallelism.shared().threads());
    long[] bases = BenchPoints.points(g, n, rnd);
    long[] scalars = BenchPoints.scalars(shape, n, rnd);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] first = null;
    for (int round = 0; round < rounds; round++) {
      for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
        long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
        long[] sum = g instanceof G1
            ? Msm.g1(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared(), arithmetic)
            : Msm.g2(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared(), arithmetic);
        cpu = os.getProcessCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        if (first == null) {
          first = sum;
        } else if (!Arrays.equals(first, sum)) {
          throw new AssertionError(arithmetic + " disagrees with the first run");
        }
        System.out.printf("round %d%s %-6s cpu %7.3f s  wall %7.3f s  cpu per point %8.1f ns%n", round,
            round == 0 ? " (with JIT warm-up)" : "", arithmetic, cpu / 1e9, wall / 1e9, (double) cpu / n);
      }
    }
  }
}

package org.zkml4j.groth16;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An opt-in breakdown of where a proof's wall time goes, printed to standard error one line per
 * phase ({@code zkml4j timings: prove: msm A 41 ms}). Off unless the JVM runs with
 * {@code -Dzkml4j.timings=true} (the launcher passes {@code JAVA_OPTS} through), with the
 * process's CPU time beside the wall time of each phase, so proving code
 * can mark its phases unconditionally at the cost of a field read. The first timer of a process
 * also prints how long the JVM took from process start to that point, which on small circuits
 * is a large part of a command's time.
 *
 * <p>Why a system property rather than a parameter: the breakdown is a diagnostic for users
 * asking "why is this slow on my machine", and it must reach phases inside readers and the
 * prover without widening their APIs.
 */
public final class PhaseTimer {
  /** The system property that turns the breakdown on. */
  public static final String PROPERTY = "zkml4j.timings";
  private static final AtomicBoolean STARTUP_REPORTED = new AtomicBoolean();
  private static final PhaseTimer OFF = new PhaseTimer(null, false);

  private final String scope;
  private final boolean on;
  private long last;
  private long lastCpu;

  private PhaseTimer(String scope, boolean on) {
    this.scope = scope;
    this.on = on;
    this.last = System.nanoTime();
    this.lastCpu = on ? processCpuNanos() : 0;
  }

  /**
   * A timer for one task, e.g. "groth16 prove"; a no-op unless {@value #PROPERTY} is true.
   */
  public static PhaseTimer start(String scope) {
    if (!Boolean.getBoolean(PROPERTY)) {
      return OFF;
    }
    if (STARTUP_REPORTED.compareAndSet(false, true)) {
      // The JVM's own record of its start (ms resolution). ProcessHandle's start instant, which
      // Linux derives from the boot time in whole seconds, was seen about 0.7 s off.
      long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      print("jvm start to first timer", sinceStart * 1_000_000, processCpuNanos());
    }
    return new PhaseTimer(scope, true);
  }

  /** Whether this timer prints; lets callers skip work done only to describe a phase. */
  public boolean enabled() {
    return on;
  }

  /** Prints the time since the previous lap (or the start) under this phase's name. */
  public void lap(String phase) {
    if (on) {
      long now = System.nanoTime();
      long cpu = processCpuNanos();
      print(scope + ": " + phase, now - last, cpu - lastCpu);
      last = now;
      lastCpu = cpu;
    }
  }

  private static void print(String what, long nanos, long cpuNanos) {
    PrintStream err = System.err;
    err.println(String.format(Locale.ROOT, "zkml4j timings: %s %.1f ms (process cpu %.1f ms)", what, nanos / 1e6,
        cpuNanos / 1e6));
  }

  /**
   * CPU time of the whole process, JIT compiler and GC threads included: on a shared machine
   * wall time varies with the load, and a cold JVM spends much of its CPU compiling.
   */
  private static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}

package org.zkml4j.math.msm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Pippenger's bucket method, for either group: classify the scalars ({@link ClassifiedScalars}),
 * plan windows per class ({@link WindowPlan}) into a {@link Schedule}, compute every (class,
 * window, chunk) sum as an independent task on the shared executor, then combine: chunks add up,
 * windows by Horner's rule (c doublings between windows), classes add up. Planning and running
 * are separate steps so that the caller can choose the bucket arithmetic knowing the work.
 */
final class Pippenger {
  private final CurveGroup group;
  private final double addCost;
  private final double reduceCost;

  /**
   * @param group used on the calling thread to combine the window sums
   * @param addCost relative cost of adding one point into a bucket
   * @param reduceCost relative cost per bucket of the running-sum reduction
   */
  Pippenger(CurveGroup group, double addCost, double reduceCost) {
    this.group = group;
    this.addCost = addCost;
    this.reduceCost = reduceCost;
  }

  record Task(int cls, WindowPlan plan, int window, int from, int to, int slot, double cost) {}

  /** The classified scalars of one MSM and its window sums still to compute. */
  record Schedule(int n, ClassifiedScalars classified, WindowPlan[] plans, List<Task> tasks) {
    /** Points added into buckets, over all window sums: the bulk of the work. */
    long bucketAdditions() {
      long sum = 0;
      for (Task task : tasks) {
        sum += task.to() - task.from();
      }
      return sum;
    }
  }

  /**
   * Classifies and plans an MSM of n scalars with n bases (read only to skip those at infinity).
   *
   * @throws IllegalArgumentException if scalars is shorter than 4n longs or holds a value not
   *     below r, or if bases is shorter than n affine points
   */
  Schedule schedule(long[] scalars, int n, ScalarForm form, long[] bases, Parallelism par) {
    if (scalars.length < 4L * n) {
      throw new IllegalArgumentException("need " + n + " scalars of 4 longs; got an array of " + scalars.length
          + " longs");
    }
    checkBases(bases, n);
    ClassifiedScalars classified = ClassifiedScalars.of(scalars, n, form, bases, group.affineSize(), par);
    int classes = classified.members.length;
    WindowPlan[] plans = new WindowPlan[classes];
    List<Task> tasks = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      int count = classified.members[k].length;
      if (count == 0) {
        continue;
      }
      WindowPlan plan = WindowPlan.choose(count, classified.maxBits[k], par.threads(), addCost, reduceCost);
      plans[k] = plan;
      for (int w = 0; w < plan.windows(); w++) {
        for (int c = 0; c < plan.chunks(); c++) {
          int from = (int) ((long) count * c / plan.chunks()), to = (int) ((long) count * (c + 1) / plan.chunks());
          double cost = (to - from) * addCost + plan.buckets() * reduceCost;
          tasks.add(new Task(k, plan, w, from, to, tasks.size(), cost));
        }
      }
    }
    return new Schedule(n, classified, plans, tasks);
  }

  /**
   * The sum of s_i * P_i as an affine point, for the scheduled scalars and n bases.
   *
   * @param baseForm puts the bases into the form the window sums read
   * @param windowSums makes one window-sum worker per thread
   * @throws IllegalArgumentException if bases is shorter than n affine points
   */
  long[] run(Schedule schedule, long[] bases, BaseForm baseForm, Supplier<WindowSum> windowSums, Parallelism par) {
    Job job = job(schedule, bases, baseForm, windowSums, par);
    runAll(List.of(job), par);
    return job.result();
  }

  /**
   * One MSM made ready to run, possibly together with others ({@link #runAll}): its bases in the
   * window sums' form, and room for its window sums.
   *
   * @throws IllegalArgumentException if bases is shorter than n affine points
   */
  Job job(Schedule schedule, long[] bases, BaseForm baseForm, Supplier<WindowSum> windowSums, Parallelism par) {
    checkBases(bases, schedule.n());
    long[] converted = schedule.tasks().isEmpty() ? bases : baseForm.convert(bases, schedule.n(), par);
    return new Job(schedule, converted, windowSums, new long[schedule.tasks().size() * group.jacobianSize()]);
  }

  /**
   * A scheduled MSM with its bases in the window sums' form, the workers' supplier (jobs run
   * together share one worker per thread and supplier), and its window sums once run.
   */
  final class Job {
    private final Schedule schedule;
    private final long[] bases;
    private final Supplier<WindowSum> windowSums;
    private final long[] sums;

    private Job(Schedule schedule, long[] bases, Supplier<WindowSum> windowSums, long[] sums) {
      this.schedule = schedule;
      this.bases = bases;
      this.windowSums = windowSums;
      this.sums = sums;
    }

    /** Combines the window sums (after {@link #runAll}): chunks add up, windows by Horner's rule, classes add up. */
    long[] result() {
      int affine = group.affineSize(), jacobian = group.jacobianSize();
      long[] result = new long[jacobian], windowSum = new long[jacobian], classSum = new long[jacobian];
      group.setInfinity(result, 0);
      int slot = 0;
      for (WindowPlan plan : schedule.plans()) {
        if (plan == null) {
          continue;
        }
        group.setInfinity(classSum, 0);
        for (int w = plan.windows() - 1; w >= 0; w--) {
          for (int i = 0; i < plan.c(); i++) {
            group.dbl(classSum, 0, classSum, 0);
          }
          group.setInfinity(windowSum, 0);
          for (int c = 0; c < plan.chunks(); c++) {
            int taskSlot = slot + w * plan.chunks() + c;
            group.add(windowSum, 0, windowSum, 0, sums, taskSlot * jacobian);
          }
          group.add(classSum, 0, classSum, 0, windowSum, 0);
        }
        slot += plan.windows() * plan.chunks();
        group.add(result, 0, result, 0, classSum, 0);
      }
      long[] out = new long[affine];
      group.toAffine(out, 0, result, 0);
      return out;
    }

    private void sum(WindowSum ws, Task task) {
      ClassifiedScalars classified = schedule.classified();
      ws.sum(bases, classified.plain, classified.members[task.cls()], task.from(), task.to(), task.plan(),
          task.window(), sums, task.slot() * group.jacobianSize());
    }
  }

  private void checkBases(long[] bases, int n) {
    int affine = group.affineSize();
    if (bases.length < (long) affine * n) {
      throw new IllegalArgumentException("need " + n + " bases of " + affine + " longs; got an array of "
          + bases.length + " longs");
    }
  }

  /**
   * Runs the window sums of all the jobs as one list of tasks, largest first, on one worker per
   * thread, each with its own window sum (and scratch) per supplier: several MSMs run together
   * keep every thread busy until the last task, where one after the other would leave threads
   * idle at the tail of each.
   */
  static void runAll(List<Pippenger.Job> jobs, Parallelism par) {
    record Work(Pippenger.Job job, Task task) {}
    List<Work> order = new ArrayList<>();
    for (Pippenger.Job job : jobs) {
      for (Task task : job.schedule.tasks()) {
        order.add(new Work(job, task));
      }
    }
    order.sort(Comparator.comparingDouble((Work w) -> w.task().cost()).reversed());
    AtomicInteger next = new AtomicInteger();
    List<Runnable> workers = new ArrayList<>();
    for (int t = 0; t < Math.min(par.threads(), order.size()); t++) {
      workers.add(() -> {
        Map<Supplier<WindowSum>, WindowSum> mine = new IdentityHashMap<>();
        for (int i = next.getAndIncrement(); i < order.size(); i = next.getAndIncrement()) {
          Work work = order.get(i);
          work.job().sum(mine.computeIfAbsent(work.job().windowSums, Supplier::get), work.task());
        }
      });
    }
    par.invokeAll(workers);
  }
}

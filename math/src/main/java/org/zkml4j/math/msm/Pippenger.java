package org.zkml4j.math.msm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Pippenger's bucket method, for either group: classify the scalars ({@link ClassifiedScalars}),
 * plan windows per class ({@link WindowPlan}), compute every (class, window, chunk) sum as an
 * independent task on the shared executor, then combine: chunks add up, windows by Horner's rule
 * (c doublings between windows), classes add up.
 */
final class Pippenger {
  private final CurveGroup group;
  private final BaseForm baseForm;
  private final Supplier<WindowSum> windowSums;
  private final double addCost;
  private final double reduceCost;

  /**
   * @param group used on the calling thread to combine the window sums
   * @param baseForm puts the bases into the form the window sums read
   * @param windowSums makes one window-sum worker per thread
   * @param addCost relative cost of adding one point into a bucket
   * @param reduceCost relative cost per bucket of the running-sum reduction
   */
  Pippenger(CurveGroup group, BaseForm baseForm, Supplier<WindowSum> windowSums, double addCost,
      double reduceCost) {
    this.group = group;
    this.baseForm = baseForm;
    this.windowSums = windowSums;
    this.addCost = addCost;
    this.reduceCost = reduceCost;
  }

  private record Task(int cls, WindowPlan plan, int window, int from, int to, int slot, double cost) {}

  /** The sum of s_i * P_i as an affine point. */
  long[] run(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par) {
    int affine = group.affineSize(), jacobian = group.jacobianSize();
    if (bases.length < (long) affine * n || scalars.length < 4L * n) {
      throw new IllegalArgumentException("need " + n + " bases of " + affine + " longs and " + n
          + " scalars of 4 longs; got arrays of " + bases.length + " and " + scalars.length + " longs");
    }
    ClassifiedScalars classified = ClassifiedScalars.of(scalars, n, form, par);
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
    long[] sums = new long[tasks.size() * jacobian];
    if (!tasks.isEmpty()) {
      runAll(tasks, baseForm.convert(bases, n, par), classified, sums, jacobian, par);
    }

    long[] result = new long[jacobian], windowSum = new long[jacobian], classSum = new long[jacobian];
    group.setInfinity(result, 0);
    int slot = 0;
    for (int k = 0; k < classes; k++) {
      WindowPlan plan = plans[k];
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

  /** Runs the tasks, largest first, on one worker (with its own scratch) per thread. */
  private void runAll(List<Task> tasks, long[] bases, ClassifiedScalars classified, long[] sums, int jacobian,
      Parallelism par) {
    List<Task> order = new ArrayList<>(tasks);
    order.sort(Comparator.comparingDouble(Task::cost).reversed());
    AtomicInteger next = new AtomicInteger();
    List<Runnable> workers = new ArrayList<>();
    for (int t = 0; t < Math.min(par.threads(), order.size()); t++) {
      workers.add(() -> {
        WindowSum ws = windowSums.get();
        for (int i = next.getAndIncrement(); i < order.size(); i = next.getAndIncrement()) {
          Task task = order.get(i);
          ws.sum(bases, classified.plain, classified.members[task.cls()], task.from(), task.to(), task.plan(),
              task.window(), sums, task.slot() * jacobian);
        }
      });
    }
    par.invokeAll(workers);
  }
}

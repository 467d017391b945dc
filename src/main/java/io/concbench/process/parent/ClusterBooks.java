package io.concbench.process.parent;

import io.concbench.executor.ClusterFigures;
import java.util.ArrayList;
import java.util.List;

/** A cluster run's per-member counts and its retries. Guarded by its run's lock (or before the run starts). */
final class ClusterBooks {

  private final String[] names;
  private final long[] tasks;
  private final long[] computeNanos;
  private final long[] readyNanos;
  private final Integer[] processors;
  private final String[] jdks;
  private final String[] left;
  private long retries;

  ClusterBooks(List<String> names) {
    this.names = names.toArray(new String[0]);
    this.tasks = new long[names.size()];
    this.computeNanos = new long[names.size()];
    this.readyNanos = new long[names.size()];
    java.util.Arrays.fill(readyNanos, -1);
    this.processors = new Integer[names.size()];
    this.jdks = new String[names.size()];
    this.left = new String[names.size()];
  }

  /** What a remote member reported on connecting. */
  void reported(int member, int processorCount, String jdk) {
    processors[member] = processorCount;
    jdks[member] = jdk;
  }

  void ready(int member, long nanos) {
    readyNanos[member] = nanos;
  }

  /** The member left before the run's end: the first reason is kept (the others follow from it). */
  void left(int member, String why) {
    if (left[member] == null) {
      left[member] = why;
    }
  }

  /** Why the member left, or null. */
  String left(int member) {
    return left[member];
  }

  String name(int member) {
    return names[member];
  }

  void completed(int member, int count, long nanos) {
    tasks[member] += count;
    computeNanos[member] += nanos;
  }

  /** {@code count} tasks of a member that left went back to the queue. */
  void retried(long count) {
    retries += count;
  }

  ClusterFigures members() {
    List<ClusterFigures.MemberFigures> members = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      members.add(new ClusterFigures.MemberFigures(names[i], tasks[i], computeNanos[i], readyNanos[i],
          processors[i], jdks[i], left[i]));
    }
    return new ClusterFigures(retries, members);
  }
}

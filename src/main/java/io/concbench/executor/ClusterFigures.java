package io.concbench.executor;

import java.util.List;

/**
 * What one run of the {@code cluster} executor did besides its phases: how many tasks went back to the queue
 * because their member left, and each member's share.
 *
 * @param retries tasks resubmitted to the other members after theirs left mid-run
 * @param members one entry per member, in the order they were started
 */
public record ClusterFigures(long retries, List<MemberFigures> members) {

  public ClusterFigures {
    members = List.copyOf(members);
  }

  /**
   * One member's share of a run.
   *
   * @param member its name: host:port
   * @param tasks tasks it completed
   * @param computeNanos the compute time of those tasks, summed as it measured them
   * @param readyNanos from its launch until its warm-up came back; for a remote member (--cluster), from
   *     the start of the client's connection
   * @param processors the processors a remote member reported, null for a local member
   * @param jdk the JDK a remote member reported ("17.0.15 (Debian)"), null for a local member
   * @param left why it left before the run's end (during its set-up, or mid-run), null if it served to the end
   */
  public record MemberFigures(String member, long tasks, long computeNanos, long readyNanos, Integer processors,
      String jdk, String left) {

    /** A local member's that served to the end. */
    public MemberFigures(String member, long tasks, long computeNanos, long readyNanos) {
      this(member, tasks, computeNanos, readyNanos, null, null, null);
    }
  }
}

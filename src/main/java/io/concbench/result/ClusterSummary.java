package io.concbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a {@code cluster} result adds: the parent's extra start-up per run (launching the members until all
 * joined and warmed up, the client connected), the tasks resubmitted after a member left, and each member's
 * share. Flattened into the result's JSON as {@code cluster_start_ms}, {@code retries} and {@code members}.
 *
 * @param clusterStartMs per run
 * @param retries tasks resubmitted to the other members, summed over the measured runs
 * @param members one per member, in the order they were started
 */
public record ClusterSummary(Summary clusterStartMs, long retries, List<MemberSummary> members) {

  public ClusterSummary {
    members = List.copyOf(members);
  }

  /**
   * One member over the measured runs.
   *
   * @param member host:port
   * @param tasks tasks it completed, summed over the measured runs
   * @param computeMs their compute time as the member measured it, summed over the measured runs
   * @param readyMs median over the measured runs of the time from its launch until its warm-up came back
   *     (the first task it accepted); for a remote member, from the start of the client's connection
   * @param processors the processors a remote member reported (they may differ from here), null if local
   * @param jdk the JDK a remote member reported, null if local
   * @param left why it left before a run's end (the first run it did), null if it served every run to its end
   */
  public record MemberSummary(String member, long tasks, double computeMs, Double readyMs,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer processors,
      @JsonInclude(JsonInclude.Include.NON_NULL) String jdk,
      @JsonInclude(JsonInclude.Include.NON_NULL) String left) {

    /** A local member's that served every run to its end. */
    public MemberSummary(String member, long tasks, double computeMs, Double readyMs) {
      this(member, tasks, computeMs, readyMs, null, null, null);
    }
  }
}

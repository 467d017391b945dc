package io.concbench.system;

import java.util.List;

/**
 * What else used the machine's CPUs while something was measured: the processes and kernel work that are
 * not concbench or its children, over a span of wall time. A competitor inside the machine is visible here,
 * unlike a shared host's, which only the capacity probe sees (docs/capacity.md).
 *
 * @param spanMs the wall time the figures cover
 * @param cpus the CPUs the figures cover: those concbench may run on (its affinity, a container's cpuset);
 *     null where unknown
 * @param otherCores busy CPU time of everything else on those CPUs per wall time (1.0 = a whole core),
 *     from /proc/stat's counters less concbench's own and its children's: processes that came and went in
 *     the span count too; null where /proc/stat cannot be read
 * @param stealShare the hypervisor's steal as a share of all CPU time of those CPUs; null where unknown
 * @param busiest the busiest other processes, busiest first, each over the span (or the part it was alive)
 */
public record BackgroundLoad(
    double spanMs, Integer cpus, Double otherCores, Double stealShare, List<BusyProcess> busiest) {

  /**
   * A process and its share of one CPU over the span (1.0 = a whole core), its reaped children included.
   *
   * @param sameSession whether it runs in concbench's own session (started from the same terminal or
   *     script): with Linux's autogroup the scheduler shares the cores among the threads of one session one
   *     by one, but between sessions group by group, and the capacity probe reads the first case too high
   *     (docs/capacity.md); null where unknown
   */
  public record BusyProcess(long pid, String name, double cores, Boolean sameSession) {}
}

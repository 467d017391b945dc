package io.concbench.stats;

import io.concbench.system.BackgroundLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether other processes crowded a result, and who they were: what a result's warning and a comparison's
 * note say of its background load.
 */
public final class BackgroundCrowding {

  /**
   * At this much of a core taken by other processes, a run shares the machine noticeably: a fifth of a core
   * is a tenth of a two-core machine, and the idle reference VM's own background is 0.01–0.03.
   */
  public static final double BUSY_CORES = 0.2;

  private BackgroundCrowding() {}

  /**
   * Whether other processes crowded a result: they took {@link #BUSY_CORES} or more, and with the result's
   * own busy cores they needed (within that much) every CPU concbench could use. A browser on one core of
   * eight competes with nothing a two-worker run needs; a busy loop on one of two does.
   *
   * @param demandCores the result's own busy cores (its {@code cores_used})
   */
  public static boolean crowded(BackgroundLoad load, double demandCores) {
    if (load == null || load.otherCores() == null || load.otherCores() < BUSY_CORES) {
      return false;
    }
    return load.cpus() == null || load.otherCores() + demandCores > load.cpus() - BUSY_CORES;
  }

  /** " (busiest: bash, pid 4242, 0.87 cores; ...)", or nothing if none was named: for warnings and notes. */
  public static String busiest(BackgroundLoad load) {
    List<String> named = new ArrayList<>();
    for (BackgroundLoad.BusyProcess p : load.busiest()) {
      named.add(String.format(Locale.ROOT, "%s, pid %d, %.2f cores", p.name(), p.pid(), p.cores()));
    }
    return named.isEmpty() ? "" : " (busiest: " + String.join("; ", named) + ")";
  }
}

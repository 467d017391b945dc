package io.concbench.cli;

import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.RemoteCluster;
import io.concbench.plugin.Plugin;
import io.concbench.plugin.WorkloadCatalog;
import io.concbench.result.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code --cluster} and {@code --cluster-name}: a {@code cluster} run on running {@code concbench member}
 * processes (docs/cluster.md). Checked with the other options; then, before anything runs, the members are
 * reached and compared with this concbench ({@link Executor#refusal}).
 */
final class RemoteClusterOptions {

  private RemoteClusterOptions() {}

  /**
   * Refuses the options without the cluster executor, --cluster without its name (and the name alone), a
   * member listed twice, and a --workers that is not the number of members; sets --workers to that number.
   */
  static void check(SelectionOptions selection, ProcessOptions process) {
    if (process.cluster == null && process.clusterName == null) {
      return;
    }
    boolean cluster = selection.executors().stream().anyMatch(e -> e.name().equals("cluster"));
    String option = process.cluster != null ? "--cluster" : "--cluster-name";
    String value = process.cluster != null ? String.join(",", process.cluster) : process.clusterName;
    if (!cluster) {
      throw UsageException.invalid(option, value, "only the cluster executor runs on members: add --executor "
          + "cluster");
    }
    if (process.cluster == null) {
      throw UsageException.invalid("--cluster-name", value, "it names the members of --cluster HOST:PORT,...; "
          + "without --cluster, cluster starts members of its own");
    }
    if (process.clusterName == null || process.clusterName.isBlank()) {
      throw UsageException.invalid("--cluster", value, "--cluster needs --cluster-name, the name its members "
          + "were started with");
    }
    Set<String> seen = new HashSet<>();
    for (String member : process.cluster) {
      if (!seen.add(member)) {
        throw UsageException.invalid("--cluster", value, member + " is listed twice");
      }
    }
    boolean otherProcesses = selection.executors().stream()
        .anyMatch(e -> e.traits().inOtherProcesses() && !e.name().equals("cluster"));
    if (!otherProcesses && (process.javaBinary != null || !process.jvmArgs.isEmpty())) {
      throw UsageException.invalid(process.javaBinary != null ? "--java" : "--jvm-arg",
          process.javaBinary != null ? process.javaBinary : String.join(" ", process.jvmArgs),
          "the members of --cluster run on the JVM 'concbench member' started them with");
    }
    if (process.taskTimeout != null) {
      // A local member reports each task's start on its stdin/stdout pipe; a remote member has no such
      // channel yet, so an overdue task could not be told from a queued one.
      throw UsageException.invalid("--task-timeout", process.taskTimeout.toMillis() + "ms",
          "not yet on the members of --cluster: only local members report when a task starts");
    }
    int members = process.cluster.size();
    if (selection.typed("--workers") && !selection.workerCounts().equals(List.of(members))) {
      throw UsageException.invalid("--workers", String.join(",", selection.workerCounts().stream()
          .map(String::valueOf).toList()), "a run on --cluster uses each of its " + members + " members once: "
          + "leave --workers out or pass --workers " + members);
    }
    selection.workers = List.of(members);
  }

  /** The remote members a run uses, with what they must match here; null without --cluster. */
  static RemoteCluster target(ProcessOptions process, WorkloadCatalog catalog) {
    if (process.cluster == null) {
      return null;
    }
    Map<String, String> plugins = new TreeMap<>();
    for (Plugin plugin : catalog.plugins()) {
      plugins.put(plugin.jar().getFileName().toString(), plugin.sha256());
    }
    return new RemoteCluster(process.cluster, process.clusterName, plugins, Version.current());
  }

  /** Asks each executor whether it runs with these settings (reaching remote members): one line, exit 2. */
  static void refuseWhatExecutorsRefuse(List<Executor> executors, ExecutorSettings settings) {
    for (Executor executor : executors) {
      Optional<String> refusal = executor.refusal(settings);
      if (refusal.isPresent()) {
        throw new UsageException(refusal.get());
      }
    }
  }
}

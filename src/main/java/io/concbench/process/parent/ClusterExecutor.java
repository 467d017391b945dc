package io.concbench.process.parent;

import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.ExecutorTraits;
import io.concbench.executor.RemoteCluster;
import io.concbench.executor.WorkloadSpec;
import java.util.Optional;

/**
 * {@code cluster}: --workers Hazelcast member JVMs on 127.0.0.1, fed chunks of tasks by concbench's own
 * scheduler, the parent their client (docs/cluster.md). No Hazelcast class is named here, so that the
 * registry, --version and {@code list} load none: only a run of this executor does.
 */
public final class ClusterExecutor implements Executor {

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("cluster",
          "--workers Hazelcast member JVMs on 127.0.0.1 (or --cluster's running members), the parent a "
              + "client, chunks as in process-pool",
          ExecutorTraits.Concurrency.WORKERS)
      .chunked()
      .otherProcesses()
      .withoutRate(); // its scheduler does not pace chunks yet

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

  /** With --cluster: the remote members reached and compared with this concbench before anything runs. */
  @Override
  public Optional<String> refusal(ExecutorSettings settings) {
    RemoteCluster cluster = settings.process().cluster();
    return cluster == null ? Optional.empty() : RemoteMembers.refusal(cluster);
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ClusterRun(settings.workers(), settings.process(), workload);
  }
}

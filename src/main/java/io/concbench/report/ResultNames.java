package io.concbench.report;

import io.concbench.result.Params;
import io.concbench.result.Result;

/** Stable names of results for tools that key benchmarks by name (Bencher, github-action-benchmark). */
final class ResultNames {

  private ResultNames() {}

  /** e.g. {@code cpu/thread-pool/workers=2/tasks=16/n=150000000}, plus {@code /guard=none} and {@code /chunksize=N} where present. */
  static String of(Result r) {
    StringBuilder name = new StringBuilder(r.workload()).append('/').append(r.executor())
        .append("/workers=").append(r.workers()).append("/tasks=").append(r.tasks());
    if (r.params() != null) {
      r.params().forEach((k, v) -> name.append('/').append(k).append('=').append(Params.text(v)));
    }
    if (r.guard() != null) {
      name.append("/guard=").append(r.guard());
    }
    if (r.chunksize() != null) {
      name.append("/chunksize=").append(r.chunksize());
    }
    return name.toString();
  }
}

package io.concbench.report;

import io.concbench.result.Params;
import io.concbench.result.Result;

/** Stable names of results for tools that key benchmarks by name (Bencher, github-action-benchmark). */
final class ResultNames {

  private ResultNames() {}

  /** e.g. {@code cpu/thread-pool/workers=2/tasks=16/n=150000000}, plus {@code /guard=none}, {@code /chunksize=N} and {@code /rate=R} (tasks a second offered) where present. */
  static String of(Result r) {
    Result.Case c = r.benchmarkCase();
    StringBuilder name = new StringBuilder(c.workload()).append('/').append(c.executor())
        .append("/workers=").append(c.workers()).append("/tasks=").append(c.tasks());
    if (c.params() != null) {
      c.params().forEach((k, v) -> name.append('/').append(k).append('=').append(Params.text(v)));
    }
    if (c.guard() != null) {
      name.append("/guard=").append(c.guard());
    }
    if (c.chunksize() != null) {
      name.append("/chunksize=").append(c.chunksize());
    }
    if (r.rate() != null) {
      name.append("/rate=").append(Params.text(r.rate().offeredPerS()));
    }
    return name.toString();
  }
}

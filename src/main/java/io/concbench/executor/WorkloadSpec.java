package io.concbench.executor;

import java.util.Map;

/** The workload of a case as another process needs it: the registry name and every parameter value. */
public record WorkloadSpec(String name, Map<String, Long> params) {}

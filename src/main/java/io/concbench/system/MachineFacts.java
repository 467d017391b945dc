package io.concbench.system;

import java.util.List;

/**
 * What of the machine affects how stable a measurement can be, as far as it can be read. A null field was
 * not readable; {@code unreadable} says which and why.
 *
 * @param onlineCpus the kernel's online CPUs, e.g. "0-1"
 * @param cpusetCpus the CPUs this process's cgroup may use
 * @param cpuQuotaCores the cgroup's CPU quota in cores (1.5 = 150 ms per 100 ms), null when unlimited
 * @param loadAverage the 1, 5 and 15 minute load averages
 * @param smtActive whether simultaneous multithreading (hyper-threads) is on
 * @param cpuGovernor the frequency governor of cpu0 (performance, powersave, ...)
 * @param turbo "on" / "off" from intel_pstate or cpufreq boost
 */
public record MachineFacts(
    String onlineCpus,
    String cpusetCpus,
    Double cpuQuotaCores,
    List<Double> loadAverage,
    Boolean smtActive,
    String cpuGovernor,
    String turbo,
    List<String> unreadable) {}

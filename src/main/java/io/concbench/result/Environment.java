package io.concbench.result;

import java.util.List;

/** Where a report was measured: a comparison across machines or JDKs is usually meaningless. */
public record Environment(
    String concbenchVersion,
    String javaVersion,
    String javaVendor,
    String javaVm,
    String javaVmName,
    String javaVmVersion,
    String javaHome,
    List<String> jvmArgs,
    String osName,
    String osVersion,
    String osArch,
    String cpuModel,
    int availableProcessors,
    long maxHeapMb,
    String timestampUtc,
    io.concbench.system.MachineFacts system) {}

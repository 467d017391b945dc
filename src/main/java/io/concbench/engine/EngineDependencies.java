package io.concbench.engine;

import io.concbench.capacity.CapacityProbe;
import io.concbench.system.BackgroundMeter;
import io.concbench.system.PeakMemory;

/**
 * Everything the engine reads from the world: its clocks, the user's interruption, where progress goes,
 * and the machine's capacity, memory and background load. Tests substitute fakes for any of them; what a
 * test leaves out is off ({@link #of}), each {@code with...} method turns one on.
 *
 * @param capacityProbes makes the probe for a case, probed once per measured round of parallel cases; null
 *     to probe nothing
 * @param processors the processors a probe may use (its k is capped there)
 * @param peakMemory resets and reads concbench's own peak resident memory around each run
 * @param background measures what else used the CPUs over each group's measured rounds
 * @param turnGate passed before each round of measured runs
 */
public record EngineDependencies(Clock clock, CpuClock cpuClock, Cancellation cancellation, Progress progress,
    CapacityProbes capacityProbes, int processors, PeakMemory peakMemory, BackgroundMeter background,
    TurnGate turnGate) {

  /** Makes the probe that stands for a case's executor; probes live for one group. */
  @FunctionalInterface
  public interface CapacityProbes {
    /** @param otherProcesses true for executors whose tasks run in other processes */
    CapacityProbe probeFor(boolean otherProcesses);
  }

  /** The clocks, cancellation and progress; no capacity probe, no memory or background readings. */
  public static EngineDependencies of(Clock clock, CpuClock cpuClock, Cancellation cancellation,
      Progress progress) {
    return new EngineDependencies(clock, cpuClock, cancellation, progress, null, 1, PeakMemory.NONE,
        BackgroundMeter.NONE, TurnGate.OPEN);
  }

  public EngineDependencies withCapacityProbes(CapacityProbes probes, int processorCount) {
    return new EngineDependencies(clock, cpuClock, cancellation, progress, probes, processorCount, peakMemory,
        background, turnGate);
  }

  public EngineDependencies withPeakMemory(PeakMemory memory) {
    return new EngineDependencies(clock, cpuClock, cancellation, progress, capacityProbes, processors, memory,
        background, turnGate);
  }

  public EngineDependencies withBackground(BackgroundMeter meter) {
    return new EngineDependencies(clock, cpuClock, cancellation, progress, capacityProbes, processors,
        peakMemory, meter, turnGate);
  }

  public EngineDependencies withTurnGate(TurnGate gate) {
    return new EngineDependencies(clock, cpuClock, cancellation, progress, capacityProbes, processors,
        peakMemory, background, gate);
  }
}

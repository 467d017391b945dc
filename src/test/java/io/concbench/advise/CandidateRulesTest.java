package io.concbench.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.advise.CandidateRules.NotTried;
import io.concbench.advise.CandidateRules.Proposal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateRulesTest {

  /** A calibration of work with these figures on a machine of two processors. */
  private static Calibration calibration(double taskMs, double cpuShare, double capacity, int tasks,
      Double dispatchMs, boolean virtual) {
    return new Calibration(taskMs, cpuShare, capacity, 2, tasks, dispatchMs == null ? null : 300.0, dispatchMs,
        virtual, dispatchMs != null, false, 10_000);
  }

  private static List<String> executors(Proposal p) {
    return p.candidates().stream().map(Candidate::executor).toList();
  }

  @Test
  void cpuBoundWorkTriesThreadsAtTheCapacityOverTheCpuShareAndProcesses() {
    Proposal p = CandidateRules.propose(calibration(80, 0.99, 1.95, 16, 0.6, false), true);

    assertThat(p.candidates()).extracting(Candidate::executor, Candidate::workers).containsExactly(
        org.assertj.core.groups.Tuple.tuple("single", 1), org.assertj.core.groups.Tuple.tuple("thread-pool", 2),
        org.assertj.core.groups.Tuple.tuple("thread-pool", 4), org.assertj.core.groups.Tuple.tuple("process-pool", 2));
    // 0.6 ms of dispatch against 80 ms of work: one task per chunk is cheap enough.
    assertThat(p.candidates().get(3).chunksize()).isEqualTo(1);
    assertThat(p.notTried()).extracting(n -> n.candidate().executor()).containsExactly("fork");
  }

  @Test
  void waitingWorkTriesAThreadPerTaskAndVirtualThreadsWhereTheJvmHasThem() {
    Proposal on21 = CandidateRules.propose(calibration(100, 0.001, 1.9, 1000, 0.5, true), false);
    Proposal on17 = CandidateRules.propose(calibration(100, 0.001, 1.9, 1000, 0.5, false), false);

    assertThat(on21.candidates()).extracting(Candidate::executor, Candidate::workers).contains(
        org.assertj.core.groups.Tuple.tuple("thread-pool", 1000), org.assertj.core.groups.Tuple.tuple("virtual", 1000));
    assertThat(executors(on17)).contains("thread-pool").doesNotContain("virtual", "single");
    assertThat(on17.notTried()).extracting(n -> n.candidate().executor(), NotTried::why)
        .contains(org.assertj.core.groups.Tuple.tuple("virtual", "virtual threads need JDK 21+"));
    // Waiting work gains nothing from processes: none is proposed.
    assertThat(executors(on21)).doesNotContain("process-pool");
  }

  @Test
  void waitingWorkAlwaysTriesAThreadPerTaskEvenFarBeyondTheCapacityOverTheCpuShare() {
    // The example's service-call as calibrated here: 20 tasks of 23 ms, 46 % of a core busy. The rule's
    // count is about 4 and twice it 8, both leaving the tasks in waves; 20 threads let every wait overlap.
    Proposal p = CandidateRules.propose(calibration(23, 0.46, 1.97, 20, 1.4, false), true);

    assertThat(p.candidates()).extracting(Candidate::executor, Candidate::workers).contains(
        org.assertj.core.groups.Tuple.tuple("thread-pool", 4), org.assertj.core.groups.Tuple.tuple("thread-pool", 8),
        org.assertj.core.groups.Tuple.tuple("thread-pool", 20));
  }

  @Test
  void cpuBoundWorkThatAlsoWaitsTriesAThreadPerTaskButPureComputeDoesNot() {
    // mixed as calibrated here: 16 tasks of 50 ms, half of it computing.
    Proposal mixed = CandidateRules.propose(calibration(50, 0.5, 1.97, 16, 0.5, false), true);
    Proposal cpu = CandidateRules.propose(calibration(80, 0.99, 1.95, 16, 0.6, false), true);

    assertThat(mixed.candidates()).extracting(Candidate::executor, Candidate::workers).contains(
        org.assertj.core.groups.Tuple.tuple("thread-pool", 4), org.assertj.core.groups.Tuple.tuple("thread-pool", 8),
        org.assertj.core.groups.Tuple.tuple("thread-pool", 16));
    assertThat(cpu.candidates()).extracting(Candidate::workers).doesNotContain(16);
  }

  @Test
  void workThatPartlyWaitsGetsMoreThreadsThanCoresAndProcesses() {
    Proposal p = CandidateRules.propose(calibration(65, 0.4, 2.0, 16, 0.6, false), true);

    // 2 cores / 0.4 of a core per task: 5 threads, twice as many, one per task (16 is within 4 times 5), then
    // the CPU-bound rule for contrast.
    assertThat(p.candidates()).extracting(Candidate::executor, Candidate::workers).contains(
        org.assertj.core.groups.Tuple.tuple("thread-pool", 5), org.assertj.core.groups.Tuple.tuple("thread-pool", 10),
        org.assertj.core.groups.Tuple.tuple("thread-pool", 16), org.assertj.core.groups.Tuple.tuple("thread-pool", 2));
    assertThat(executors(p)).contains("process-pool");
  }

  @Test
  void tinyTasksTryChunksSizedFromTheDispatchCostCappedByTheWorkers() {
    Calibration tiny = calibration(0.0002, 1.0, 2.0, 100_000, 0.5, false);
    Proposal p = CandidateRules.propose(tiny, true);

    assertThat(CandidateRules.tiny(tiny)).isTrue();
    Candidate pool = p.candidates().stream().filter(c -> c.executor().equals("process-pool")).findFirst()
        .orElseThrow();
    // 0.5 ms / (5 % of 0.2 us) would be 50 million tasks a chunk: capped at a chunk per worker.
    assertThat(pool.chunksize()).isEqualTo(50_000);
    assertThat(executors(p)).containsExactly("single", "thread-pool", "process-pool");
  }

  @Test
  void chunksGrowAsTasksShrinkAgainstTheDispatch() {
    assertThat(CandidateRules.chunkFor(calibration(1.0, 1, 2, 10_000, 0.5, false), 2)).isEqualTo(10);
    assertThat(CandidateRules.chunkFor(calibration(0.1, 1, 2, 10_000, 0.5, false), 2)).isEqualTo(100);
    assertThat(CandidateRules.chunkFor(calibration(100, 1, 2, 10_000, 0.5, false), 2)).isEqualTo(1);
  }

  @Test
  void aSharedCounterComparesTheGuardsThatLoseNothing() {
    Calibration counter = new Calibration(5, 1, 2, 2, 20, null, null, false, false, true, 10_000);

    Proposal p = CandidateRules.propose(counter, true);

    assertThat(p.candidates()).extracting(Candidate::guard)
        .containsExactly("synchronized", "synchronized", "atomic", "adder");
    assertThat(p.candidates()).noneMatch(c -> "none".equals(c.guard()));
  }

  @Test
  void oneCoreOfCapacityAdvisesOneWorkerForCpuBoundWork() {
    Proposal p = CandidateRules.propose(calibration(80, 1.0, 1.04, 16, 0.6, false), true);

    assertThat(p.candidates().get(1).workers()).isEqualTo(1);
  }

  @Test
  void aShareTooSmallToTellFromNoneCountsAsOnlyWaiting() {
    // 5 % of a core over a 200 ms calibration is a tick or two of the JVM's own threads.
    Calibration io = calibration(100, 0.05, 1.1, 1000, 1.6, false);

    assertThat(io.idealWorkers()).isEqualTo(1000);
    assertThat(calibration(65, 0.4, 2.0, 16, 0.6, false).idealWorkers()).isEqualTo(5);
  }

  @Test
  void aRunIsEstimatedFromTheTasksSpreadOverTheWorkersComputingOverNoMoreThanTheCapacity() {
    Calibration io = calibration(100, 0.0, 2, 1000, null, false);
    Calibration cpu = calibration(80, 1.0, 2, 16, null, false);

    assertThat(io.estimatedRunMs(new Candidate("thread-pool", 2, 0, null, ""))).isEqualTo(50_000);
    assertThat(io.estimatedRunMs(new Candidate("thread-pool", 1000, 0, null, ""))).isEqualTo(100);
    assertThat(cpu.estimatedRunMs(new Candidate("thread-pool", 8, 0, null, ""))).isEqualTo(640);
  }

  @Test
  void onABusyMachineCpuBoundWorkStillTriesAsManyThreadsAsProcessors() {
    // Four processors, but the probe found about one core free: 1 and 2 threads, and 4 in case it frees up.
    Calibration busy = new Calibration(80, 1.0, 1.04, 4, 16, 300.0, 0.6, false, true, false, 10_000);

    Proposal p = CandidateRules.propose(busy, true);

    assertThat(busy.busy()).isTrue();
    assertThat(p.candidates()).filteredOn(c -> c.executor().equals("thread-pool")).extracting(Candidate::workers)
        .containsExactly(1, 2, 4);
    assertThat(p.candidates()).filteredOn(c -> c.executor().equals("thread-pool") && c.workers() == 4)
        .extracting(Candidate::hypothesis).singleElement().asString().contains("busy machine (capacity 1.04 of 4)");
    // On a quiet machine of four, the rule's own counts already include the processors.
    Calibration quiet = new Calibration(80, 1.0, 3.9, 4, 16, 300.0, 0.6, false, true, false, 10_000);
    assertThat(CandidateRules.propose(quiet, true).candidates()).filteredOn(c -> c.executor().equals("thread-pool"))
        .extracting(Candidate::workers).containsExactly(4, 8, 2);
  }

  @Test
  void onABusyMachineCpuBoundWorkStillTriesAsManyProcessesAsProcessors() {
    Calibration busy = new Calibration(80, 1.0, 1.04, 4, 16, 300.0, 0.6, false, true, false, 10_000);

    List<Candidate> pools = CandidateRules.propose(busy, true).candidates().stream()
        .filter(c -> c.executor().equals("process-pool")).toList();

    assertThat(pools).extracting(Candidate::workers).containsExactly(1, 4);
    assertThat(pools.get(1).chunksize()).isEqualTo(CandidateRules.chunkFor(busy, 4));
    assertThat(pools.get(1).hypothesis()).contains("busy machine (capacity 1.04 of 4): as many processes");
    Calibration quiet = new Calibration(80, 1.0, 3.9, 4, 16, 300.0, 0.6, false, true, false, 10_000);
    assertThat(CandidateRules.propose(quiet, true).candidates()).filteredOn(c -> c.executor().equals("process-pool"))
        .extracting(Candidate::workers).containsExactly(4);
    // Two processors, one found free: threads at 1 and 2, processes at 1 and 2 (log-regex at 1.07 of 2).
    Calibration twoBusy = new Calibration(13.5, 1.0, 1.07, 2, 16, 2000.0, 1.58, false, true, false, 10_000);
    assertThat(CandidateRules.propose(twoBusy, true).candidates()).filteredOn(c -> c.executor().equals("process-pool"))
        .extracting(Candidate::workers).containsExactly(1, 2);
  }

  @Test
  void tinyTasksOnABusyMachineStillTryTwoWorkers() {
    Proposal p = CandidateRules.propose(calibration(0.0002, 1.0, 1.1, 100_000, 0.5, false), true);

    assertThat(p.candidates()).filteredOn(c -> !c.executor().equals("single")).extracting(Candidate::workers)
        .containsOnly(2);
  }

  @Test
  void waitingWorkDoesNotCalibrateOrTryProcessesUnlessItsTasksMayBeTiny() {
    assertThat(CandidateRules.processesWorthCalibrating(100, 0.02)).isFalse(); // io
    assertThat(CandidateRules.processesWorthCalibrating(65, 0.4)).isTrue(); // mixed
    assertThat(CandidateRules.processesWorthCalibrating(80, 1.0)).isTrue(); // cpu
    assertThat(CandidateRules.processesWorthCalibrating(0.001, 0.0)).isTrue(); // may be shorter than a dispatch

    // io, processes allowed but not calibrated: listed as not tried, with why.
    Calibration io = new Calibration(100, 0.02, 1.9, 2, 1000, null, null, false, true, false, 10_000);
    Proposal p = CandidateRules.propose(io, false);
    assertThat(executors(p)).doesNotContain("process-pool");
    assertThat(p.notTried()).filteredOn(n -> n.candidate().executor().equals("process-pool"))
        .extracting(NotTried::why).singleElement().asString().startsWith("waiting work (2 % of a core busy)")
        .endsWith("not calibrated");
  }

  @Test
  void ioWithAThousandTasksTriesAThousandThreadsOn17AndVirtualThreadsOn21() {
    Calibration on17 = new Calibration(100, 0.02, 1.9, 2, 1000, null, null, false, true, false, 10_000);
    Calibration on21 = new Calibration(100, 0.02, 1.9, 2, 1000, null, null, true, true, false, 10_000);

    // Far beyond workers 1..16: a thread per task, each waiting its 100 ms at once.
    assertThat(CandidateRules.propose(on17, false).candidates()).extracting(Candidate::executor,
        Candidate::workers).containsExactly(org.assertj.core.groups.Tuple.tuple("thread-pool", 1000),
        org.assertj.core.groups.Tuple.tuple("thread-pool", 2));
    assertThat(CandidateRules.propose(on21, false).candidates()).extracting(Candidate::executor,
        Candidate::workers).contains(org.assertj.core.groups.Tuple.tuple("virtual", 1000));
  }
}

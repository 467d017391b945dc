package io.concbench.advise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson's decision table as hypotheses (docs/advise.md): from the calibration, which configurations
 * are worth measuring. CPU-bound work: threads (or processes) about as many as the capacity over the CPU
 * share; work that waits: about as many threads as tasks, or virtual threads; tasks too small for their
 * dispatch: chunks sized from the dispatch cost, or one thread; a shared counter: its guards. Pure.
 */
public final class CandidateRules {

  /** Guards worth comparing for a shared counter: none loses updates, so it is never advised. */
  static final List<String> GUARDS = List.of("synchronized", "atomic", "adder");
  /** A chunk's dispatch should cost at most this share of its work. */
  static final double DISPATCH_SHARE = 0.05;
  /** Without a measured dispatch cost, a task shorter than this counts as tiny. */
  static final double TINY_MS = 0.01;
  /** CPU-bound work busy less than this share of a core also waits: a thread per task is tried too. */
  static final double ALSO_WAITS = 0.9;
  /** Waiting work keeping at least this share of a core busy is worth trying on processes. */
  static final double PROCESS_SHARE = 0.2;

  private CandidateRules() {}

  /**
   * The candidates to measure and those left out.
   *
   * @param notTried configurations the rules considered and left out, each with why
   */
  public record Proposal(List<Candidate> candidates, List<NotTried> notTried) {}

  /** A configuration the rules left out, and why. */
  public record NotTried(Candidate candidate, String why) {}

  /** @param referenceMeasured false when one thread would take too long: single is then not a candidate */
  public static Proposal propose(Calibration c, boolean referenceMeasured) {
    List<Candidate> out = new ArrayList<>();
    List<NotTried> skipped = new ArrayList<>();
    int processors = c.processors();
    int capacityWorkers = (int) Math.max(1, Math.min(c.tasks(), Math.round(c.capacity())));
    if (c.sharedCounter()) {
      if (referenceMeasured) {
        out.add(new Candidate(Candidate.SINGLE, 1, 0, GUARDS.get(0), "the reference: one thread, no contention"));
      }
      int workers = Math.max(2, Math.min(c.tasks(), processors));
      for (String guard : GUARDS) {
        out.add(new Candidate(Candidate.THREAD_POOL, workers, 0, guard,
            "shared counter: guard it; " + guard + " is one of the guards that lose nothing"));
      }
      return new Proposal(List.copyOf(out), List.copyOf(skipped));
    }
    if (referenceMeasured) {
      out.add(new Candidate(Candidate.SINGLE, 1, 0, null, "the reference: no parallel executor pays"));
    }
    boolean tiny = tiny(c);
    if (tiny) {
      // One worker is no parallel executor: on a busy machine (capacity about 1) two are still tried.
      int parallel = Math.max(capacityWorkers, Math.min(c.tasks(), Math.min(2, processors)));
      out.add(new Candidate(Candidate.THREAD_POOL, parallel, 0, null,
          "tiny tasks: a thread pool's hand-over per task against the task itself"));
      if (c.processesAllowed()) {
        int workers = parallel;
        int chunk = chunkFor(c, workers);
        out.add(new Candidate(Candidate.PROCESS_POOL, workers, chunk, null, String.format(Locale.ROOT,
            "tiny tasks: batch them, chunks of %d so that a chunk's dispatch (%.3f ms) is at most %.0f %% of its "
                + "work, or as large as %d workers allow", chunk, c.dispatchMs() == null ? 0 : c.dispatchMs(),
            DISPATCH_SHARE * 100, workers)));
      }
      skipped.add(new NotTried(new Candidate(Candidate.FORK, capacityWorkers, 0, null, "tiny tasks"),
          "a JVM per task costs far more than a task this small"));
      return new Proposal(List.copyOf(out), List.copyOf(skipped));
    }
    int ideal = c.idealWorkers();
    if (c.cpuBound()) {
      String why = String.format(Locale.ROOT, "CPU-bound (%.0f %% of a core): threads about capacity %.2f / CPU "
          + "share", c.cpuShare() * 100, c.capacity());
      out.add(new Candidate(Candidate.THREAD_POOL, ideal, 0, null, why));
      if (ideal * 2 <= c.tasks()) {
        out.add(new Candidate(Candidate.THREAD_POOL, ideal * 2, 0, null,
            "CPU-bound: twice as many threads, to see whether more help"));
      }
      int everyTask = Math.min(c.tasks(), 4096);
      if (c.cpuShare() < ALSO_WAITS && everyTask > ideal * 2) {
        // Work that also waits leaves tasks in waves at w and 2w threads; one per task overlaps every
        // wait. Measured on mixed (16 tasks, half waiting): 16 threads 10 % faster than 8 in a matrix.
        out.add(new Candidate(Candidate.THREAD_POOL, everyTask, 0, null, String.format(Locale.ROOT,
            "CPU-bound, but waiting %.0f %% of the time: a thread per task, every wait overlapping",
            (1 - c.cpuShare()) * 100)));
      }
      if (ideal > 1 && ideal / 2 != ideal && processors > 2) {
        out.add(new Candidate(Candidate.THREAD_POOL, Math.max(1, ideal / 2), 0, null,
            "CPU-bound: half as many threads, in case the capacity is less than it looks"));
      }
      boolean atProcessors = ideal == processors || ideal * 2 == processors
          || (processors > 2 && ideal / 2 == processors);
      if (c.busy() && !atProcessors && processors <= c.tasks()) {
        out.add(new Candidate(Candidate.THREAD_POOL, processors, 0, null, String.format(Locale.ROOT,
            "CPU-bound on a busy machine (capacity %.2f of %d): as many threads as processors, in case the "
                + "others free up", c.capacity(), processors)));
      }
      if (c.processesAllowed()) {
        int chunk = chunkFor(c, ideal);
        out.add(new Candidate(Candidate.PROCESS_POOL, ideal, chunk, null,
            "CPU-bound: processes, as the lesson advises under a GIL; chunks of " + chunk
                + " from the dispatch cost against the task time"));
        // As for threads: one low probe would otherwise keep the processes from the count where, once the
        // host frees the cores, they compete (log-regex at a capacity of 1.07: one worker JVM only).
        if (c.busy() && ideal != processors && processors <= c.tasks()) {
          int busyChunk = chunkFor(c, processors);
          out.add(new Candidate(Candidate.PROCESS_POOL, processors, busyChunk, null, String.format(Locale.ROOT,
              "CPU-bound on a busy machine (capacity %.2f of %d): as many processes as processors, in case the "
                  + "others free up; chunks of %d", c.capacity(), processors, busyChunk)));
        }
      }
      if (c.virtualAvailable()) {
        skipped.add(new NotTried(new Candidate(Candidate.VIRTUAL, c.tasks(), 0, null, "CPU-bound"),
            "virtual threads help work that waits; computing, they share the processors' carriers as a pool does"));
      }
    } else {
      String why = ideal == c.tasks() ? String.format(Locale.ROOT, "waiting work (%.0f %% of a core busy): "
          + "about as many threads as tasks", c.cpuShare() * 100) : String.format(Locale.ROOT, "waiting work "
          + "(%.0f %% of a core busy): about capacity / CPU share = %d threads", c.cpuShare() * 100, ideal);
      out.add(new Candidate(Candidate.THREAD_POOL, ideal, 0, null, why));
      if (ideal < c.tasks()) {
        out.add(new Candidate(Candidate.THREAD_POOL, Math.min(c.tasks(), Math.min(4096, ideal * 2)), 0, null,
            "waiting work: twice as many threads, to see whether more waits overlap"));
      }
      // Always, however far beyond the others: the lesson's rule for waiting work, and where its runs
      // come in waves (tasks over threads) the only count whose waits all overlap. Measured on the
      // example's service-call (20 tasks, 46 % busy): the rule's 4 and 8 threads ran 1.6x slower than 20.
      int everyTask = Math.min(c.tasks(), 4096);
      if (everyTask > ideal * 2) {
        out.add(new Candidate(Candidate.THREAD_POOL, everyTask, 0, null,
            "waiting work: a thread per task, every wait overlapping"));
      }
      if (ideal > capacityWorkers && capacityWorkers > 1) {
        out.add(new Candidate(Candidate.THREAD_POOL, capacityWorkers, 0, null,
            "waiting work: only as many threads as the capacity, the CPU-bound rule, for contrast"));
      }
      boolean capped = c.maxThreadPerTask() > 0 && c.tasks() > c.maxThreadPerTask();
      Candidate virtual = new Candidate(Candidate.VIRTUAL, c.tasks(), 0, null,
          "waiting work: a virtual thread per task, cheap to block");
      if (!c.virtualAvailable()) {
        skipped.add(new NotTried(virtual, "virtual threads need JDK 21+"));
      } else if (capped) {
        skipped.add(new NotTried(virtual, "more tasks than it takes"));
      } else {
        out.add(virtual);
      }
      if (c.processesAllowed() && c.cpuShare() >= PROCESS_SHARE) {
        out.add(new Candidate(Candidate.PROCESS_POOL, Math.min(ideal, Math.max(2, capacityWorkers * 2)),
            chunkFor(c, ideal), null, "part computing, part waiting: processes, each waiting on its own"));
      } else if (c.processesAllowed()) {
        skipped.add(new NotTried(new Candidate(Candidate.PROCESS_POOL, Math.min(ideal, processors), 0, null,
            "waiting work"), String.format(Locale.ROOT, "waiting work (%.0f %% of a core busy): a worker JVM "
                + "waits as a thread does, at a JVM's cost%s", c.cpuShare() * 100,
                c.dispatchMs() == null ? "; not calibrated" : "")));
      }
    }
    skipped.add(new NotTried(new Candidate(Candidate.FORK, ideal, 0, null, "a process per task"),
        "a JVM per task pays its start-up on every task, which a process pool pays once"));
    return new Proposal(List.copyOf(out), List.copyOf(skipped));
  }

  /**
   * Whether the rules could propose a process pool for work of this task time and CPU share, so that its
   * start and dispatch are worth calibrating: not for waiting work, unless its tasks may be tiny (then only
   * the dispatch tells). Advise skips that calibration otherwise: a pool's start is its dearest step.
   */
  public static boolean processesWorthCalibrating(double taskMs, double cpuShare) {
    return cpuShare >= PROCESS_SHARE || taskMs < WAITING_TINY_MS;
  }

  /** Waiting tasks shorter than this might be shorter than their dispatch (about 0.1 to 2 ms here). */
  static final double WAITING_TINY_MS = 5;

  /** Tasks shorter than their own trip to a worker process (or than 10 us when that is unknown). */
  static boolean tiny(Calibration c) {
    return c.dispatchMs() != null ? c.taskMs() < c.dispatchMs() : c.taskMs() < TINY_MS;
  }

  /**
   * The chunksize whose dispatch costs at most {@link #DISPATCH_SHARE} of its work, but no larger than
   * leaves every worker a chunk: beyond that, workers would idle.
   */
  static int chunkFor(Calibration c, int workers) {
    int most = Math.max(1, c.tasks() / Math.max(1, workers));
    if (c.dispatchMs() == null || c.taskMs() <= 0) {
      return Math.max(1, Math.min(most, c.tasks() / (4 * Math.max(1, workers))));
    }
    double wanted = Math.ceil(c.dispatchMs() / (DISPATCH_SHARE * c.taskMs()));
    return (int) Math.max(1, Math.min(most, wanted));
  }
}

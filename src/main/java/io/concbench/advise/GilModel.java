package io.concbench.advise;

import java.util.Locale;

/**
 * What the lesson's model advises for the same work under a GIL (CPython), from the calibration's figures:
 * threads overlap only their waits, since the GIL lets one thread compute at a time (what the {@code gil}
 * executor simulates), so threads speed work up by at most 1 / (CPU share); processes escape the GIL but
 * pay a dispatch per chunk. A model, never a measurement: said so in its text.
 */
public final class GilModel {

  private GilModel() {}

  public static String advice(Calibration c) {
    String tail = " (a model from the lesson and the gil simulation, not a measurement)";
    if (c.sharedCounter()) {
      return "under a GIL (CPython): counter += 1 still loses updates between threads; guard it with a Lock"
          + tail;
    }
    double threadBound = 1 / Math.max(c.cpuShare(), 1e-3);
    int workers = c.idealWorkers();
    if (c.cpuShare() < Calibration.ONLY_WAITS) {
      return String.format(Locale.ROOT, "under a GIL (CPython): threads, about as many as tasks (%d), since a "
          + "waiting thread releases the GIL: it costs work that only waits little%s", workers, tail);
    }
    if (!c.cpuBound()) {
      return String.format(Locale.ROOT, "under a GIL (CPython): threads (about %d), since a waiting thread "
          + "releases the GIL; threads then gain at most %s%s", workers, times(threadBound), tail);
    }
    int capacity = (int) Math.max(1, Math.round(c.capacity()));
    if (capacity == 1) {
      return String.format(Locale.ROOT, "under a GIL (CPython): one process: the machine gives about one core "
          + "now (capacity %.2f), so processes would only take turns; threads would gain at most %s%s",
          c.capacity(), times(threadBound), tail);
    }
    if (c.dispatchMs() == null) {
      return String.format(Locale.ROOT, "under a GIL (CPython): processes, %d of them; threads would gain at "
          + "most %s%s", capacity, times(threadBound), tail);
    }
    int chunk = (int) Math.max(1, Math.ceil(c.dispatchMs() / (CandidateRules.DISPATCH_SHARE * c.taskMs())));
    if ((long) chunk * capacity > c.tasks()) {
      return String.format(Locale.ROOT, "under a GIL (CPython): one process, no pool: a chunk would need %d "
          + "tasks to pay its dispatch, more than %d tasks give %d processes; threads would gain at most %s%s",
          chunk, c.tasks(), capacity, times(threadBound), tail);
    }
    return String.format(Locale.ROOT, "under a GIL (CPython): processes, %d of them, chunks of >= %d tasks, "
        + "for runs long enough to pay the pool's start once; threads would gain at most %s%s", capacity, chunk,
        times(threadBound), tail);
  }

  private static String times(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%.0fx", value) : String.format(Locale.ROOT, "%.2fx", value);
  }
}

package io.concbench.process.worker;

import java.io.FileInputStream;
import java.io.IOException;

/**
 * Notices, within {@value #INTERVAL_MILLIS} ms, that a worker's parent is gone, even while the worker is in
 * the middle of a task and nobody reads its stdin. The worker's only thread that reads stdin is the one that
 * runs tasks (a second thread blocked on the pipe would cost two thread wake-ups per chunk, the main cost of
 * sending tiny tasks), so the end of stdin is seen at once only between tasks. Mid-task, this daemon thread
 * looks every {@value #INTERVAL_MILLIS} ms at the worker's parent pid in /proc/self/stat: when the parent
 * dies, even with -9, the worker is handed to init or a subreaper and that number changes. Each look is one
 * small read; the thread sleeps in between, so it takes neither a core nor wake-ups that matter.
 *
 * <p>A named class with plain loops, no lambdas: it starts in every fresh worker JVM (see WorkerMain).
 */
final class ParentWatch implements Runnable {

  static final long INTERVAL_MILLIS = 50;

  /** Where the current parent pid comes from: /proc/self/stat in a worker, anything in a test. */
  interface ParentPid {
    /** The parent pid now, or -1 if it cannot be read. */
    long get();
  }

  private final ParentPid parentPid;
  private final long parent;
  private final Runnable parentGone;

  ParentWatch(ParentPid parentPid, Runnable parentGone) {
    this.parentPid = parentPid;
    this.parent = parentPid.get();
    this.parentGone = parentGone;
  }

  /**
   * Starts watching this JVM's parent in a daemon thread, if /proc says who it is; otherwise the worker
   * still halts when stdin ends, after its current task.
   *
   * @return the thread, to be interrupted when the session ends, or null if the parent cannot be watched
   */
  static Thread start(Runnable parentGone) {
    ParentWatch watch = new ParentWatch(new ProcSelfStat(), parentGone);
    if (watch.parent <= 0) {
      return null;
    }
    Thread thread = new Thread(watch, "concbench-worker-parent-watch");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    try {
      while (stillThere()) {
        Thread.sleep(INTERVAL_MILLIS);
      }
      parentGone.run();
    } catch (InterruptedException e) {
      // The session is over.
    }
  }

  /** Whether the parent seen at the start is still this process's parent. */
  boolean stillThere() {
    return parentPid.get() == parent;
  }

  /** Field 4 of /proc/self/stat, after the command name in parentheses (which may hold spaces and ')'). */
  static final class ProcSelfStat implements ParentPid {
    private final byte[] buffer = new byte[1024];

    @Override
    public long get() {
      int length;
      try (FileInputStream in = new FileInputStream("/proc/self/stat")) {
        length = in.readNBytes(buffer, 0, buffer.length);
      } catch (IOException e) {
        return -1;
      }
      return parse(buffer, length);
    }

    static long parse(byte[] stat, int length) {
      int close = -1;
      for (int i = 0; i < length; i++) {
        if (stat[i] == ')') {
          close = i;
        }
      }
      // ") S 1234 ...": skip the parenthesis, a space, the state and a space.
      int i = close + 4;
      if (close < 0 || i >= length) {
        return -1;
      }
      long pid = 0;
      for (; i < length && stat[i] >= '0' && stat[i] <= '9'; i++) {
        pid = pid * 10 + (stat[i] - '0');
      }
      return pid;
    }
  }
}

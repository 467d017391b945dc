package org.example.concbench;

import io.concbench.api.Api;
import io.concbench.api.CpuUse;
import io.concbench.api.IntegerParam;
import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU-bound: each task makes up an access log of {@code lines} lines and parses every line with a regular
 * expression, as a log analyser does, adding up the slow and failed requests. All computing, no waiting, so
 * {@link #boundByCores()} keeps its default, true: its speedup is read against the cores the machine gives.
 */
public final class LogRegexWorkload implements Workload {

  static final IntegerParam LINES =
      ParamSpec.integer("lines", "", 30_000, 1, 10_000_000, "log lines each task parses");

  /** Timestamp, host, level, method, path, status, duration: one named part of a line per group. */
  static final Pattern LINE = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z) (\\S+) \\[(INFO|WARN|ERROR)\\] "
          + "(GET|POST|PUT|DELETE) (/\\S*) (\\d{3}) (\\d+)ms$");

  /** Lines between checkpoints: a few tens of microseconds of parsing. */
  private static final int SLICE = 32;
  /** A round of the warm-up: 20 000 lines in calls of the task's own method, about 10 ms once compiled. */
  static final int WARM_UP_CALLS = 40;
  static final int WARM_UP_LINES = 500;

  @Override
  public String name() {
    return "log-regex";
  }

  @Override
  public String description() {
    return "parses a generated access log with a regular expression, lines per task (CPU-bound)";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(LINES);
  }

  @Override
  public int defaultTasks() {
    return 16;
  }

  /** javac inlines Api.VERSION here: the plug-in carries the API version it was compiled against. */
  @Override
  public int apiVersion() {
    return Api.VERSION;
  }

  /** Parsing is all CPU: concbench need not guess it from a baseline's CPU time. */
  @Override
  public CpuUse cpuUse() {
    return CpuUse.COMPUTES;
  }

  @Override
  public TaskKernel bind(ParamValues values) {
    int lines = Math.toIntExact(values.integer(LINES.name()));
    return new TaskKernel() {
      @Override
      public long run(int index, TaskContext context) {
        return parse(index, lines, context);
      }

      @Override
      public boolean verify(int index, long result) {
        return result == expected(index, lines);
      }

      /**
       * Parses logs in the shape of tasks until the JIT has compiled the regex engine's hot methods, before
       * any timed run: every executor then times the same compiled code, a worker JVM's first tasks too.
       * A fixed 20 000 lines were too few: fresh process-pool workers ran their first tasks 3 to 5 times
       * slower than concbench's threads while the compiler caught up.
       */
      @Override
      public void warmUp() {
        WarmUp.untilSteady(round -> {
          for (int call = 0; call < WARM_UP_CALLS; call++) {
            parse(-1 - call, WARM_UP_LINES, WarmUp.CONTEXTS[(round + call) % WarmUp.CONTEXTS.length]);
          }
        });
      }
    };
  }

  /**
   * The checksum of task {@code index}'s log, parsed: per line that is slow (over 500 ms), failed (5xx) or
   * logged at WARN or above, the checksum takes in its status and duration.
   */
  static long parse(int index, int lines, TaskContext context) {
    AccessLog log = new AccessLog(seed(index));
    StringBuilder line = new StringBuilder(96);
    Matcher matcher = LINE.matcher("");
    long checksum = 0;
    for (int i = 0; i < lines; i++) {
      log.next();
      log.format(line);
      if (!matcher.reset(line).matches()) {
        throw new IllegalStateException("line " + i + " does not parse: " + line);
      }
      int level = AccessLog.levelOf(matcher.group(3));
      int status = Integer.parseInt(matcher.group(6));
      int millis = Integer.parseInt(matcher.group(7));
      checksum = fold(checksum, level, status, millis);
      if (i % SLICE == SLICE - 1) {
        context.checkpoint();
      }
    }
    return checksum;
  }

  /** The same checksum from the generator's fields, without formatting or parsing a line. */
  static long expected(int index, int lines) {
    AccessLog log = new AccessLog(seed(index));
    long checksum = 0;
    for (int i = 0; i < lines; i++) {
      log.next();
      checksum = fold(checksum, log.level, log.status, log.millis);
    }
    return checksum;
  }

  private static long fold(long checksum, int level, int status, int millis) {
    boolean notable = millis > 500 || status >= 500 || level >= 1;
    return notable ? checksum * 31 + status * 1000L + millis : checksum;
  }

  private static long seed(int index) {
    return 0x5DEECE66DL * (index + 1);
  }
}

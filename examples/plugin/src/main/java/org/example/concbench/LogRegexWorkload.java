package org.example.concbench;

import io.concbench.api.Api;
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

      @Override
      public void warmUp() {
        // The regex engine's hot methods, compiled before any timed run: every executor times the same code.
        for (int round = 0; round < 40; round++) {
          parse(-1 - round, 500, null);
        }
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
      if (context != null && i % SLICE == SLICE - 1) {
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

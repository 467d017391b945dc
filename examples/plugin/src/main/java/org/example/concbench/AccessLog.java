package org.example.concbench;

import java.util.SplittableRandom;

/**
 * A web server's access log, made up line by line from a seed, so that a task can parse a log nobody had
 * to ship, and its answer can be checked without parsing: the same seed gives the same lines.
 *
 * <pre>2026-12-04T07:15:23.123Z web-3 [WARN] GET /api/items/4711 503 217ms</pre>
 */
final class AccessLog {

  private static final String[] LEVELS = {"INFO", "WARN", "ERROR"};
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
  private static final int[] STATUSES = {200, 200, 200, 201, 204, 304, 400, 404, 500, 503};

  private final SplittableRandom random;

  /** One line's fields. */
  int level;
  int status;
  int millis;
  private int method;
  private int item;
  private int host;
  private int second;

  AccessLog(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Draws the next line's fields. */
  void next() {
    int roll = random.nextInt(100);
    level = roll < 80 ? 0 : roll < 95 ? 1 : 2;
    method = random.nextInt(METHODS.length);
    item = random.nextInt(100_000);
    host = random.nextInt(8);
    second = random.nextInt(86_400);
    status = STATUSES[random.nextInt(STATUSES.length)];
    millis = 1 + random.nextInt(999);
  }

  /** The current line as the server would write it, into {@code line} (cleared first). */
  void format(StringBuilder line) {
    line.setLength(0);
    line.append("2026-12-04T");
    two(line, second / 3600).append(':');
    two(line, second / 60 % 60).append(':');
    two(line, second % 60).append('.').append(100 + second % 900).append("Z web-").append(host)
        .append(" [").append(LEVELS[level]).append("] ").append(METHODS[method]).append(" /api/items/")
        .append(item).append(' ').append(status).append(' ').append(millis).append("ms");
  }

  static int levelOf(String name) {
    for (int i = 0; i < LEVELS.length; i++) {
      if (LEVELS[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown level " + name);
  }

  private static StringBuilder two(StringBuilder line, int value) {
    return line.append(value < 10 ? "0" : "").append(value);
  }
}

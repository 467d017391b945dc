package io.concbench.report;

import java.util.Locale;

/** Human-readable numbers with units, the same in every locale. */
public final class Units {

  private Units() {}

  /** A duration given in milliseconds, with about three significant digits and a fitting unit. */
  public static String millis(double ms) {
    if (ms >= 10_000) {
      return format("%.1f s", ms / 1000);
    }
    if (ms >= 1000) {
      return format("%.2f s", ms / 1000);
    }
    if (ms >= 100) {
      return format("%.0f ms", ms);
    }
    if (ms >= 10) {
      return format("%.1f ms", ms);
    }
    if (ms >= 1) {
      return format("%.2f ms", ms);
    }
    return micros(ms * 1000);
  }

  /** A duration given in microseconds. */
  public static String micros(double us) {
    if (us >= 1000) {
      return millis(us / 1000);
    }
    if (us >= 100) {
      return format("%.0f us", us);
    }
    if (us >= 10) {
      return format("%.1f us", us);
    }
    return format("%.2f us", us);
  }

  /** A rate, with k/M suffixes above ten thousand. */
  public static String rate(double perSecond) {
    if (perSecond >= 10_000_000) {
      return format("%.1fM", perSecond / 1e6);
    }
    if (perSecond >= 10_000) {
      return format("%.1fk", perSecond / 1e3);
    }
    if (perSecond >= 100) {
      return format("%.0f", perSecond);
    }
    return format("%.2f", perSecond);
  }

  public static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}

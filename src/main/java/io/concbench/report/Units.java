package io.concbench.report;

import java.util.Locale;

/**
 * Human-readable numbers with units, the same in every locale. A unit is chosen by the value as it will be
 * printed, after rounding, so that 999.7 ms reads "1.00 s", not "1000 ms".
 */
public final class Units {

  private Units() {}

  /** A duration given in milliseconds, with about three significant digits and a fitting unit. */
  public static String millis(double ms) {
    if (ms >= 9_995) {
      return format("%.1f s", ms / 1000);
    }
    if (ms >= 999.5) {
      return format("%.2f s", ms / 1000);
    }
    if (ms >= 99.95) {
      return format("%.0f ms", ms);
    }
    if (ms >= 9.995) {
      return format("%.1f ms", ms);
    }
    if (ms >= 0.9995) {
      return format("%.2f ms", ms);
    }
    return belowAMillisecond(ms * 1000);
  }

  /** A duration given in microseconds. */
  public static String micros(double us) {
    if (us >= 999.5) {
      return millis(us / 1000);
    }
    return belowAMillisecond(us);
  }

  /** Never goes back to {@link #millis}: a value on a rounding boundary must not bounce between the two. */
  private static String belowAMillisecond(double us) {
    if (us >= 99.95) {
      return format("%.0f us", us);
    }
    if (us >= 9.995) {
      return format("%.1f us", us);
    }
    return format("%.2f us", us);
  }

  /** A rate, with k/M suffixes above ten thousand. */
  public static String rate(double perSecond) {
    if (perSecond >= 9_999_950) {
      return format("%.1fM", perSecond / 1e6);
    }
    if (perSecond >= 9_999.5) {
      return format("%.1fk", perSecond / 1e3);
    }
    if (perSecond >= 99.995) {
      return format("%.0f", perSecond);
    }
    return format("%.2f", perSecond);
  }

  public static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}

package io.concbench.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Converts durations as users write them, {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1.5s}, from 1 ms
 * to 24 h: the options that take a duration ({@code --task-timeout}).
 */
final class Durations implements ITypeConverter<Duration> {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
  static final long MAX_NANOS = TimeUnit.HOURS.toNanos(24);

  @Override
  public Duration convert(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw BadValue.because(text, "expected a duration such as 500ms, 30s or 2m");
    }
    double amount = Double.parseDouble(m.group(1));
    double nanos = switch (m.group(2)) {
      case "ms" -> amount * 1e6;
      case "s" -> amount * 1e9;
      default -> amount * 60e9;
    };
    if (nanos < 1e6 || nanos > MAX_NANOS) {
      throw BadValue.because(text, "must be from 1ms to 24h");
    }
    return Duration.ofNanos((long) nanos);
  }
}

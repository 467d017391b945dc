package org.example.concbench;

import io.concbench.api.Api;
import io.concbench.api.CpuUse;
import io.concbench.api.DurationParam;
import io.concbench.api.IntegerParam;
import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request handler's day: call a service (a wait that uses no CPU, through {@link TaskContext#sleep}, so a
 * simulated GIL is released around it as around real I/O), then parse its JSON reply with a regular
 * expression and total the order. Mostly waiting: with the defaults a task waits 20 ms and computes about 2.
 */
public final class ServiceCallWorkload implements Workload {

  static final DurationParam LATENCY = ParamSpec.duration("latency", Duration.ofMillis(20), Duration.ZERO,
      Duration.ofSeconds(10), "how long the service takes to answer");
  static final IntegerParam RECORDS =
      ParamSpec.integer("records", "", 2_000, 0, 1_000_000, "items in each reply, parsed after the wait");

  static final Pattern ITEM = Pattern.compile(
      "\\{\"id\":(\\d+),\"price_cents\":(\\d+),\"currency\":\"([A-Z]{3})\",\"quantity\":(\\d+)\\}");

  private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};

  @Override
  public String name() {
    return "service-call";
  }

  @Override
  public String description() {
    return "waits latency for a simulated service, then parses its JSON reply of records items (mostly waits)";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(LATENCY, RECORDS);
  }

  @Override
  public int defaultTasks() {
    return 20;
  }

  @Override
  public int apiVersion() {
    return Api.VERSION;
  }

  /**
   * False: its tasks wait far longer than they compute, so they overlap however many cores there are (20
   * calls on 10 threads finish in about two waits even on one core), and a speedup over the cores would be
   * meaningless; concbench then spends no time probing the capacity. A handler that computes about as long as
   * it waits would keep true, as the built-in {@code mixed} does, to be read against capacity and bound.
   */
  @Override
  public boolean boundByCores() {
    return false;
  }

  /** It waits for the "service", then parses its reply. */
  @Override
  public CpuUse cpuUse() {
    return CpuUse.COMPUTES_AND_WAITS;
  }

  @Override
  public TaskKernel bind(ParamValues values) {
    long latencyMillis = values.duration(LATENCY.name()).toMillis();
    int records = Math.toIntExact(values.integer(RECORDS.name()));
    return new TaskKernel() {
      @Override
      public long run(int index, TaskContext context) throws InterruptedException {
        context.sleep(latencyMillis);
        return total(reply(index, records), context);
      }

      @Override
      public boolean verify(int index, long result) {
        return result == expected(index, records);
      }

      /** The parsing, compiled before any timed run (the wait needs no warming). */
      @Override
      public void warmUp() {
        WarmUp.untilSteady(round -> {
          for (int call = 0; call < 20; call++) {
            total(reply(-1 - call, 200), WarmUp.CONTEXTS[(round + call) % WarmUp.CONTEXTS.length]);
          }
        });
      }
    };
  }

  /** The service's reply to call {@code index}: a JSON array of items, made up from a seed. */
  static String reply(int index, int records) {
    SplittableRandom random = new SplittableRandom(seed(index));
    StringBuilder json = new StringBuilder(records * 64 + 2).append('[');
    for (int i = 0; i < records; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":").append(random.nextInt(1_000_000))
          .append(",\"price_cents\":").append(random.nextInt(100_000))
          .append(",\"currency\":\"").append(CURRENCIES[random.nextInt(CURRENCIES.length)])
          .append("\",\"quantity\":").append(1 + random.nextInt(9)).append('}');
    }
    return json.append(']').toString();
  }

  /** The order's total in euro cents (fixed rates), from the reply parsed. */
  static long total(String reply, TaskContext context) {
    Matcher item = ITEM.matcher(reply);
    long cents = 0;
    int parsed = 0;
    while (item.find()) {
      cents += inEuroCents(Long.parseLong(item.group(2)), item.group(3)) * Integer.parseInt(item.group(4));
      if (++parsed % 64 == 0) {
        context.checkpoint();
      }
    }
    return cents;
  }

  /** The same total from the generator's numbers, without writing or parsing JSON. */
  static long expected(int index, int records) {
    SplittableRandom random = new SplittableRandom(seed(index));
    long cents = 0;
    for (int i = 0; i < records; i++) {
      random.nextInt(1_000_000);
      long price = random.nextInt(100_000);
      String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
      cents += inEuroCents(price, currency) * (1 + random.nextInt(9));
    }
    return cents;
  }

  private static long inEuroCents(long cents, String currency) {
    switch (currency) {
      case "USD":
        return cents * 92 / 100;
      case "GBP":
        return cents * 117 / 100;
      default:
        return cents;
    }
  }

  private static long seed(int index) {
    return 0x9E3779B97F4A7C15L ^ index;
  }
}

package io.concbench.report;

import static io.concbench.report.HtmlReport.cell;
import static io.concbench.report.HtmlReport.escape;

import io.concbench.result.CounterSummary;
import io.concbench.result.Environment;
import io.concbench.result.Failure;
import io.concbench.result.Result;
import io.concbench.system.BackgroundLoad;
import io.concbench.system.MachineFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The html page's sections after the workloads', about the run rather than its figures: the warnings, the
 * failures and lost updates, and the environment it was measured in.
 */
final class HtmlDetails {

  private HtmlDetails() {}

  static void warnings(StringBuilder html, List<Result> results) {
    Map<String, List<String>> resultsByWarning = new LinkedHashMap<>();
    for (Result r : results) {
      for (String warning : r.warnings() == null ? List.<String>of() : r.warnings()) {
        resultsByWarning.computeIfAbsent(warning, w -> new ArrayList<>()).add(WarningLines.label(r, results));
      }
    }
    if (resultsByWarning.isEmpty()) {
      return;
    }
    html.append("<section>\n<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
    resultsByWarning.forEach((warning, labels) -> html.append("<li>").append(escape(warning))
        .append(" <span class=\"which\">(").append(escape(String.join("; ", labels))).append(")</span></li>\n"));
    html.append("</ul>\n</section>\n");
  }

  static void failures(StringBuilder html, List<Result> results) {
    List<Result> failed = results.stream().filter(r -> r.outcome().badTasks() > 0
        || r.outcome().failures() != null && !r.outcome().failures().isEmpty()).toList();
    List<Result> lost = results.stream()
        .filter(r -> r.outcome().counter() != null && r.outcome().counter().lost() != 0).toList();
    if (failed.isEmpty() && lost.isEmpty()) {
      return;
    }
    html.append("<section>\n<h2>Failures and lost updates</h2>\n");
    for (Result r : failed) {
      Result.Outcome o = r.outcome();
      html.append("<h3>").append(escape(label(r))).append("</h3>\n<p>")
          .append(escape(o.failedTasks() + " task(s) failed, " + o.unverifiedTasks() + " returned a wrong result"
              + (o.timedOutTasks() > 0 ? ", " + o.timedOutTasks() + " ran over the time limit" : "")))
          .append(o.firstFailure() == null ? "" : ". First: <code>" + escape(o.firstFailure()) + "</code>")
          .append("</p>\n");
      if (o.failures() != null && !o.failures().isEmpty()) {
        html.append("<table class=\"failures\">\n<thead><tr>");
        List.of("task", "reason", "worker pid", "exit code", "stderr (tail)")
            .forEach(h -> cell(html, "th", h, false));
        html.append("</tr></thead>\n<tbody>\n");
        for (Failure f : o.failures()) {
          html.append("<tr>");
          cell(html, "td", Integer.toString(f.task()), true);
          cell(html, "td", f.reason() + (f.timedOut() ? " (timed out)" : ""), false);
          cell(html, "td", f.workerPid() < 0 ? "none" : Long.toString(f.workerPid()), true);
          cell(html, "td", f.exitCode() == null ? "" : f.exitCode().toString(), true);
          html.append("<td>").append(f.stderrTail() == null || f.stderrTail().isEmpty() ? ""
              : "<pre>" + escape(f.stderrTail()) + "</pre>").append("</td>");
          html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
      }
    }
    if (!lost.isEmpty()) {
      html.append("<ul>\n");
      for (Result r : lost) {
        CounterSummary counter = r.outcome().counter();
        html.append("<li>").append(escape(Units.format("%s: %d of %d counter updates lost, in %d of %d runs%s",
            label(r), counter.lost(), counter.expected(), counter.runsWithLoss(), r.timing().runs(),
            "none".equals(r.benchmarkCase().guard()) ? " (no guard: the race the lesson shows)"
                : " (a guard that should hold)")))
            .append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append("</section>\n");
  }

  static void environment(StringBuilder html, Environment env, List<Result> results) {
    if (env == null) {
      return;
    }
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("concbench", env.concbenchVersion());
    rows.put("Java", env.javaVersion() + " (" + env.javaVendor() + ")");
    rows.put("JVM", env.javaVm());
    rows.put("Java home", env.javaHome());
    rows.put("JVM arguments", env.jvmArgs() == null || env.jvmArgs().isEmpty() ? "none"
        : String.join(" ", env.jvmArgs()));
    rows.put("OS", env.osName() + " " + env.osVersion() + " (" + env.osArch() + ")");
    rows.put("CPU", env.cpuModel());
    rows.put("available processors", Integer.toString(env.availableProcessors()));
    rows.put("max heap", env.maxHeapMb() + " MB");
    rows.put("started (UTC)", env.timestampUtc());
    MachineFacts system = env.system();
    if (system != null) {
      rows.put("online CPUs", system.onlineCpus());
      rows.put("cpuset CPUs", system.cpusetCpus());
      rows.put("CPU quota", system.cpuQuotaCores() == null ? "none"
          : Units.format("%.2f cores", system.cpuQuotaCores()));
      rows.put("load average (1, 5, 15 min)", system.loadAverage() == null ? null : system.loadAverage().stream()
          .map(l -> Units.format("%.2f", l)).collect(Collectors.joining(" ")));
      rows.put("SMT", system.smtActive() == null ? null : system.smtActive() ? "on" : "off");
      rows.put("CPU governor", system.cpuGovernor());
      rows.put("turbo", system.turbo());
      if (system.unreadable() != null && !system.unreadable().isEmpty()) {
        rows.put("unreadable", String.join("; ", system.unreadable()));
      }
    }
    backgroundLoad(results).ifPresent(load -> rows.put("other processes during the runs", load));
    html.append("<section>\n<h2>Environment</h2>\n<table class=\"environment\">\n<tbody>\n");
    rows.forEach((name, value) -> {
      html.append("<tr>");
      cell(html, "th", name, false);
      cell(html, "td", value == null ? "unknown" : value, false);
      html.append("</tr>\n");
    });
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /**
   * The range of the results' background load and the processes named as busiest, each with the most it
   * took in any group; empty if no result measured it (an older report, or not Linux).
   */
  static java.util.Optional<String> backgroundLoad(List<Result> results) {
    List<BackgroundLoad> loads = results.stream().map(Result::backgroundLoad)
        .filter(l -> l != null && l.otherCores() != null).toList();
    if (loads.isEmpty()) {
      return java.util.Optional.empty();
    }
    double low = loads.stream().mapToDouble(BackgroundLoad::otherCores).min().orElseThrow();
    double high = loads.stream().mapToDouble(BackgroundLoad::otherCores).max().orElseThrow();
    Map<String, Double> busiest = new LinkedHashMap<>();
    for (BackgroundLoad load : loads) {
      for (BackgroundLoad.BusyProcess p : load.busiest()) {
        busiest.merge(p.name() + " (pid " + p.pid() + ")", p.cores(), Math::max);
      }
    }
    String range = low == high ? Units.format("%.2f cores", low) : Units.format("%.2f–%.2f cores", low, high);
    String named = busiest.entrySet().stream().map(e -> Units.format("%s %.2f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
    return java.util.Optional.of(range + (named.isEmpty() ? "" : "; busiest: " + named));
  }

  private static String label(Result r) {
    Result.Case c = r.benchmarkCase();
    return c.workload() + " on " + c.executor() + ", " + c.workers() + (c.workers() == 1 ? " worker" : " workers")
        + (c.guard() == null ? "" : ", guard " + c.guard());
  }

}

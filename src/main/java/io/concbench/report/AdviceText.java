package io.concbench.report;

import io.concbench.result.Advice;
import io.concbench.result.Advice.AdviceCandidate;
import io.concbench.result.MedianInterval;
import java.util.ArrayList;
import java.util.List;

/**
 * The advice of {@code concbench advise} as people read it: the sentence, the runner-up, every candidate
 * with its status and why, the crossovers, the calibration and the modelled line for CPython. The table,
 * Markdown and the HTML page all show these lines ({@link #lines}, {@link #candidateRows}).
 */
final class AdviceText {

  private AdviceText() {}

  /** The section under the table: one heading line, then indented lines. */
  static String render(Advice advice) {
    StringBuilder text = new StringBuilder("\nadvice: ").append(advice.recommendation()).append('\n');
    for (String line : lines(advice)) {
      text.append("  ").append(line).append('\n');
    }
    List<String[]> rows = candidateRows(advice);
    if (rows.size() > 1) {
      text.append("  tried:\n");
      for (String line : TextTable.render(rows, 0, 1, 5).split("\n")) {
        text.append("    ").append(line).append('\n');
      }
    }
    return text.toString();
  }

  /** The lines after the sentence, except the candidates. */
  static List<String> lines(Advice advice) {
    List<String> lines = new ArrayList<>();
    if (advice.runnerUp() != null) {
      lines.add("runner-up: " + label(advice.runnerUp()) + ": " + advice.runnerUpLost());
    }
    Advice.Crossovers x = advice.crossovers();
    Advice.Calibration c = advice.calibration();
    if (x != null) {
      if (x.processPoolMinTaskMs() != null && c != null) {
        lines.add(Units.format("crossover: a process pool pays for itself here only for tasks above %s at "
            + "chunksize 1 (a chunk of c tasks divides it by about c); these tasks take %s",
            Units.millis(x.processPoolMinTaskMs()), Units.millis(c.taskMs())));
      }
      if (x.processPoolMinRunMs() != null && c != null && c.poolStartMs() != null) {
        lines.add(Units.format("crossover: a process pool's start (%s, paid once) is repaid only by runs above %s "
            + "of one thread's work, whatever the chunks", Units.millis(c.poolStartMs()),
            Units.millis(x.processPoolMinRunMs())));
      }
      if (x.workersBeyondNoHelp() != null) {
        lines.add(Units.format("crossover: %s beyond %d worker%s: more add less than 5 %% (USL fit: sigma %.3f, "
            + "kappa %.4f)", x.uslExecutor(), x.workersBeyondNoHelp(), x.workersBeyondNoHelp() == 1 ? "" : "s",
            x.uslSigma(), x.uslKappa()));
      } else if (x.uslSigma() != null) {
        lines.add(Units.format("crossover: the USL fit of %s (sigma %.3f, kappa %.4f) does not level off",
            x.uslExecutor(), x.uslSigma(), x.uslKappa()));
      }
    }
    if (c != null) {
      StringBuilder cal = new StringBuilder(Units.format("calibration: a task takes %s on one thread, keeping "
          + "%.0f %% of a core busy", Units.millis(c.taskMs()), c.cpuShare() * 100));
      if (c.capacity() != null) {
        cal.append(Units.format("; capacity %.2f of %d", c.capacity(), c.processors()));
      }
      if (c.poolStartMs() != null) {
        cal.append("; a process pool starts in ").append(Units.millis(c.poolStartMs()));
      }
      if (c.dispatchMs() != null) {
        cal.append(", a task's trip to a worker and back ").append(Units.millis(c.dispatchMs()));
      }
      if (c.referenceEstimated()) {
        cal.append("; one thread would take too long: speedups are against its estimate");
      }
      lines.add(cal.toString());
    }
    if (advice.gilModel() != null) {
      lines.add(advice.gilModel());
    }
    lines.add(Units.format("took %s of --max-time %s%s", Units.millis(advice.elapsedMs()),
        Units.millis(advice.maxTimeMs()), advice.complete() ? "" : " (interrupted)"));
    return lines;
  }

  /** The candidates as table rows, a header first. */
  static List<String[]> candidateRows(Advice advice) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"candidate", "status", "rounds", "speedup", "95% CI", "why"});
    for (AdviceCandidate c : advice.candidates()) {
      MedianInterval ci = c.speedupCi();
      rows.add(new String[] {label(c), c.status(), c.rounds() == 0 ? "" : String.valueOf(c.rounds()),
          c.speedup() == null ? "" : Units.format("%.2fx", c.speedup()),
          ci == null ? "" : Units.format("%.2f-%.2f", ci.low(), ci.high()),
          c.why() == null ? c.hypothesis() : c.why()});
    }
    return rows;
  }

  /** "thread-pool, 4 workers", "process-pool, 2 workers, chunksize 64", "single". */
  static String label(AdviceCandidate c) {
    StringBuilder text = new StringBuilder(c.executor());
    if (c.executor().equals("virtual") || c.executor().equals("thread-per-task")) {
      text.append(", ").append(c.workers()).append(" threads");
    } else if (!c.executor().equals("single")) {
      text.append(", ").append(c.workers()).append(c.workers() == 1 ? " worker" : " workers");
    }
    if (c.chunksize() != null) {
      text.append(", chunksize ").append(c.chunksize());
    }
    if (c.guard() != null) {
      text.append(", guard ").append(c.guard());
    }
    return text.toString();
  }
}

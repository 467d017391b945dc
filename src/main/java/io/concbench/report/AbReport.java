package io.concbench.report;

import io.concbench.result.AbSection;
import io.concbench.result.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code concbench ab}'s verdict and rounds as a table, Markdown or JUnit XML (the JSON is the report). */
public final class AbReport {

  /** The confidence of the ratio's interval. */
  public static final double CONFIDENCE = 0.99;
  /**
   * The confidence at which a change may stop {@code --rounds auto} before its time is up (docs/ab.md, "When
   * the rounds stop"): a Haybittle-Peto bound, strict at the interim looks so that looking after every round
   * does not multiply the false alarms, while the last look is judged at {@link #CONFIDENCE}.
   */
  public static final double INTERIM_CONFIDENCE = 0.999;
  /** What each side's figure per round is. */
  public static final String METRIC = "wall_ms median";

  /** The formats an ab report has, as {@code ab --format} and {@code report --format} name them. */
  public static final List<String> FORMATS = List.of("table", "markdown", "json", "junit", "html");

  private AbReport() {}

  /**
   * An ab report in one of {@link #FORMATS}, or empty for a format that has no ab form (csv, jmh and the
   * other per-result formats: an ab report has no results).
   */
  public static Optional<String> render(String format, Report report) {
    AbSection ab = report.ab();
    return switch (format) {
      case "table" -> Optional.of(table(ab));
      case "markdown" -> Optional.of(markdown(ab));
      case "json" -> Optional.of(JsonReport.render(report));
      case "junit" -> Optional.of(junit(ab));
      case "html" -> Optional.of(AbHtml.render(report));
      default -> Optional.empty();
    };
  }

  /** One line: "regressed: B/A 1.052x (99% CI 1.031x-1.070x, p=0.0039), 12 rounds, stopped: certain". */
  public static String summary(AbSection ab) {
    String line = verdictLabel(ab);
    line += figures(ab.ratio(), ab.ratioCiLow(), ab.ratioCiHigh(), ab.pValue(), ab.rounds().size(), ab.stopReason());
    return ab.confirmation() == null ? line : line + "; confirming: " + summary(ab.confirmation());
  }

  /** The confirming rounds' own verdict and figures, as {@link #summary(AbSection)} gives the first rounds'. */
  public static String summary(AbSection.Confirmation confirmation) {
    return confirmation.verdict() + figures(confirmation.ratio(), confirmation.ratioCiLow(),
        confirmation.ratioCiHigh(), confirmation.pValue(), confirmation.rounds().size(), confirmation.stopReason());
  }

  private static String figures(Double ratio, Double low, Double high, Double p, int rounds, String stopReason) {
    StringBuilder line = new StringBuilder();
    if (ratio != null) {
      line.append(String.format(Locale.ROOT, ": B/A %.4fx", ratio));
      line.append(low == null ? " (no 99% interval before 8 rounds"
          : String.format(Locale.ROOT, " (99%% CI %.4fx-%.4fx", low, high));
      line.append(String.format(Locale.ROOT, ", p=%.4f)", p));
    }
    line.append(", ").append(rounds).append(" round(s)");
    if (stopReason != null) {
      line.append(", stopped: ").append(stopReason);
    }
    return line.toString();
  }

  public static String table(AbSection ab) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"round", "order", "A wall ms", "B wall ms", "B/A"});
    for (AbSection.Round round : ab.rounds()) {
      rows.add(row("", round));
    }
    if (ab.confirmation() != null) {
      for (AbSection.Round round : ab.confirmation().rounds()) {
        rows.add(row("c", round));
      }
    }
    return header(ab) + "\n" + TextTable.render(rows, 1) + "\n" + "verdict: " + summary(ab) + "\n";
  }

  /** A round's row; a confirming round's number is marked "c1", "c2", … */
  private static String[] row(String mark, AbSection.Round round) {
    return new String[] {mark + round.round(), round.order(), fixed(round.aWallMs(), 1), fixed(round.bWallMs(), 1),
        fixed(round.ratio(), 4)};
  }

  public static String markdown(AbSection ab) {
    StringBuilder text = new StringBuilder("### concbench ab: ").append(verdictLabel(ab)).append("\n\n");
    text.append(header(ab).replace("\n", "  \n")).append("\n\n");
    text.append("| round | order | A wall ms | B wall ms | B/A |\n|---:|---|---:|---:|---:|\n");
    List<String[]> rows = new ArrayList<>();
    ab.rounds().forEach(round -> rows.add(row("", round)));
    if (ab.confirmation() != null) {
      ab.confirmation().rounds().forEach(round -> rows.add(row("c", round)));
    }
    for (String[] row : rows) {
      text.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return text.append("\n**").append(summary(ab)).append("**\n").toString();
  }

  public static String junit(AbSection ab) {
    boolean regressed = "regressed".equals(ab.verdict());
    JunitXml.TestCase test = new JunitXml.TestCase("concbench ab", "B against A (" + String.join(" ", ab.b())
        + " against " + String.join(" ", ab.a()) + ")", ab.elapsedMs() / 1000, regressed ? summary(ab) : null,
        header(ab) + "\n" + summary(ab));
    return JunitXml.render("concbench ab", List.of(test));
  }

  /** The verdict as people read it: "regressed, not reproduced" for a regression --confirm did not find again. */
  public static String verdictLabel(AbSection ab) {
    return AbSection.NOT_REPRODUCED.equals(ab.verdict()) ? "regressed, not reproduced" : ab.verdict();
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String header(AbSection ab) {
    return String.format(Locale.ROOT,
        "A: %s%s\nB: %s%s\nprocedure: %s, seed %d, threshold %s%%, %s, min %d rounds%s",
        String.join(" ", ab.a()), ab.javaA() == null ? "" : " (java " + ab.javaA() + ")", String.join(" ", ab.b()),
        ab.javaB() == null ? "" : " (java " + ab.javaB() + ")", ab.procedure(), ab.seed(),
        fixed(ab.threshold() * 100, 1), ab.roundsAsked() == null ? String.format(Locale.ROOT,
            "rounds auto (at most %.0f s)", ab.maxTimeMs() / 1000) : ab.roundsAsked() + " rounds", ab.minRounds(),
        ab.confirmation() == null ? "" : ", a regression confirmed by " + ab.confirmation().roundsAsked()
            + " more rounds");
  }
}

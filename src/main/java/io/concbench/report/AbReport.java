package io.concbench.report;

import io.concbench.result.AbSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code concbench ab}'s verdict and rounds as a table, Markdown or JUnit XML (the JSON is the report). */
public final class AbReport {

  /** The confidence of the ratio's interval. */
  public static final double CONFIDENCE = 0.99;
  /** What each side's figure per round is. */
  public static final String METRIC = "wall_ms median";

  private AbReport() {}

  /** One line: "regressed: B/A 1.052x (99% CI 1.031x-1.070x, p=0.0039), 12 rounds, stopped: certain". */
  public static String summary(AbSection ab) {
    StringBuilder line = new StringBuilder(ab.verdict());
    if (ab.ratio() != null) {
      line.append(String.format(Locale.ROOT, ": B/A %.4fx", ab.ratio()));
      line.append(ab.ratioCiLow() == null ? " (no 99% interval before 8 rounds"
          : String.format(Locale.ROOT, " (99%% CI %.4fx-%.4fx", ab.ratioCiLow(), ab.ratioCiHigh()));
      line.append(String.format(Locale.ROOT, ", p=%.4f)", ab.pValue()));
    }
    line.append(", ").append(ab.rounds().size()).append(" round(s)");
    if (ab.stopReason() != null) {
      line.append(", stopped: ").append(ab.stopReason());
    }
    return line.toString();
  }

  public static String table(AbSection ab) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"round", "order", "A wall ms", "B wall ms", "B/A"});
    for (AbSection.Round round : ab.rounds()) {
      rows.add(new String[] {Integer.toString(round.round()), round.order(), fixed(round.aWallMs(), 1),
          fixed(round.bWallMs(), 1), fixed(round.ratio(), 4)});
    }
    return header(ab) + "\n" + TextTable.render(rows, 1) + "\n" + "verdict: " + summary(ab) + "\n";
  }

  public static String markdown(AbSection ab) {
    StringBuilder text = new StringBuilder("### concbench ab: ").append(ab.verdict()).append("\n\n");
    text.append(header(ab).replace("\n", "  \n")).append("\n\n");
    text.append("| round | order | A wall ms | B wall ms | B/A |\n|---:|---|---:|---:|---:|\n");
    for (AbSection.Round round : ab.rounds()) {
      text.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.4f |%n", round.round(), round.order(),
          round.aWallMs(), round.bWallMs(), round.ratio()));
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

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String header(AbSection ab) {
    return String.format(Locale.ROOT, "A: %s%s\nB: %s%s\nprocedure: %s, seed %d, threshold %s%%, %s, min %d rounds",
        String.join(" ", ab.a()), ab.javaA() == null ? "" : " (java " + ab.javaA() + ")", String.join(" ", ab.b()),
        ab.javaB() == null ? "" : " (java " + ab.javaB() + ")", ab.procedure(), ab.seed(),
        fixed(ab.threshold() * 100, 1), ab.roundsAsked() == null ? String.format(Locale.ROOT,
            "rounds auto (at most %.0f s)", ab.maxTimeMs() / 1000) : ab.roundsAsked() + " rounds", ab.minRounds());
  }
}

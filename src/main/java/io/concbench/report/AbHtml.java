package io.concbench.report;

import static io.concbench.report.HtmlReport.cell;
import static io.concbench.report.HtmlReport.escape;

import io.concbench.result.AbSection;
import io.concbench.result.Environment;
import io.concbench.result.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code concbench ab}'s report as one self-contained page: the verdict, how it was reached, a chart of every
 * round's B/A against the threshold and the interval, the rounds, the environment. The chart is drawn here,
 * by hand, in a few SVG elements: it needs none of the chart library (and AWT) that a run's page loads.
 */
final class AbHtml {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;

  private final StringBuilder html = new StringBuilder();

  private AbHtml() {}

  static String render(Report report) {
    AbHtml page = new AbHtml();
    page.page(report, report.ab());
    return page.html.toString();
  }

  private void page(Report report, AbSection ab) {
    String verdict = AbReport.verdictLabel(ab);
    html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(escape("concbench ab: " + verdict)).append("</title>\n")
        .append("<style>\n").append(HtmlReport.STYLE).append(STYLE).append("</style>\n</head>\n<body>\n");
    html.append("<header>\n<h1>concbench ab: <span class=\"verdict ").append(verdictClass(ab)).append("\">")
        .append(escape(verdict)).append("</span></h1>\n");
    Environment env = report.environment();
    if (env != null) {
      html.append("<p class=\"meta\">").append(escape(Units.format("%s UTC · %s · %d processors · Java %s",
          env.timestampUtc(), env.cpuModel(), env.availableProcessors(), env.javaVersion()))).append("</p>\n");
    }
    if (!report.complete()) {
      html.append("<p class=\"banner\"><strong>Incomplete:</strong> ab was interrupted or a side failed; these ")
          .append("are the rounds finished before that.</p>\n");
    }
    if (report.commandLine() != null && !report.commandLine().isEmpty()) {
      html.append("<pre class=\"command\">$ ").append(escape(HtmlReport.commandLine(report.commandLine())))
          .append("</pre>\n");
    }
    html.append("</header>\n");
    html.append("<p class=\"summary\"><strong>").append(escape(AbReport.summary(ab))).append("</strong></p>\n");
    procedure(ab);
    html.append("<section>\n<h2>Every round</h2>\n");
    chart(ab);
    rounds(ab);
    html.append("</section>\n");
    if (env != null) {
      HtmlDetails.environment(html, env, List.of());
    }
    html.append("<footer>concbench ab").append(env == null ? "" : " " + escape(env.concbenchVersion()))
        .append(" · docs/ab.md explains the verdict</footer>\n</body>\n</html>\n");
  }

  private static String verdictClass(AbSection ab) {
    return switch (ab.verdict()) {
      case "regressed" -> "bad";
      case "improved" -> "good";
      default -> "neutral";
    };
  }

  private void procedure(AbSection ab) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"A", String.join(" ", ab.a()) + (ab.javaA() == null ? "" : " (java " + ab.javaA() + ")")});
    rows.add(new String[] {"B", String.join(" ", ab.b()) + (ab.javaB() == null ? "" : " (java " + ab.javaB() + ")")});
    rows.add(new String[] {"procedure", ab.procedure() + ", seed " + ab.seed()});
    rows.add(new String[] {"figure per side and round", ab.metric()});
    rows.add(new String[] {"verdict rule", String.format(Locale.ROOT,
        "%.0f%% interval of B/A (Hodges-Lehmann, Wilcoxon signed-rank), threshold %.1f%%, at least %d rounds",
        ab.confidence() * 100, ab.threshold() * 100, ab.minRounds())});
    rows.add(new String[] {"rounds", (ab.roundsAsked() == null
        ? String.format(Locale.ROOT, "auto, at most %.0f s", ab.maxTimeMs() / 1000) : ab.roundsAsked() + " asked")
        + "; " + ab.rounds().size() + " run in " + Units.format("%.1f s", ab.elapsedMs() / 1000)
        + (ab.stopReason() == null ? "" : ", stopped: " + ab.stopReason())});
    if (ab.confirmation() != null) {
      rows.add(new String[] {"confirmation", AbReport.summary(ab.confirmation())});
    }
    html.append("<table class=\"environment\"><tbody>\n");
    for (String[] row : rows) {
      html.append("<tr>");
      cell(html, "th", row[0], false);
      cell(html, "td", row[1], false);
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  private void rounds(AbSection ab) {
    html.append("<div class=\"wide\"><table class=\"results\"><thead><tr>");
    for (String header : List.of("round", "order", "A wall ms", "B wall ms", "B/A")) {
      cell(html, "th", header, !header.equals("order"));
    }
    html.append("</tr></thead>\n<tbody>\n");
    ab.rounds().forEach(round -> row("", round));
    if (ab.confirmation() != null) {
      ab.confirmation().rounds().forEach(round -> row("c", round));
    }
    html.append("</tbody></table></div>\n");
  }

  private void row(String mark, AbSection.Round round) {
    html.append("<tr>");
    cell(html, "td", mark + round.round(), true);
    cell(html, "td", round.order(), false);
    cell(html, "td", Units.format("%.1f", round.aWallMs()), true);
    cell(html, "td", Units.format("%.1f", round.bWallMs()), true);
    cell(html, "td", Units.format("%.4f", round.ratio()), true);
    html.append("</tr>\n");
  }

  /**
   * Each round's B/A as a dot (confirming rounds hollow), on a log scale; the line at 1, dashed lines at the
   * threshold either way, and the interval of the first rounds as a band.
   */
  private void chart(AbSection ab) {
    List<AbSection.Round> all = new ArrayList<>(ab.rounds());
    if (ab.confirmation() != null) {
      all.addAll(ab.confirmation().rounds());
    }
    if (all.isEmpty()) {
      html.append("<p>No round finished.</p>\n");
      return;
    }
    double up = 1 + ab.threshold();
    double low = Math.min(1 / up, all.stream().mapToDouble(AbSection.Round::ratio).min().orElse(1));
    double high = Math.max(up, all.stream().mapToDouble(AbSection.Round::ratio).max().orElse(1));
    double min = Math.log(low) - 0.1 * (Math.log(high) - Math.log(low));
    double max = Math.log(high) + 0.1 * (Math.log(high) - Math.log(low));
    int n = all.size();
    html.append("<figure class=\"chart\" data-kind=\"ab-rounds\">\n")
        .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
            + "role=\"img\" aria-label=\"B/A per round\">\n", WIDTH, HEIGHT));
    if (ab.ratioCiLow() != null) {
      double top = y(Math.log(ab.ratioCiHigh()), min, max);
      double bottom = y(Math.log(ab.ratioCiLow()), min, max);
      html.append(String.format(Locale.ROOT, "<rect class=\"ci\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>\n",
          LEFT, top, WIDTH - LEFT - RIGHT, Math.max(1, bottom - top)));
    }
    line(Math.log(1), min, max, "one", "1");
    line(Math.log(up), min, max, "threshold", Units.format("%.2f", up));
    line(Math.log(1 / up), min, max, "threshold", Units.format("%.2f", 1 / up));
    for (int i = 0; i < n; i++) {
      AbSection.Round round = all.get(i);
      boolean confirming = i >= ab.rounds().size();
      html.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\">"
              + "<title>%s%d: B/A %.4f</title></circle>\n", confirming ? "confirming" : "round", x(i, n),
          y(Math.log(round.ratio()), min, max), confirming ? "confirming round " : "round ", round.round(),
          round.ratio()));
    }
    html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\">round 1</text>\n", LEFT,
        HEIGHT - 12));
    html.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">round %d%s</text>\n", WIDTH - RIGHT,
        HEIGHT - 12, n - (ab.confirmation() == null ? 0 : ab.confirmation().rounds().size()),
        ab.confirmation() == null ? "" : " + " + ab.confirmation().rounds().size() + " confirming"));
    html.append("</svg>\n<figcaption>B/A of each round (log scale; hollow: confirming rounds); solid line: no "
        + "change; dashed: the threshold either way; band: the first rounds' "
        + Units.format("%.0f", ab.confidence() * 100) + "% interval.</figcaption>\n</figure>\n");
  }

  private void line(double log, double min, double max, String kind, String label) {
    double y = y(log, min, max);
    html.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>\n"
        + "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>\n", kind, LEFT, y,
        WIDTH - RIGHT, y, LEFT - 6, y + 4, escape(label)));
  }

  private static double x(int i, int n) {
    return n == 1 ? (LEFT + WIDTH - RIGHT) / 2.0 : LEFT + 8 + i * (WIDTH - LEFT - RIGHT - 16) / (double) (n - 1);
  }

  private static double y(double log, double min, double max) {
    return TOP + (max - log) / (max - min) * (HEIGHT - TOP - BOTTOM);
  }

  /** Colours from the Okabe–Ito palette, as the run page's charts. */
  private static final String STYLE = """
      .summary { font-size: 1.05em; }
      .verdict.bad { color: #b3471a; }
      .verdict.good { color: #00734d; }
      svg .ci { fill: #0072b2; fill-opacity: 0.12; }
      svg .one { stroke: #555; stroke-width: 1; }
      svg .threshold { stroke: #e69f00; stroke-width: 1; stroke-dasharray: 5 4; }
      svg .round { fill: #0072b2; }
      svg .confirming { fill: #fff; stroke: #d55e00; stroke-width: 1.5; }
      svg .axis { font-size: 12px; fill: #555; }
      """;
}

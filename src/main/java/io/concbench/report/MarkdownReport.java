package io.concbench.report;

import io.concbench.result.Report;
import io.concbench.result.Result;
import java.util.List;

/** The table as Markdown, with the environment and the warnings under it. */
final class MarkdownReport {

  private MarkdownReport() {}

  static String render(Report report) {
    List<Result> results = report.results();
    StringBuilder text = new StringBuilder();
    if (report.environment() != null) {
      text.append(Units.format("concbench %s, Java %s, %s, %d processors%s%n%n",
          report.environment().concbenchVersion(), report.environment().javaVersion(),
          report.environment().cpuModel(), report.environment().availableProcessors(),
          report.complete() ? "" : " (incomplete: interrupted)"));
    }
    if (results.isEmpty()) {
      return text.append("no results\n").toString();
    }
    List<TableReport.Column> columns = TableReport.columns(results, TableReport.sources(report));
    text.append('|');
    columns.forEach(c -> text.append(' ').append(escape(c.header())).append(" |"));
    text.append("\n|");
    columns.forEach(c -> text.append(c.rightAligned() ? " ---: |" : " --- |"));
    text.append('\n');
    for (Result r : results) {
      text.append('|');
      columns.forEach(c -> text.append(' ').append(escape(c.cell().apply(r))).append(" |"));
      text.append('\n');
    }
    String knees = RateCurves.table(results);
    if (!knees.isEmpty()) {
      text.append(knees.replaceFirst("^\n", "\n> ").replace("\n  ", "\n> - ").replaceFirst("\n$", "")).append('\n');
    }
    if (report.advice() != null) {
      text.append("\n**advice:** ").append(escape(report.advice().recommendation())).append("\n\n");
      AdviceText.lines(report.advice()).forEach(line -> text.append("- ").append(escape(line)).append('\n'));
      List<String[]> rows = AdviceText.candidateRows(report.advice());
      text.append('\n');
      for (int i = 0; i < rows.size(); i++) {
        text.append('|');
        for (String cell : rows.get(i)) {
          text.append(' ').append(escape(cell)).append(" |");
        }
        text.append('\n');
        if (i == 0) {
          text.append("|").append(" --- |".repeat(rows.get(0).length)).append('\n');
        }
      }
    }
    // Every warning, each naming its full cases: a page is read at leisure, unlike stderr.
    for (String warning : WarningLines.all(results)) {
      text.append("\n> warning: ").append(escape(warning));
    }
    return text.append('\n').toString();
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}

package io.concbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concbench.report.JsonReport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports written by concbench before its results were regrouped (src/test/resources/.../reports, made by
 * commit 7b67457 with the commands in their own {@code command_line}) read back and are written again field
 * for field: a script that parsed yesterday's JSON parses today's. Every report kind is there: in-process and
 * process executors, a bound, guards, failures and time-outs, a matrix with scaling fits and an interrupted
 * run. run-plugin.json, with {@code environment.plugins}, was made later (the plug-ins branch, with the
 * example plug-in); the reports without plug-ins show that the field is left out where there are none.
 */
class ReportRoundTripTest {

  private static final ObjectMapper TREES = new ObjectMapper();

  static Stream<Path> reports() throws IOException, URISyntaxException {
    Path folder = Path.of(ReportRoundTripTest.class.getResource("reports").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      return sorted.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("reports")
  void aSavedReportReadsBackAndWritesTheSameJson(Path file) throws Exception {
    JsonNode original = TREES.readTree(Files.readString(file));

    Report report = ReportReader.read(file);
    JsonNode rewritten = TREES.readTree(JsonReport.render(report));

    assertThat(rewritten).isEqualTo(original);
  }
}

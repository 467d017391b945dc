package io.concbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reader lets through and how it names what it refuses; the refused files themselves, through the
 * commands, are in cli.BadReportFilesTest.
 */
class ReportReaderTest {

  private static final ObjectMapper TREES = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aSummaryRoundedALittleByAnotherWriterStillReads() throws Exception {
    ObjectNode report = saved();
    ObjectNode wall = (ObjectNode) report.get("results").get(0).get("wall_ms");
    // A writer that rounds its minimum in the last digits (scripts/python-baseline might) is not refused.
    wall.put("min", wall.get("min").asDouble() * (1 + 1e-12));

    assertThat(ReportReader.read(write(report)).results()).hasSize(2);
  }

  @Test
  void cpuTimeOfZeroIsPossibleButAWallTimeOfZeroIsNot() throws Exception {
    ObjectNode report = saved();
    ObjectNode sys = (ObjectNode) report.get("results").get(0).get("sys_ms");
    assertThat(sys.get("samples").get(0).asDouble()).isZero(); // 10 ms ticks: a short run can read none
    assertThat(ReportReader.read(write(report)).results()).hasSize(2);

    ArrayNode wall = (ArrayNode) report.get("results").get(0).get("wall_ms").get("samples");
    wall.set(0, 0.0);
    Path file = write(report);
    assertThatThrownBy(() -> ReportReader.read(file))
        .hasMessage(file + ": not a possible concbench/1 report: result 1 (cpu on single), wall_ms.samples[0]: "
            + "0.0 must have an exclusive minimum value of 0");
  }

  @Test
  void anExtraFieldOfALaterVersionIsNoProblem() throws Exception {
    ObjectNode report = saved();
    ((ObjectNode) report.get("results").get(1)).put("added_later", -1);

    assertThat(ReportReader.read(write(report)).results()).hasSize(2);
  }

  @Test
  void aPlaceIsNamedByItsResultAndField() throws Exception {
    JsonNode report = saved();

    assertThat(ReportLocation.describe(report, List.of())).isEqualTo("the report");
    assertThat(ReportLocation.describe(report, List.of("results", 1, "wall_ms", "samples", 2)))
        .isEqualTo("result 2 (cpu on thread-pool), wall_ms.samples[2]");
    assertThat(ReportLocation.describe(report, List.of("results", 0))).isEqualTo("result 1 (cpu on single)");
    assertThat(ReportLocation.describe(report, List.of("environment", "available_processors")))
        .isEqualTo("environment.available_processors");
  }

  /** The first two results of a saved report (cpu on single and on thread-pool, 3 runs each). */
  private static ObjectNode saved() throws Exception {
    ObjectNode report = (ObjectNode) TREES.readTree(ReportReaderTest.class.getResource("reports/run-inprocess.json"));
    ArrayNode results = (ArrayNode) report.get("results");
    while (results.size() > 2) {
      results.remove(2);
    }
    return report;
  }

  private Path write(JsonNode report) throws Exception {
    Path file = Files.createTempFile(dir, "report", ".json");
    Files.writeString(file, TREES.writeValueAsString(report));
    return file;
  }
}

package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.concbench.result.CounterSummary;
import io.concbench.result.Report;
import io.concbench.result.ReportFixtures;
import io.concbench.result.SchemaValidation;
import io.concbench.system.BackgroundLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  @Test
  void aReportValidatesAgainstTheShippedSchemaWithSnakeCaseNames() throws Exception {
    Report report = ReportFixtures.report(true,
        ReportFixtures.result("single", 1, 1.0, null, null),
        ReportFixtures.result("lock", 2, 1.5, new CounterSummary(100, 90, 10, 1), "none"));

    String json = JsonReport.render(report);

    SchemaValidation.assertValid(json);
    JsonNode root = JsonReport.mapper().readTree(json);
    assertThat(root.get("schema").asText()).isEqualTo("concbench/1");
    JsonNode lock = root.get("results").get(1);
    assertThat(lock.get("wall_ms").get("samples")).hasSize(3);
    assertThat(lock.get("counter").get("runs_with_loss").asInt()).isEqualTo(1);
    assertThat(lock.get("latency_us").get("p99_per_run")).hasSize(3);
    assertThat(root.get("environment").get("available_processors").asInt()).isEqualTo(2);
  }

  @Test
  void scalingFitsAreValidAndReadBackAndAReportWithoutThemReadsAsEmpty() throws Exception {
    Report plain = ReportFixtures.report(true, ReportFixtures.result("thread-pool", 1, 1.0, null, null));
    Report swept = new Report(plain.schema(), true, plain.commandLine(), plain.environment(), plain.results(),
        java.util.List.of(ReportFixtures.scaling()));

    String json = JsonReport.render(swept);

    SchemaValidation.assertValid(json);
    JsonNode scaling = JsonReport.mapper().readTree(json).get("scaling").get(0);
    assertThat(scaling.get("reference_wall_ms").asDouble()).isEqualTo(400);
    assertThat(scaling.get("amdahl").get("serial_fraction").asDouble()).isBetween(0.0, 1.0);
    assertThat(scaling.get("usl").get("peak_workers").isNull()).isTrue();
    assertThat(JsonReport.mapper().readValue(json, Report.class)).isEqualTo(swept);
    String older = JsonReport.render(plain).replaceFirst(",\\s*\"scaling\" : \\[ \\]", "");
    assertThat(older).doesNotContain("scaling");
    assertThat(JsonReport.mapper().readValue(older, Report.class).scaling()).isEmpty();
  }

  @Test
  void theBackgroundLoadIsValidAndReadBackAndAnOlderReportWithoutItReadsAsNull() throws Exception {
    BackgroundLoad load = new BackgroundLoad(4773.4, 2, 0.86, 0.0, List.of(new BackgroundLoad.BusyProcess(4242,
        "bash", 0.85, true)));
    Report report = ReportFixtures.report(true,
        ReportFixtures.builder("single", 1, 1.0).backgroundLoad(load).build());

    String json = JsonReport.render(report);

    SchemaValidation.assertValid(json);
    JsonNode background = JsonReport.mapper().readTree(json).get("results").get(0).get("background_load");
    assertThat(background.get("other_cores").asDouble()).isEqualTo(0.86);
    assertThat(background.get("busiest").get(0).get("name").asText()).isEqualTo("bash");
    assertThat(JsonReport.mapper().readValue(json, Report.class)).isEqualTo(report);
    String older = json.replaceFirst(",\\s*\"background_load\" : \\{[^}]*\\[[^]]*\\][^}]*\\}", "");
    assertThat(older).doesNotContain("background_load");
    SchemaValidation.assertValid(older);
    assertThat(JsonReport.mapper().readValue(older, Report.class).results().get(0).backgroundLoad()).isNull();
  }

  @Test
  void nullsAreWrittenNotLeftOutAndAnIncompleteReportIsValid() throws Exception {
    String json = JsonReport.render(ReportFixtures.report(false, ReportFixtures.result("thread-pool", 2, null, null, null)));

    SchemaValidation.assertValid(json);
    JsonNode result = JsonReport.mapper().readTree(json).get("results").get(0);
    assertThat(result.has("speedup")).isTrue();
    assertThat(result.get("speedup").isNull()).isTrue();
    assertThat(result.get("guard").isNull()).isTrue();
  }

  @Test
  void theSchemaRejectsAReportThatBreaksTheContract() {
    String json = JsonReport.render(ReportFixtures.report(true, ReportFixtures.result("single", 1, 1.0, null, null)));

    assertThat(SchemaValidation.problems(json.replace("\"concbench/1\"", "\"concbench/2\""))).isNotEmpty();
    assertThat(SchemaValidation.problems(json.replace("\"wall_ms\"", "\"wall\""))).isNotEmpty();
    assertThat(SchemaValidation.problems(json.replace("\"workers\" : 1", "\"workers\" : 0"))).isNotEmpty();
  }
}

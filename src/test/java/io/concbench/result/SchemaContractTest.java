package io.concbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The three descriptions of a report cannot drift apart: the records JsonReport writes, the JSON Schema we
 * ship, and docs/json-schema.md. (Adapted from the tests branch.) A result is written as {@link ResultJson},
 * the flat form of its groups: ResultJsonTest holds it to {@link Result}.
 */
class SchemaContractTest {

  private static final List<Class<?>> RECORDS = List.of(Report.class, Environment.class, ResultJson.class,
      Summary.class, LatencySummary.class, CounterSummary.class, Failure.class, CapacitySummary.class,
      MedianInterval.class, io.concbench.system.BackgroundLoad.class,
      io.concbench.system.BackgroundLoad.BusyProcess.class, io.concbench.system.MachineFacts.class, Scaling.class, Scaling.ScalingPoint.class, Scaling.AmdahlFit.class,
      Scaling.UslFit.class, LoadedPlugin.class, RateSummary.class, RateSummary.Percentiles.class,
      RateSummary.Knee.class, Advice.class, Advice.AdviceCandidate.class, Advice.Calibration.class,
      Advice.Crossovers.class, ClusterSummary.MemberSummary.class, AbSection.class, AbSection.Round.class);

  @Test
  void theSchemaDescribesEveryFieldOfEveryRecordAndNoOther() throws IOException {
    JsonNode schema = schema();
    JsonNode defs = schema.get("$defs");
    assertDescribes(schema, Report.class);
    assertDescribes(defs.get("environment"), Environment.class);
    assertDescribes(defs.get("result"), ResultJson.class);
    assertDescribes(defs.get("summary"), Summary.class);
    assertDescribes(defs.get("latency"), LatencySummary.class);
    assertDescribes(defs.get("counter"), CounterSummary.class);
    assertDescribes(defs.get("failure"), Failure.class);
    assertDescribes(defs.get("capacity"), CapacitySummary.class);
    assertDescribes(defs.get("medianInterval"), MedianInterval.class);
    assertDescribes(defs.get("backgroundLoad"), io.concbench.system.BackgroundLoad.class);
    assertDescribes(defs.get("busyProcess"), io.concbench.system.BackgroundLoad.BusyProcess.class);
    assertDescribes(defs.get("system"), io.concbench.system.MachineFacts.class);
    assertDescribes(defs.get("scaling"), Scaling.class);
    assertDescribes(defs.get("scalingPoint"), Scaling.ScalingPoint.class);
    assertDescribes(defs.get("amdahl"), Scaling.AmdahlFit.class);
    assertDescribes(defs.get("usl"), Scaling.UslFit.class);
    assertDescribes(defs.get("plugin"), LoadedPlugin.class);
    assertDescribes(defs.get("rate"), RateSummary.class);
    assertDescribes(defs.get("ratePercentiles"), RateSummary.Percentiles.class);
    assertDescribes(defs.get("knee"), RateSummary.Knee.class);
    assertDescribes(defs.get("advice"), Advice.class);
    assertDescribes(defs.get("adviceCandidate"), Advice.AdviceCandidate.class);
    assertDescribes(defs.get("adviceCalibration"), Advice.Calibration.class);
    assertDescribes(defs.get("adviceCrossovers"), Advice.Crossovers.class);
    assertDescribes(defs.get("member"), ClusterSummary.MemberSummary.class);
    assertDescribes(defs.get("ab"), AbSection.class);
    assertDescribes(defs.get("abRound"), AbSection.Round.class);
    assertThat(schema.get("properties").get("schema").get("const").asText()).isEqualTo(Report.SCHEMA);
  }

  @Test
  void theDocumentationNamesEveryField() throws IOException {
    String doc = Files.readString(Path.of("docs/json-schema.md"));
    List<String> undocumented = new ArrayList<>();
    for (Class<?> type : RECORDS) {
      for (String field : fieldNames(type)) {
        if (!doc.contains("`" + field + "`")) {
          undocumented.add(type.getSimpleName() + "." + field);
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }

  /** Every component is a property; every required name is a component (fields added later are optional). */
  private static void assertDescribes(JsonNode schema, Class<?> record) {
    List<String> properties = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(properties::add);
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(n -> required.add(n.asText()));
    assertThat(properties).as("properties of %s", record.getSimpleName())
        .containsExactlyInAnyOrderElementsOf(fieldNames(record));
    assertThat(fieldNames(record)).as("required of %s", record.getSimpleName()).containsAll(required);
  }

  /**
   * The JSON names of a record's components, as Jackson's snake_case strategy writes them; not those it
   * ignores (Report.sources: where a report was read from, not part of it).
   */
  private static List<String> fieldNames(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .filter(c -> !c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class))
        .map(RecordComponent::getName)
        .map(name -> name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT))
        .toList();
  }

  private static JsonNode schema() throws IOException {
    try (InputStream in = SchemaContractTest.class.getResourceAsStream(
        "/io/concbench/result/concbench-1.schema.json")) {
      return new ObjectMapper().readTree(in);
    }
  }
}

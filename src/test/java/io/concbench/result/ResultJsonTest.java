package io.concbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concbench.report.JsonReport;
import io.concbench.stats.Summaries;
import io.concbench.system.BackgroundLoad;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ResultJson} is the one place where a result's groups meet the JSON's flat fields. A round trip
 * alone would not notice two figures of one type swapped in both directions (speedup_bound read into
 * efficiencyVsBound and written back from it), so every figure here gets a value of its own and is looked
 * for under its own name.
 */
class ResultJsonTest {

  /** The groups' components not named as their JSON fields. */
  private static final Map<String, String> RENAMED = Map.of("probe", "capacity");

  private static final ObjectMapper MAPPER = JsonReport.mapper();

  @Test
  void everyFigureOfEveryGroupIsWrittenUnderItsOwnNameAndReadBackIntoItsPlace() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    Result result = distinctResult(figures);

    JsonNode json = MAPPER.valueToTree(result);

    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrderElementsOf(figures.keySet());
    figures.forEach((field, value) -> assertThat(json.get(field)).as(field).isEqualTo(MAPPER.valueToTree(value)));
    assertThat(MAPPER.treeToValue(json, Result.class)).isEqualTo(result);
  }

  @Test
  void theFieldsAreWrittenInTheOrderOfResultJson() {
    List<String> expected = Arrays.stream(ResultJson.class.getRecordComponents())
        .map(c -> snakeCase(c.getName())).toList();
    List<String> fields = new ArrayList<>();
    MAPPER.valueToTree(distinctResult(new LinkedHashMap<>())).fieldNames().forEachRemaining(fields::add);

    assertThat(fields).containsExactlyElementsOf(expected);
  }

  /** Order, nulls and number formats too: what scripts that read the text rather than parse it see. */
  @ParameterizedTest
  @MethodSource("io.concbench.result.ReportRoundTripTest#reports")
  void aSavedReportIsWrittenAgainCharacterForCharacter(Path file) throws Exception {
    assertThat(JsonReport.render(ReportReader.read(file))).isEqualTo(Files.readString(file));
  }

  /**
   * A result whose every figure differs from every other, each put in {@code figures} under its JSON name.
   */
  private static Result distinctResult(Map<String, Object> figures) {
    int[] next = {1};
    List<Object> parts = new ArrayList<>();
    for (RecordComponent part : Result.class.getRecordComponents()) {
      if (part.getType() == ClusterSummary.class) { // flattened into three fields of the result
        int i = next[0]++;
        Summary start = Summaries.of(new double[] {i, i + 1});
        List<ClusterSummary.MemberSummary> members =
            List.of(new ClusterSummary.MemberSummary("127.0.0.1:" + i, i, i + 0.5, i + 1.5));
        figures.put("cluster_start_ms", start);
        figures.put("retries", (long) i);
        figures.put("members", members);
        parts.add(new ClusterSummary(start, i, members));
      } else if (part.getType().getDeclaringClass() == Result.class) { // a group: its components are the figures
        List<Object> values = new ArrayList<>();
        for (RecordComponent figure : part.getType().getRecordComponents()) {
          Object value = distinct(figure.getGenericType(), next[0]++);
          values.add(value);
          figures.put(RENAMED.getOrDefault(figure.getName(), snakeCase(figure.getName())), value);
        }
        parts.add(construct(part.getType(), values));
      } else {
        Object value = distinct(part.getGenericType(), next[0]++);
        parts.add(value);
        figures.put(snakeCase(part.getName()), value);
      }
    }
    return (Result) construct(Result.class, parts);
  }

  /** A value of the type made from {@code i}, unlike that of any other {@code i}. */
  private static Object distinct(Type type, int i) {
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      return list.getActualTypeArguments()[0] == String.class ? List.of("warning " + i)
          : List.of(new Failure(i, "reason " + i, 1000 + i, i, true, "tail " + i));
    }
    if (type instanceof ParameterizedType) {
      return Map.of("n", (long) i); // params
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return "text " + i;
    }
    if (c == int.class || c == Integer.class) {
      return i;
    }
    if (c == long.class) {
      return (long) i;
    }
    if (c == double.class || c == Double.class) {
      return i + 0.5;
    }
    if (c == Boolean.class) {
      return Boolean.TRUE; // the only Boolean of a result (work_waits): distinct from null, its absence
    }
    if (c == Summary.class) {
      return Summaries.of(new double[] {i, i + 1});
    }
    if (c == LatencySummary.class) {
      return new LatencySummary(i, i, i, i, i, i, List.of(i + 0.5));
    }
    if (c == CounterSummary.class) {
      return new CounterSummary(i, i - 1, 1, 1);
    }
    if (c == CapacitySummary.class) {
      return new CapacitySummary(i, i, i, List.of(i + 0.0), "threads", i);
    }
    if (c == MedianInterval.class) {
      return new MedianInterval(i, i + 1, 0.95);
    }
    if (c == BackgroundLoad.class) {
      return new BackgroundLoad(i, 2, i + 0.5, 0.0, List.of(new BackgroundLoad.BusyProcess(i, "p" + i, 0.5, true)));
    }
    if (c == RateSummary.class) {
      RateSummary.Percentiles p = new RateSummary.Percentiles(i, i + 1, i + 2, i + 3, i + 4, i);
      return new RateSummary("poisson", (long) i, i, i + 0.5, i, i, p, p, p, p);
    }
    throw new IllegalArgumentException("no distinct value for " + type + ": add one");
  }

  private static Object construct(Class<?> record, List<Object> values) {
    Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    try {
      return record.getDeclaredConstructor(types).newInstance(values.toArray());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}

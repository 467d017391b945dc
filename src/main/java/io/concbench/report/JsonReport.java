package io.concbench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.concbench.result.Report;
import java.io.UncheckedIOException;

/** The versioned JSON form of a report ({@code concbench/1}), documented in docs/json-schema.md. */
public final class JsonReport {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      // Absent figures are written as null, not left out: scripts can rely on every field being there.
      .setSerializationInclusion(JsonInclude.Include.ALWAYS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(Report report) {
    try {
      return MAPPER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any plain data (maps, lists, records) in the same style. */
  public static String renderObject(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

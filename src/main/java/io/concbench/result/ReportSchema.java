package io.concbench.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The shipped JSON Schema of {@code concbench/1} ({@code concbench-1.schema.json}, beside this class), as
 * the check of a report read back: the same document other tools are pointed at, so what concbench accepts
 * and what it promises to write cannot drift apart.
 */
final class ReportSchema {

  static final String RESOURCE = "concbench-1.schema.json";

  private static JsonSchema schema;

  private ReportSchema() {}

  /**
   * The first violation, the one deepest in the document (a bad sample rather than the summary around it),
   * as "where: what", where is {@link ReportLocation}'s reading of the path; empty if the report is valid.
   */
  static Optional<String> firstProblem(JsonNode report) {
    Set<ValidationMessage> messages = schema().validate(report);
    return messages.stream()
        .max(Comparator.comparingInt((ValidationMessage m) -> m.getInstanceLocation().getNameCount()))
        .map(m -> ReportLocation.describe(report, elements(m.getInstanceLocation())) + ": "
            + value(m.getInstanceNode()) + problem(m));
  }

  private static List<Object> elements(JsonNodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  /** The validator's own words without the path it starts them with ("$.results[0].workers: ..."). */
  private static String problem(ValidationMessage m) {
    String text = m.getMessage();
    String prefix = m.getInstanceLocation().toString();
    if (text.startsWith(prefix)) {
      text = text.substring(prefix.length()).replaceFirst("^[:\\s]+", "");
    }
    return text;
  }

  /** The offending value, short, when it is a scalar ("-5.0 "); objects and arrays are not repeated. */
  private static String value(JsonNode node) {
    if (node == null || node.isContainerNode() || node.isMissingNode()) {
      return "";
    }
    String text = node.toString();
    return (text.length() > 40 ? text.substring(0, 37) + "..." : text) + " ";
  }

  /** Loaded on first use: building the validator costs some 50 ms that {@code run} never needs. */
  private static synchronized JsonSchema schema() {
    if (schema == null) {
      try (InputStream in = ReportSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the jar");
        }
        // Messages in English whatever the machine's locale: they are quoted in docs and tests.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().locale(Locale.ROOT).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }
}

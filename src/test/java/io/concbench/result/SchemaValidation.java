package io.concbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates JSON against the shipped concbench/1 schema, as a reader of reports would. */
public final class SchemaValidation {

  private static final JsonSchema SCHEMA = load();

  private SchemaValidation() {}

  public static Set<ValidationMessage> problems(String json) {
    try {
      JsonNode node = new ObjectMapper().readTree(json);
      return SCHEMA.validate(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void assertValid(String json) {
    assertThat(problems(json)).as("schema violations").isEmpty();
  }

  private static JsonSchema load() {
    try (InputStream in = SchemaValidation.class.getResourceAsStream("/io/concbench/result/concbench-1.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.concbench.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload's parameter values, complete (defaults filled in), checked against its specs and in their
 * declared order. The one place where what a user typed, or what a worker JVM was sent, becomes values.
 */
public final class ParamValues {

  private final Map<String, ParamSpec> specs;
  private final Map<String, Object> values;

  private ParamValues(Map<String, ParamSpec> specs, Map<String, Object> values) {
    this.specs = specs;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Resolves text values against a workload's specs. Unknown keys and bad values throw
   * {@link IllegalArgumentException} with a one-line message. Plain loops: worker JVMs call this at start-up.
   */
  public static ParamValues resolve(Workload workload, Map<String, String> given) {
    for (String key : given.keySet()) {
      if (!workload.takesParam(key)) {
        StringBuilder message = new StringBuilder("invalid value for --param: unknown parameter '")
            .append(key).append("' for workload ").append(workload.name());
        List<ParamSpec> params = workload.params();
        if (params.isEmpty()) {
          message.append(" (it takes no parameters)");
        } else {
          message.append(" (it takes: ");
          for (int i = 0; i < params.size(); i++) {
            message.append(i == 0 ? "" : ", ").append(params.get(i).name());
          }
          message.append(')');
        }
        throw new IllegalArgumentException(message.toString());
      }
    }
    Map<String, ParamSpec> specs = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec spec : workload.params()) {
      String text = given.get(spec.name());
      specs.put(spec.name(), spec);
      values.put(spec.name(), text == null ? spec.defaultValue() : spec.parse(text));
    }
    return new ParamValues(specs, values);
  }

  /** The workload's defaults. */
  public static ParamValues defaults(Workload workload) {
    return resolve(workload, Map.of());
  }

  /** A whole-number parameter's value. */
  public long integer(String name) {
    return (Long) value(name);
  }

  public double decimal(String name) {
    return (Double) value(name);
  }

  public String text(String name) {
    return (String) value(name);
  }

  public Duration duration(String name) {
    return (Duration) value(name);
  }

  /** A size parameter's value in bytes. */
  public long bytes(String name) {
    return (Long) value(name);
  }

  private Object value(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("no parameter " + name);
    }
    return value;
  }

  /** Whether the value differs from the parameter's default: what tells the cases of a sweep apart. */
  public boolean isDefault(String name) {
    return value(name).equals(specs.get(name).defaultValue());
  }

  /** Every value as text that resolves back to it: what a worker JVM is sent, what labels show. */
  public Map<String, String> asText() {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach((name, value) -> text.put(name, specs.get(name).format(value)));
    return text;
  }

  /** Every value as a report writes it in {@code params} (see {@link ParamSpec#json}). */
  public Map<String, Object> asJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    values.forEach((name, value) -> json.put(name, specs.get(name).json(value)));
    return json;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParamValues p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    asText().forEach((k, v) -> text.append(text.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return text.toString();
  }
}

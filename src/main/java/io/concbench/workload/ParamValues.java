package io.concbench.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A workload's parameter values, complete (defaults filled in) and in the workload's declared order. */
public final class ParamValues {
  private final Map<String, Long> values;

  private ParamValues(Map<String, Long> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Resolves user-given text values against a workload's specs. Unknown keys and bad values throw
   * {@link IllegalArgumentException} with a one-line message.
   */
  public static ParamValues resolve(Workload workload, Map<String, String> given) {
    for (String key : given.keySet()) {
      if (!workload.takesParam(key)) {
        StringBuilder message = new StringBuilder("invalid value for --param: unknown parameter '")
            .append(key).append("' for workload ").append(workload.name());
        if (workload.params().isEmpty()) {
          message.append(" (it takes no parameters)");
        } else {
          message.append(" (it takes: ");
          message.append(String.join(", ", workload.params().stream().map(ParamSpec::name).toList()));
          message.append(')');
        }
        throw new IllegalArgumentException(message.toString());
      }
    }
    Map<String, Long> values = new LinkedHashMap<>();
    for (ParamSpec spec : workload.params()) {
      String text = given.get(spec.name());
      values.put(spec.name(), text == null ? spec.defaultValue() : spec.parse(text));
    }
    return new ParamValues(values);
  }

  public static ParamValues of(Map<String, Long> values) {
    return new ParamValues(values);
  }

  public long get(String name) {
    Long value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("no parameter " + name);
    }
    return value;
  }

  public Map<String, Long> asMap() {
    return values;
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
    values.forEach((k, v) -> text.append(text.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return text.toString();
  }
}

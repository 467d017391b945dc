package io.concbench.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Names a place in a report the way a reader looks for it: "result 3 (cpu on thread-pool), wall_ms.samples[1]"
 * rather than "$.results[2].wall_ms.samples[1]", since a report holds many results with the same fields.
 */
final class ReportLocation {

  private ReportLocation() {}

  /**
   * @param path the field names (String) and array indices (Integer) from the document's root
   */
  static String describe(JsonNode report, List<Object> path) {
    if (path.isEmpty()) {
      return "the report";
    }
    StringBuilder text = new StringBuilder();
    int rest = 0;
    if (path.size() >= 2 && path.get(1) instanceof Integer index
        && ("results".equals(path.get(0)) || "scaling".equals(path.get(0)))) {
      JsonNode item = report.path((String) path.get(0)).path(index);
      text.append("results".equals(path.get(0)) ? "result " : "scaling curve ").append(index + 1)
          .append(caseOf(item));
      rest = 2;
      if (rest < path.size()) {
        text.append(", ");
      }
    }
    for (int i = rest; i < path.size(); i++) {
      Object element = path.get(i);
      if (element instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        text.append(i == rest ? "" : ".").append(element);
      }
    }
    return text.toString();
  }

  /** " (cpu on thread-pool)" where the item names both as text, else nothing. */
  private static String caseOf(JsonNode item) {
    JsonNode workload = item.path("workload");
    JsonNode executor = item.path("executor");
    if (!workload.isTextual() || !executor.isTextual()) {
      return "";
    }
    return " (" + shortened(workload.asText()) + " on " + shortened(executor.asText()) + ")";
  }

  private static String shortened(String name) {
    return name.length() > 40 ? name.substring(0, 37) + "..." : name;
  }
}

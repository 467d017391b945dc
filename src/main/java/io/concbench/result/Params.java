package io.concbench.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A result's {@code params} as plain data: whole numbers as {@link Long}, other numbers as {@link Double},
 * text as {@link String}, in the workload's order. Normalised where a result is made, so that a result read
 * from JSON (where Jackson gives an Integer for a small number) equals the same result measured here, and
 * compare matches results by equal parameters.
 */
public final class Params {

  private Params() {}

  /** The same parameters with each value in its canonical type; null stays null (old reports). */
  public static Map<String, Object> normalize(Map<String, ?> params) {
    if (params == null) {
      return null;
    }
    Map<String, Object> normal = new LinkedHashMap<>();
    params.forEach((name, value) -> normal.put(name, normalize(value)));
    return Collections.unmodifiableMap(normal);
  }

  private static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    return value;
  }

  /** A value as tables, labels and exports print it: whole numbers without a fraction, text as it is. */
  public static String text(Object value) {
    if (value instanceof Double d) {
      return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15
          ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
    }
    return String.valueOf(value);
  }
}

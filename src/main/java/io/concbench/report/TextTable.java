package io.concbench.report;

import java.util.List;

/** Aligned plain-text columns: the first row is the header; listed columns are left-aligned, others right. */
final class TextTable {

  private TextTable() {}

  static String render(List<String[]> rows, int... leftAligned) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[c] - row[c].length());
        line.append(isLeft(c, leftAligned) ? row[c] + pad : pad + row[c]);
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static boolean isLeft(int column, int[] leftAligned) {
    for (int c : leftAligned) {
      if (c == column) {
        return true;
      }
    }
    return false;
  }
}

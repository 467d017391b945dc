package io.concbench.cli;

import picocli.CommandLine.ITypeConverter;

/**
 * Converts a percentage as users write it, {@code 5%} or {@code 5}, to the number of percent, from 0 up to
 * (not including) 1000: {@code compare --threshold}.
 */
final class Percentages implements ITypeConverter<Double> {

  @Override
  public Double convert(String text) {
    String number = text.strip();
    double percent;
    try {
      percent = Double.parseDouble(number.endsWith("%") ? number.substring(0, number.length() - 1) : number);
    } catch (NumberFormatException e) {
      throw BadValue.because(text, "expected a percentage, e.g. 5%");
    }
    if (!(percent >= 0 && percent < 1000)) { // NaN too
      throw BadValue.because(text, "must be from 0% to 1000%");
    }
    return percent;
  }
}

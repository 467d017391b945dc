package io.concbench.workload.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell splits plain text: blanks separate words, single quotes
 * keep everything, double quotes keep everything but a backslash before {@code " \ $ `}, and a backslash
 * outside quotes keeps the next character. No expansions, variables, globs or redirections: with
 * {@code --shell none} there is no shell to perform them, and pretending otherwise would mislead.
 */
public final class ShellWords {

  private ShellWords() {}

  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw unbalanced(line, "a single quote is not closed");
        }
        word.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 == line.length()) {
          throw unbalanced(line, "it ends in a backslash");
        }
        word.append(line.charAt(++i));
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("invalid value for --command: '" + line + "' (no words to run)");
    }
    return words;
  }

  /** Appends a double-quoted part from {@code start}; returns the index of its closing quote. */
  private static int doubleQuoted(String line, int start, StringBuilder word) {
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
        c = line.charAt(++i);
      }
      word.append(c);
    }
    throw unbalanced(line, "a double quote is not closed");
  }

  private static IllegalArgumentException unbalanced(String line, String why) {
    return new IllegalArgumentException("invalid value for --command: '" + line + "' (" + why
        + "; with --shell none the words are split as a shell would, without running one)");
  }
}

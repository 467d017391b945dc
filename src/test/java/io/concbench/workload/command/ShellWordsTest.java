package io.concbench.workload.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void blanksSeparateWords() {
    assertThat(ShellWords.split("  python3 -c\tpass  ")).containsExactly("python3", "-c", "pass");
  }

  @Test
  void quotesKeepBlanksAndJoinWithTheirNeighbours() {
    assertThat(ShellWords.split("python3 -c 'print(1 + 2)' a\"b c\"d")).containsExactly("python3", "-c",
        "print(1 + 2)", "ab cd");
  }

  @Test
  void singleQuotesKeepEverythingDoubleQuotesUnescapeFourCharacters() {
    assertThat(ShellWords.split("'a\\b' \"x\\\"y\\$z\\n\"")).containsExactly("a\\b", "x\"y$z\\n");
  }

  @Test
  void aBackslashOutsideQuotesKeepsTheNextCharacter() {
    assertThat(ShellWords.split("echo a\\ b \\'")).containsExactly("echo", "a b", "'");
  }

  @Test
  void anEmptyQuotedWordIsAWord() {
    assertThat(ShellWords.split("printf '' x")).containsExactly("printf", "", "x");
  }

  @Test
  void anUnclosedQuoteOrATrailingBackslashIsRefusedNamingTheCommand() {
    assertThatThrownBy(() -> ShellWords.split("echo 'x")).hasMessage("invalid value for --command: 'echo 'x' "
        + "(a single quote is not closed; with --shell none the words are split as a shell would, without "
        + "running one)");
    assertThatThrownBy(() -> ShellWords.split("echo \"x")).hasMessageContaining("a double quote is not closed");
    assertThatThrownBy(() -> ShellWords.split("echo x\\")).hasMessageContaining("it ends in a backslash");
  }

  @Test
  void nothingToRunIsRefused() {
    assertThatThrownBy(() -> ShellWords.split("   ")).hasMessageContaining("no words to run");
  }
}

package io.concbench.workload.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTemplateTest {

  @Test
  void underTheDefaultShellTheCommandIsOneArgumentOfShMinusC() {
    assertThat(CommandLineTemplate.of("echo {i} of {n} | wc -c", "sh").argv(3, 16))
        .containsExactly("/bin/sh", "-c", "echo 3 of 16 | wc -c");
  }

  @Test
  void withNoShellTheWordsAreSplitThenEachIsSubstituted() {
    assertThat(CommandLineTemplate.of("convert 'in {i}.png' out{i}.jpg", "none").argv(7, 9))
        .containsExactly("convert", "in 7.png", "out7.jpg");
  }

  @Test
  void anotherShellIsGivenByItsPath() {
    assertThat(CommandLineTemplate.of("true", "/bin/sh").argv(0, 1)).containsExactly("/bin/sh", "-c", "true");
  }

  @Test
  void textWithoutPlaceholdersIsLeftAlone() {
    assertThat(CommandLineTemplate.substitute("awk '{print $1}'", 1, 2)).isEqualTo("awk '{print $1}'");
  }

  @Test
  void aShellThatIsNotAnExecutableFileIsRefused() {
    assertThatThrownBy(() -> CommandLineTemplate.of("true", "/no/such/shell"))
        .hasMessage("invalid value for --shell: '/no/such/shell' (not an executable file; use sh, none or the "
            + "path to a shell)");
    assertThatThrownBy(() -> CommandLineTemplate.of("true", "/tmp")).hasMessageContaining("--shell: '/tmp'");
  }

  @Test
  void anEmptyCommandIsRefused() {
    assertThatThrownBy(() -> CommandLineTemplate.of(" ", "sh")).hasMessageStartingWith(
        "invalid value for --command: ' ' (empty");
  }
}

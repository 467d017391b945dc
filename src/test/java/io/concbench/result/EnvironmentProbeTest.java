package io.concbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentProbeTest {

  @Test
  void theOptionTheStartingConcbenchAddedIsLeftOutOfJvmArgs() {
    List<String> input = List.of("-Xmx2g", "-XX:SharedArchiveFile=/c/jvm-17.jsa", "-Dx=1");

    assertThat(EnvironmentProbe.jvmArgs(input, "-XX:SharedArchiveFile=/c/jvm-17.jsa"))
        .containsExactly("-Xmx2g", "-Dx=1");
    assertThat(EnvironmentProbe.jvmArgs(input, null)).isEqualTo(input);
    assertThat(EnvironmentProbe.jvmArgs(input, "")).isEqualTo(input);
    // Only what was added: an option the user gave stays, and so does a second copy of it.
    assertThat(EnvironmentProbe.jvmArgs(List.of("-Xmx2g", "-Xmx2g"), "-Xmx2g")).containsExactly("-Xmx2g");
    assertThat(EnvironmentProbe.jvmArgs(input, "-XX:SharedArchiveFile=/other.jsa")).isEqualTo(input);
  }
}

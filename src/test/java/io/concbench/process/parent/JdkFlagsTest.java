package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkFlagsTest {

  @Test
  void theUnsafeAccessOptionGoesOnlyToAJdkKnownToTakeIt() {
    List<String> ours = List.of("-Xmx1g", JdkFlags.UNSAFE_ACCESS, "-Dx=1");

    assertThat(JdkFlags.forJava(ours, OptionalInt.of(17))).containsExactly("-Xmx1g", "-Dx=1");
    assertThat(JdkFlags.forJava(ours, OptionalInt.of(22))).containsExactly("-Xmx1g", "-Dx=1");
    assertThat(JdkFlags.forJava(ours, OptionalInt.empty())).containsExactly("-Xmx1g", "-Dx=1");
    assertThat(JdkFlags.forJava(ours, OptionalInt.of(25))).isEqualTo(ours);
    assertThat(JdkFlags.forJava(List.of("-Xmx1g"), OptionalInt.of(23)))
        .containsExactly(JdkFlags.UNSAFE_ACCESS, "-Xmx1g");
    assertThat(JdkFlags.forJava(List.of("-Xmx1g"), OptionalInt.of(21))).containsExactly("-Xmx1g");
  }

  @Test
  void aUsersOwnValueIsKeptWhereItIsTakenAndDroppedWhereNot() {
    List<String> warn = List.of("--sun-misc-unsafe-memory-access=warn");

    assertThat(JdkFlags.forJava(warn, OptionalInt.of(25))).isEqualTo(warn);
    assertThat(JdkFlags.forJava(warn, OptionalInt.of(17))).isEmpty();
    assertThat(JdkFlags.forJava(List.of("--sun-misc-unsafe-memory-access-other"), OptionalInt.of(17)))
        .containsExactly("--sun-misc-unsafe-memory-access-other");
  }

  @Test
  void theFeatureIsReadFromTheReleaseFileOfTheJavasHomeThroughALink(@TempDir Path dir) throws IOException {
    Path java = fakeJdk(dir.resolve("jdk-25"), "JAVA_VERSION=\"25\"");
    Path link = Files.createSymbolicLink(dir.resolve("java"), java);

    assertThat(JdkFlags.featureOf(java.toString())).hasValue(25);
    assertThat(JdkFlags.featureOf(link.toString())).hasValue(25);
    assertThat(JdkFlags.featureOf(fakeJdk(dir.resolve("jdk-17"), "JAVA_VERSION=\"17.0.15\"").toString())).hasValue(17);
    assertThat(JdkFlags.featureOf(fakeJdk(dir.resolve("none"), "IMPLEMENTOR=\"x\"").toString())).isEmpty();
    assertThat(JdkFlags.featureOf(dir.resolve("missing/bin/java").toString())).isEmpty();
    assertThat(JdkFlags.featureOf(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
        .hasValue(Runtime.version().feature());
  }

  @Test
  void versionsAsTheReleaseFileWritesThem() {
    assertThat(JdkFlags.featureOfVersion("17.0.15")).isEqualTo(17);
    assertThat(JdkFlags.featureOfVersion("25")).isEqualTo(25);
    assertThat(JdkFlags.featureOfVersion("1.8.0_392")).isEqualTo(8);
  }

  private static Path fakeJdk(Path home, String releaseLine) throws IOException {
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\n" + releaseLine + "\n");
    return java;
  }
}

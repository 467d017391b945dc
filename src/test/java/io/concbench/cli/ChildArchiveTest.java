package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive of the concbench JVMs that ab and compare --confirm start. */
class ChildArchiveTest {

  private static final String THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;

  @Test
  void oneArchivePerJavaClassPathAndOptions() throws IOException {
    Path jar = Files.writeString(dir.resolve("concbench.jar"), "jar");
    String name = ChildArchive.name(THIS_JAVA, jar.toString(), List.of());

    assertThat(name).startsWith(ChildArchive.PREFIX).endsWith(".jsa");
    assertThat(ChildArchive.name(THIS_JAVA, jar.toString(), List.of())).isEqualTo(name);
    assertThat(ChildArchive.name(THIS_JAVA, jar.toString(), List.of("-Xmx1g"))).isNotEqualTo(name);
    assertThat(ChildArchive.name(otherJava().toString(), jar.toString(), List.of())).isNotEqualTo(name);
    Files.writeString(jar, "a rebuilt jar");
    assertThat(ChildArchive.name(THIS_JAVA, jar.toString(), List.of())).isNotEqualTo(name);
  }

  @Test
  void theUsersOwnSharingOptionsAreLeftAlone() {
    assertThat(ChildArchive.choosesSharing(List.of("-Xmx1g", "-Dx=1"))).isFalse();
    for (String option : List.of("-Xshare:off", "-XX:SharedArchiveFile=/a.jsa", "-XX:ArchiveClassesAtExit=a.jsa",
        "-XX:-UseSharedSpaces", "-XX:+AutoCreateSharedArchive", "-XX:DumpLoadedClassList=x")) {
      assertThat(ChildArchive.choosesSharing(List.of(option))).as(option).isTrue();
      assertThat(ChildArchive.options(THIS_JAVA, List.of(option), "/none.jar", dir)).as(option).isEmpty();
    }
  }

  @Test
  void aClassPathWithADirectoryGetsNoArchiveAndStartsNothing() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path cache = dir.resolve("cache");

    assertThat(ChildArchive.hasDirectory("/none.jar:" + classes)).isTrue();
    assertThat(ChildArchive.options(THIS_JAVA, List.of(), "/none.jar:" + classes, cache)).isEmpty();
    assertThat(cache).doesNotExist();
    assertThat(ChildArchive.options(THIS_JAVA, List.of(), "/none.jar", null)).isEmpty();
  }

  @Test
  @Timeout(60)
  void aJavaThatCannotMakeOneLeavesNoArchiveAndNoTemporaryFiles() throws IOException {
    Path jar = Files.writeString(dir.resolve("concbench.jar"), "jar");
    Path cache = dir.resolve("cache");

    assertThat(ChildArchive.options(otherJava().toString(), List.of(), jar.toString(), cache)).isEmpty();
    try (Stream<Path> left = Files.list(cache)) {
      assertThat(left).isEmpty();
    }
  }

  /** A "java" that fails whatever it is asked. */
  private Path otherJava() throws IOException {
    Path java = dir.resolve("jdk/bin/java");
    if (!Files.exists(java)) {
      Files.createDirectories(java.getParent());
      Files.writeString(java, "#!/bin/sh\nexit 1\n");
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return java;
  }
}

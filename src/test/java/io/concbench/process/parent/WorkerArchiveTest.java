package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerArchiveTest {

  @Test
  void theClassListKeepsTheJdksClassesAndDropsConcbenchsOwn() {
    List<String> list = List.of(
        "java/lang/Object id: 0",
        "io/concbench/process/worker/WorkerMain id: 512",
        "@lambda-proxy io/concbench/process/worker/WorkerSession run ()Ljava/lang/Runnable;",
        "@lambda-proxy java/lang/invoke/LambdaForm$DMH run ()V",
        "java/io/DataInputStream id: 513");

    assertThat(WorkerArchive.jdkClassesOnly(list)).containsExactly(
        "java/lang/Object id: 0", "@lambda-proxy java/lang/invoke/LambdaForm$DMH run ()V",
        "java/io/DataInputStream id: 513");
  }

  @Test
  void theNameChangesWithTheClassPathAndTheOptionsTheArchiveWasMadeWith() {
    String name = WorkerArchive.name("/a/classes", List.of("-XX:+UseG1GC"));

    assertThat(name).startsWith("worker-" + System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9._-]", "_"))
        .endsWith(".jsa");
    assertThat(WorkerArchive.name("/a/classes", List.of("-XX:+UseG1GC"))).isEqualTo(name);
    assertThat(WorkerArchive.name("/b/classes", List.of("-XX:+UseG1GC"))).isNotEqualTo(name);
    assertThat(WorkerArchive.name("/a/classes", List.of("-XX:+UseSerialGC"))).isNotEqualTo(name);
  }

  @Test
  void aClassDirectoryMarkedAsUsedKeepsItsArchive(@TempDir Path dir) throws IOException {
    String name = WorkerArchive.name(dir.toString(), List.of());

    Files.setLastModifiedTime(dir, FileTime.from(Instant.now().plus(Duration.ofMinutes(5))));

    assertThat(WorkerArchive.name(dir.toString(), List.of())).isEqualTo(name);
  }

  @Test
  void aRebuiltJarGetsANewArchive(@TempDir Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("concbench.jar"), "v1");
    String name = WorkerArchive.name(jar.toString(), List.of());

    Files.writeString(jar, "v2, longer");

    assertThat(WorkerArchive.name(jar.toString(), List.of())).isNotEqualTo(name);
  }
}

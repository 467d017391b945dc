package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerClassesTest {

  @TempDir Path dir;

  @Test
  void copiesOnlyConcbenchsOwnClassesIntoOneDirectory() throws IOException {
    Path jar = jar("io/concbench/process/worker/WorkerMain.class", "io/concbench/workload/Cpu.class",
        "picocli/CommandLine.class", "META-INF/MANIFEST.MF");

    Path classes = Path.of(WorkerClasses.extract(jar.toString(), dir.resolve("cache")).orElseThrow());

    assertThat(classes.resolve("io/concbench/process/worker/WorkerMain.class")).hasContent("io/concbench/process/worker/WorkerMain.class");
    assertThat(classes.resolve("io/concbench/workload/Cpu.class")).exists();
    assertThat(classes.resolve("picocli")).doesNotExist();
    assertThat(classes.resolve("META-INF")).doesNotExist();
    try (var listing = Files.list(dir.resolve("cache"))) {
      assertThat(listing).containsExactly(classes); // the temporary copy was renamed, not left behind
    }
  }

  @Test
  void aSecondCallUsesTheDirectoryAlreadyMade() throws IOException {
    Path jar = jar("io/concbench/A.class");
    String first = WorkerClasses.extract(jar.toString(), dir.resolve("cache")).orElseThrow();
    Files.writeString(Path.of(first, "marker"), "kept");

    String second = WorkerClasses.extract(jar.toString(), dir.resolve("cache")).orElseThrow();

    assertThat(second).isEqualTo(first);
    assertThat(Path.of(second, "marker")).hasContent("kept");
  }

  @Test
  void classDirectoriesAndLongClassPathsAreUsedAsTheyAre() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));

    assertThat(WorkerClasses.extract(classes.toString(), dir.resolve("cache"))).isEmpty();
    assertThat(WorkerClasses.extract(jar("io/concbench/A.class") + ":" + classes, dir.resolve("cache"))).isEmpty();
    assertThat(dir.resolve("cache")).doesNotExist();
  }

  @Test
  void anUnwritableCacheFallsBackToTheJar() throws IOException {
    Path jar = jar("io/concbench/A.class");
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");

    assertThat(WorkerClasses.extract(jar.toString(), notADirectory.resolve("cache"))).isEmpty();
  }

  private Path jar(String... entries) throws IOException {
    Path jar = dir.resolve("concbench.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry : entries) {
        out.putNextEntry(new JarEntry(entry));
        out.write(entry.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}

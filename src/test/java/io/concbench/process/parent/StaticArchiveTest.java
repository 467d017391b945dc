package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StaticArchiveTest {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void theStepsGiveTheSameOptionsAndTheDumpAndCheckTheClassPathWhenItIsArchived() {
    StaticArchive jdkOnly = StaticArchive.trainedBy("java", List.of("-Xmx1g"), List.of("-cp", "a.jar", "Main"));
    StaticArchive withApp = jdkOnly.withClassPath("a.jar");
    Path list = Path.of("x.classlist");
    Path jsa = Path.of("x.jsa");

    assertThat(jdkOnly.trainCommand(list))
        .containsExactly("java", "-XX:DumpLoadedClassList=x.classlist", "-Xmx1g", "-cp", "a.jar", "Main");
    assertThat(jdkOnly.dumpCommand(list, jsa)).containsExactly("java", "-Xshare:dump",
        "-XX:SharedClassListFile=x.classlist", "-XX:SharedArchiveFile=x.jsa", "-Xmx1g");
    assertThat(withApp.dumpCommand(list, jsa)).endsWith("-Xmx1g", "-cp", "a.jar");
    assertThat(withApp.checkCommand(jsa))
        .containsExactly("java", "-Xshare:on", "-XX:SharedArchiveFile=x.jsa", "-Xmx1g", "-cp", "a.jar", "-version");
  }

  @Test
  void theClassListKeepsTheLinesItIsToldTo() {
    StaticArchive archive = StaticArchive.trainedBy("java", List.of(), List.of())
        .keeping(line -> !line.startsWith("io/"));

    assertThat(archive.kept(List.of("java/lang/Object id: 0", "io/x/Y id: 1", "java/util/List id: 2")))
        .containsExactly("java/lang/Object id: 0", "java/util/List id: 2");
  }

  @Test
  void anArchiveAlreadyMadeIsUsedWithoutRunningAnything(@TempDir Path dir) throws IOException {
    Path made = Files.writeString(dir.resolve("a.jsa"), "archive");

    assertThat(StaticArchive.trainedBy("/no/such/java", List.of(), List.of()).makeAt(made)).contains(made);
  }

  @Test
  @Timeout(60)
  void aFailingStepLeavesNoArchiveAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cache").resolve("a.jsa");

    assertThat(StaticArchive.trainedBy("/no/such/java", List.of(), List.of()).makeAt(file)).isEmpty();
    assertThat(StaticArchive.trainedBy(JAVA, List.of(), List.of("-cp", dir.toString(), "NoSuchMain"))
        .makeAt(file)).isEmpty();
    assertThat(entries(file.getParent())).isEmpty();
  }

  @Test
  @Timeout(120)
  void aCheckedArchiveIsMadeAndMovedIntoPlaceAlone(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a.jsa");

    assertThat(StaticArchive.trainedBy(JAVA, List.of("-Xmx64m"), List.of("-version")).checkedBeforeUse()
        .makeAt(file)).contains(file);
    assertThat(entries(dir)).containsExactly(file);
    assertThat(Files.size(file)).isPositive();
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.toList();
    }
  }
}

package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.process.member.MemberMain;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MemberArchiveTest {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void aClassDirectoryASharingChoiceOrNoCacheMeanNoArchiveAndNothingRun(@TempDir Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("concbench.jar"), "not run");
    Path cache = dir.resolve("cache");

    assertThat(MemberArchive.options("/no/such/java", dir + File.pathSeparator + jar, List.of(), List.of(), cache))
        .isEmpty();
    assertThat(MemberArchive.options("/no/such/java", jar.toString(), List.of(), List.of("-Xshare:auto"), cache))
        .isEmpty();
    assertThat(MemberArchive.options("/no/such/java", jar.toString(), List.of(), List.of(), null)).isEmpty();
    assertThat(cache).doesNotExist();
  }

  @Test
  void anArchiveThatCannotBeMadeMeansNone(@TempDir Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("concbench.jar"), "no classes");

    assertThat(MemberArchive.options("/no/such/java", jar.toString(), List.of(), List.of(), dir)).isEmpty();
    assertThat(dir.toFile().list()).containsExactly("concbench.jar");
  }

  @Test
  void anArchiveMadeIsMappedWhereItWasMadeAndNamedForTheMembers(@TempDir Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("concbench.jar"), "v1");
    String name = StaticArchive.name(MemberArchive.PREFIX, jar.toString(), List.of("-XX:-UsePerfData"));
    Path made = Files.writeString(dir.resolve(name), "archive");

    assertThat(MemberArchive.options(JAVA, jar.toString(), List.of("-XX:-UsePerfData"), List.of(), dir))
        .containsExactlyElementsOf(WorkerCommand.archiveOptions(java.util.Optional.of(made)));
    assertThat(name).startsWith("member-");
  }

  /** The training a member archive is made from: a member, a client, chunks through it, exit 0. */
  @Test
  @Timeout(180)
  void aTrainingMemberRunsItsChunksAndEnds() throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(JAVA, MemberCommand.FORK_JOIN_PARALLELISM));
    command.addAll(MemberCommand.jdkFlags(Runtime.version().feature()));
    command.addAll(MemberArchive.training(System.getProperty("java.class.path")));
    Process training = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertThat(training.waitFor(170, TimeUnit.SECONDS)).isTrue();
      assertThat(training.exitValue()).isZero();
    } finally {
      training.destroyForcibly();
    }
    assertThat(command).contains(MemberMain.TRAIN);
  }
}

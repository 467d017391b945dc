package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.plugin.PluginJars;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plug-in's worker classes and archive are cached by its content, wherever its jar lies. */
class PluginClassesTest {

  @TempDir Path dir;

  @Test
  void theSameBuildSharesOneDirectoryAndAnotherBuildGetsItsOwn() throws Exception {
    Path cache = dir.resolve("cache");
    Path jar = PluginJars.jar(dir, "echo.jar", "Echo");
    Path copy = Files.copy(jar, Files.createDirectories(dir.resolve("elsewhere")).resolve("renamed.jar"));
    Path other = PluginJars.jar(dir, "both.jar", "Echo", "Flaky");

    Path entry = PluginClasses.entry(jar, cache);

    assertThat(entry.getFileName().toString())
        .isEqualTo("worker-plugin-" + io.concbench.digest.Sha256.of(jar).substring(0, 16));
    assertThat(entry.resolve("fixture/Echo.class")).isRegularFile();
    assertThat(entry.resolve("META-INF/services/io.concbench.api.Workload")).isRegularFile();
    assertThat(PluginClasses.entry(copy, cache)).isEqualTo(entry);
    assertThat(PluginClasses.entry(other, cache)).isNotEqualTo(entry);
    assertThat(PluginClasses.entry(jar, null)).isEqualTo(jar);
  }

  @Test
  void aWorkersClassPathEndsWithItsPluginsAndItsArchiveIsKeyedByThem() {
    Path jar = PluginJars.jar(dir, "echo.jar", "Echo");
    String bare = classPath(WorkerCommand.of(null, List.of(), null).command());

    String withPlugin = classPath(WorkerCommand.of(null, List.of(), null, List.of(jar)).command());

    assertThat(withPlugin).isEqualTo(bare + File.pathSeparator + jar);
    assertThat(WorkerArchive.name(withPlugin, List.of())).isNotEqualTo(WorkerArchive.name(bare, List.of()));
  }

  private static String classPath(List<String> command) {
    return command.get(command.indexOf("-cp") + 1);
  }
}

package io.concbench.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.concbench.api.ParamValues;
import io.concbench.api.Workload;
import io.concbench.digest.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading plug-in jars: what a good one gives, and the one-line reason for each way one cannot load. */
class WorkloadCatalogTest {

  @TempDir Path dir;

  @Test
  void aPluginsWorkloadsJoinTheBuiltInOnesWithItsDeclaredNameVersionAndHash() throws Exception {
    Path jar = PluginJars.jar(dir, "good.jar", "Echo", "Flaky");

    WorkloadCatalog catalog = WorkloadCatalog.withPlugins(PluginSource.of(null, List.of(jar.toString())));

    assertThat(catalog.names()).startsWith("cpu").endsWith("echo", "flaky");
    Plugin plugin = catalog.plugins().get(0);
    assertThat(plugin.jar()).isEqualTo(jar.toAbsolutePath());
    assertThat(plugin.name()).isEqualTo("fixture-plugin");
    assertThat(plugin.version()).isEqualTo("1.2.3");
    assertThat(plugin.sha256()).hasSize(64).isEqualTo(Sha256.of(jar));
    Workload echo = catalog.find("echo").orElseThrow();
    assertThat(catalog.pluginOf(echo)).contains(plugin);
    assertThat(echo.getClass().getClassLoader()).isNotSameAs(Workload.class.getClassLoader());
    assertThat(catalog.jarsOf(List.of(echo, catalog.find("cpu").orElseThrow()))).containsExactly(plugin.jar());
    assertThat(echo.bind(ParamValues.defaults(echo)).run(5, null)).isEqualTo(15);
  }

  @Test
  void eachJarIsLoadedOnceWhetherFromTheVariableOrTheOption() {
    List<PluginSource> sources = PluginSource.of("a.jar::b.jar", List.of("a.jar", "c.jar"));

    assertThat(sources).extracting(s -> s.path().toString()).containsExactly("a.jar", "b.jar", "c.jar");
    assertThat(sources).extracting(PluginSource::origin)
        .containsExactly("CONCBENCH_PLUGINS", "CONCBENCH_PLUGINS", "--plugin");
  }

  @Test
  void noSuchFile() {
    assertThat(reasonFor(dir.resolve("missing.jar"))).isEqualTo("no such file");
  }

  @Test
  void notAJar() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");

    assertThat(reasonFor(text)).startsWith("not a jar (");
  }

  @Test
  void noWorkloadInside() {
    Path jar = PluginJars.withServiceFile(dir, "empty.jar", null, "Echo");

    assertThat(reasonFor(jar)).startsWith("no workload inside (the jar has no META-INF/services/");
  }

  @Test
  void aServiceFileNamingAMissingClass() {
    Path jar = PluginJars.withServiceFile(dir, "typo.jar", "fixture.Ecko\n", "Echo");

    assertThat(reasonFor(jar)).contains("fixture.Ecko not found");
  }

  @Test
  void aClassThatThrowsWhileConstructed() {
    Path jar = PluginJars.jar(dir, "broken.jar", "Broken");

    assertThat(reasonFor(jar)).isEqualTo(
        "Provider fixture.Broken could not be constructed: java.lang.IllegalStateException: no config");
  }

  @Test
  void builtForANewerApi() {
    Path jar = PluginJars.jar(dir, "future.jar", "Future");

    assertThat(reasonFor(jar)).isEqualTo("fixture.Future was built for concbench API 99, this concbench provides "
        + "API 1 (use a newer concbench)");
  }

  @Test
  void declaringNoApiVersion() {
    Path jar = PluginJars.jar(dir, "old.jar", "Undeclared");

    assertThat(reasonFor(jar)).isEqualTo("fixture.Undeclared declares no API version (override apiVersion() to "
        + "return Api.VERSION, then rebuild it)");
  }

  @Test
  void aNameOfABuiltInWorkload() {
    Path jar = PluginJars.jar(dir, "clash.jar", "Builtin");

    assertThat(reasonFor(jar)).isEqualTo("its workload 'cpu' has the name of a built-in workload");
  }

  @Test
  void aNameOfAnotherPluginsWorkload() {
    Path first = PluginJars.jar(dir, "first.jar", "Echo");
    Path second = PluginJars.jar(dir, "second.jar", "Echo");

    assertThatThrownBy(() -> WorkloadCatalog.withPlugins(
            PluginSource.of(null, List.of(first.toString(), second.toString()))))
        .isInstanceOfSatisfying(PluginException.class, e -> {
          assertThat(e.jar()).isEqualTo(second);
          assertThat(e.reason()).isEqualTo("its workload 'echo' has the name of a workload of "
              + first.toAbsolutePath());
        });
  }

  private static String reasonFor(Path jar) {
    try {
      WorkloadCatalog.withPlugins(PluginSource.of(null, List.of(jar.toString())));
    } catch (PluginException e) {
      assertThat(e.jar()).isEqualTo(jar);
      assertThat(e.reason()).doesNotContain("\n");
      return e.reason();
    }
    throw new AssertionError(jar + " loaded");
  }
}

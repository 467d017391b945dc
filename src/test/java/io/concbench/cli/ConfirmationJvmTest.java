package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.concbench.result.Environment;
import io.concbench.result.LoadedPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child JVM of a confirmation, built from a report's environment: no process is started. */
class ConfirmationJvmTest {

  private static final String VERSION = "1.2.0";
  private static final String CLASS_PATH = "/opt/concbench/concbench.jar";

  @TempDir Path dir;
  private Path jdk;

  @BeforeEach
  void aJdkOnThisMachine() throws IOException {
    jdk = dir.resolve("jdk-25");
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(jdk.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
  }

  @Test
  void theRecordedJavaAndJvmOptionsRunThisConcbench() {
    ConfirmationJvm jvm = ConfirmationJvm.of(environment(VERSION, jdk.toString(), "25.0.3", List.of()),
        "cur.json", VERSION, null, CLASS_PATH);

    assertThat(jvm.command(List.of("run", "--workload", "cpu"))).containsExactly(
        jdk.resolve("bin/java").toString(), "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", CLASS_PATH,
        "io.concbench.Main", "run", "--workload", "cpu");
    assertThat(jvm.pluginsVariable()).as("compare's own CONCBENCH_PLUGINS is unset").isNull();
    assertThat(jvm.describe()).isEqualTo("Java 25.0.3 (" + jdk.resolve("bin/java")
        + "), JVM options -XX:TieredStopAtLevel=1 -Xmx512m");
  }

  @Test
  void theRecordedPluginsAreGivenByTheirPathsWhenTheirContentIsTheSame() throws IOException {
    Path jar = Files.writeString(dir.resolve("p.jar"), "a plug-in");
    LoadedPlugin plugin = new LoadedPlugin(jar.toString(), io.concbench.result.ConcbenchJar.hash(jar).orElseThrow(), "p", "1", List.of("w"));

    ConfirmationJvm jvm = ConfirmationJvm.of(environment(VERSION, jdk.toString(), "25.0.3", List.of(plugin)),
        "cur.json", VERSION, null, CLASS_PATH);

    assertThat(jvm.pluginsVariable()).isEqualTo(jar.toString());
  }

  @Test
  void anotherConcbenchIsRefused() {
    assertThatThrownBy(() -> ConfirmationJvm.of(environment("1.1.0", jdk.toString(), "25.0.3", List.of()),
        "cur.json", VERSION, null, CLASS_PATH))
        .isInstanceOf(UsageException.class)
        .hasMessage("--confirm: cannot re-run cur.json as it was measured: it was measured by concbench 1.1.0, "
            + "this is concbench 1.2.0 (confirm with the concbench that measured it)");
  }

  @Test
  void anotherBuildOfTheSameVersionIsRefused() {
    Environment e = environment(VERSION, jdk.toString(), "25.0.3", List.of());
    Environment built = new Environment(e.concbenchVersion(), e.javaVersion(), e.javaVendor(), e.javaVm(),
        e.javaVmName(), e.javaVmVersion(), e.javaHome(), e.jvmArgs(), e.osName(), e.osVersion(), e.osArch(),
        e.cpuModel(), e.availableProcessors(), e.maxHeapMb(), e.timestampUtc(), e.system(), e.plugins(),
        "a".repeat(64));

    assertThatThrownBy(() -> ConfirmationJvm.of(built, "cur.json", VERSION, "b".repeat(64), CLASS_PATH))
        .isInstanceOf(UsageException.class)
        .hasMessage("--confirm: cannot re-run cur.json as it was measured: it was measured by another build of "
            + "concbench 1.2.0 (jar SHA-256 " + "a".repeat(64) + ", this one's " + "b".repeat(64)
            + "; confirm with the jar that measured it)");
    // The same jar, or one side run from classes: the version is all there is to check.
    assertThat(ConfirmationJvm.of(built, "cur.json", VERSION, "a".repeat(64), CLASS_PATH)).isNotNull();
    assertThat(ConfirmationJvm.of(built, "cur.json", VERSION, null, CLASS_PATH)).isNotNull();
  }

  @Test
  void aJdkNotOnThisMachineIsRefused() {
    assertThatThrownBy(() -> ConfirmationJvm.of(environment(VERSION, "/nope/jdk", "25.0.3", List.of()),
        "cur.json", VERSION, null, CLASS_PATH))
        .isInstanceOf(UsageException.class)
        .hasMessageEndingWith("its JDK is not on this machine (java_home /nope/jdk has no bin/java)");
    assertThatThrownBy(() -> ConfirmationJvm.of(environment(VERSION, null, "25.0.3", List.of()),
        "cur.json", VERSION, null, CLASS_PATH))
        .hasMessageEndingWith("it does not record java_home, the JDK it was measured on");
  }

  @Test
  void anotherJdkAtTheRecordedPathIsRefused() {
    assertThatThrownBy(() -> ConfirmationJvm.of(environment(VERSION, jdk.toString(), "25.0.1", List.of()),
        "cur.json", VERSION, null, CLASS_PATH))
        .isInstanceOf(UsageException.class)
        .hasMessageEndingWith("java_home " + jdk + " now holds Java 25.0.3, it was measured on Java 25.0.1");
  }

  @Test
  void aMissingOrChangedPluginIsRefused() throws IOException {
    Path jar = Files.writeString(dir.resolve("p.jar"), "a plug-in");
    LoadedPlugin changed = new LoadedPlugin(jar.toString(), "0".repeat(64), "p", "1", List.of("w"));
    LoadedPlugin missing = new LoadedPlugin(dir.resolve("gone.jar").toString(), "0".repeat(64), "gone", null,
        List.of());

    assertThatThrownBy(() -> ConfirmationJvm.of(environment(VERSION, jdk.toString(), "25.0.3", List.of(changed)),
        "cur.json", VERSION, null, CLASS_PATH))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("its plug-in " + jar + " has changed (SHA-256 ")
        .hasMessageEndingWith("it was measured with " + "0".repeat(64) + ")");
    assertThatThrownBy(() -> ConfirmationJvm.of(environment(VERSION, jdk.toString(), "25.0.3", List.of(missing)),
        "cur.json", VERSION, null, CLASS_PATH))
        .hasMessageEndingWith("its plug-in gone is not at " + dir.resolve("gone.jar"));
  }

  private static Environment environment(String concbench, String javaHome, String javaVersion,
      List<LoadedPlugin> plugins) {
    return new Environment(concbench, javaVersion, "Eclipse Adoptium", "OpenJDK 64-Bit Server VM " + javaVersion,
        "OpenJDK 64-Bit Server VM", javaVersion, javaHome, List.of("-XX:TieredStopAtLevel=1", "-Xmx512m"), "Linux",
        "6.1", "amd64", "Test CPU", 2, 1024, "2026-12-04T06:00:00.000Z", null, plugins);
  }
}

package io.concbench.plugin;

import io.concbench.api.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Plug-in jars for tests, made from the sources below: compiled once per test JVM against concbench's API
 * (with javac, as a plug-in author would), then packed in whatever combination a test needs. Their classes
 * are never on the test class path, so each is loaded from its jar alone, as a real plug-in is.
 */
public final class PluginJars {

  /** Fixture workloads, by simple class name. */
  static final Map<String, String> SOURCES = Map.of(
      "Echo", workload("Echo", "echo", "return Api.VERSION;", "", "index * 3L", ""),
      "Flaky", workload("Flaky", "flaky", "return Api.VERSION;", "",
          "index", "if (index == 1) { throw new IllegalStateException(\"task \" + index + \" broke\"); }"),
      "Builtin", workload("Builtin", "cpu", "return Api.VERSION;", "", "index", ""),
      "Broken", workload("Broken", "broken", "return Api.VERSION;",
          "public Broken() { throw new IllegalStateException(\"no config\"); }", "index", ""),
      "Future", workload("Future", "future", "return Api.VERSION + 98;", "", "index", ""),
      "Undeclared", workload("Undeclared", "undeclared", null, "", "index", ""));

  private static Path classes;

  private PluginJars() {}

  /** A jar of the named fixture classes listed in its service file, with a name and version in its manifest. */
  public static Path jar(Path directory, String file, String... classNames) {
    List<String> lines = new ArrayList<>();
    for (String name : classNames) {
      lines.add("fixture." + name);
    }
    return withServiceFile(directory, file, String.join("\n", lines) + "\n", classNames);
  }

  /** A jar of the named fixture classes with the given service file (null: none). */
  public static Path withServiceFile(Path directory, String file, String serviceFile, String... classNames) {
    Path jar = directory.resolve(file);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "fixture-plugin");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "1.2.3");
    try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream, manifest)) {
      for (String name : classNames) {
        out.putNextEntry(new JarEntry("fixture/" + name + ".class"));
        out.write(Files.readAllBytes(compiled().resolve("fixture").resolve(name + ".class")));
        out.closeEntry();
      }
      try (Stream<Path> inner = Files.list(compiled().resolve("fixture"))) {
        for (Path nested : inner.filter(p -> p.getFileName().toString().contains("$")).toList()) {
          String outer = nested.getFileName().toString().split("\\$")[0];
          if (List.of(classNames).contains(outer)) {
            out.putNextEntry(new JarEntry("fixture/" + nested.getFileName()));
            out.write(Files.readAllBytes(nested));
            out.closeEntry();
          }
        }
      }
      if (serviceFile != null) {
        out.putNextEntry(new JarEntry("META-INF/services/" + Workload.class.getName()));
        out.write(serviceFile.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  private static synchronized Path compiled() throws IOException {
    if (classes != null) {
      return classes;
    }
    Path root = Files.createTempDirectory("concbench-fixture-plugins");
    root.toFile().deleteOnExit();
    Path sources = Files.createDirectories(root.resolve("src/fixture"));
    Path out = Files.createDirectories(root.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString(), "-cp", apiClassPath()));
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      Path file = sources.resolve(source.getKey() + ".java");
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("the fixture plug-ins do not compile (javac's messages are on stderr)");
    }
    classes = out;
    return classes;
  }

  private static String apiClassPath() {
    try {
      return Path.of(Workload.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A workload's source: one integer parameter, tasks that return {@code result} after {@code before}. */
  private static String workload(String className, String name, String apiVersionBody, String constructor,
      String result, String before) {
    return "package fixture;\n"
        + "import io.concbench.api.*;\n"
        + "import java.util.List;\n"
        + "public class " + className + " implements Workload {\n"
        + "  static final IntegerParam N = ParamSpec.integer(\"n\", \"\", 10, 1, 1000, \"a number\");\n"
        + "  " + constructor + "\n"
        + "  public String name() { return \"" + name + "\"; }\n"
        + "  public String description() { return \"a test plug-in's workload\"; }\n"
        + "  public List<ParamSpec> params() { return List.of(N); }\n"
        + "  public int defaultTasks() { return 4; }\n"
        + (apiVersionBody == null ? "" : "  public int apiVersion() { " + apiVersionBody + " }\n")
        + "  public TaskKernel bind(ParamValues values) {\n"
        + "    return new TaskKernel() {\n"
        + "      public long run(int index, TaskContext context) { " + before + " return " + result + "; }\n"
        + "      public boolean verify(int index, long value) { return value == " + result + "; }\n"
        + "    };\n"
        + "  }\n"
        + "}\n";
  }
}

package io.concbench.cli;

import io.concbench.executor.ProcessSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;

/**
 * The options of the process executors, {@code fork} and {@code process-pool}: chunks, payloads, worker
 * replacement, retries, timeouts and the workers' JVM. A picocli mixin that checks its own options
 * ({@link #validate}) and shows them in a help section of their own ({@link OwnHelpSection}).
 */
@Command(modelTransformer = ProcessOptions.OwnHelpSection.class)
public final class ProcessOptions {

  @Option(names = "--chunksize", split = ",", paramLabel = "N",
      description = "process-pool, cluster: tasks per request frame (default: ceil(tasks / (4 x workers)), as CPython's "
          + "Pool.map); matrix: a list to sweep.")
  List<Integer> chunksize;

  @Option(names = "--payload-bytes", paramLabel = "N", defaultValue = "0",
      description = "fork, process-pool: bytes sent with each task and returned with its result. "
          + "Default: ${DEFAULT-VALUE}.")
  int payloadBytes;

  @Option(names = "--max-tasks-per-child", paramLabel = "N",
      description = "process-pool: replace a worker after N tasks (CPython's maxtasksperchild). Default: never.")
  Integer maxTasksPerChild;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "1",
      description = "fork, process-pool, cluster: tries again for a task whose worker died. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(names = "--task-timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "fork, process-pool, cluster: kill a worker (a local member) whose task runs longer, e.g. 30s "
          + "or 500ms; --command: kill the command's process group. Default: none.")
  Duration taskTimeout;

  /** Null for the java running concbench. */
  @Option(names = "--java", paramLabel = "PATH", converter = JavaBinary.class,
      description = "fork, process-pool, cluster: java binary for workers. Default: the one running concbench.")
  String javaBinary;

  @Option(names = "--jvm-arg", paramLabel = "ARG", converter = JvmOption.class,
      description = "fork, process-pool, cluster: extra JVM option for workers, repeatable (e.g. --jvm-arg=-Xmx256m).")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--cluster", split = ",", paramLabel = "HOST:PORT", converter = MemberAddress.class,
      description = "cluster: run on these running 'concbench member' processes (each once, --workers is their "
          + "number) instead of starting members here; needs --cluster-name.")
  List<String> cluster;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "cluster: the name the --cluster members were started with (their only credential).")
  String clusterName;

  /** Refuses a count out of range, naming the option and the value; the wire's caps bound them. */
  void validate() {
    if (chunksize != null) {
      for (int size : chunksize) {
        UsageException.requireRange("--chunksize", size, 1, ProcessSettings.MAX_TASKS_PER_FRAME);
      }
    }
    UsageException.requireRange("--payload-bytes", payloadBytes, 0, ProcessSettings.MAX_PAYLOAD_BYTES);
    if (maxTasksPerChild != null) {
      UsageException.requireRange("--max-tasks-per-child", maxTasksPerChild, 1, Integer.MAX_VALUE);
    }
    UsageException.requireRange("--retries", retries, 0, 100);
  }

  /** The chunksizes in the order given, each once; 0, CPython's default, if none was given. */
  List<Integer> chunksizes() {
    return chunksize == null || chunksize.isEmpty() ? List.of(0) : chunksize.stream().distinct().toList();
  }

  /** --task-timeout, zero if none. */
  Duration taskTimeout() {
    return taskTimeout == null ? Duration.ZERO : taskTimeout;
  }

  int payloadBytes() {
    return payloadBytes;
  }

  /** The settings, with the first chunksize of a sweep. */
  ProcessSettings settings() {
    return new ProcessSettings(javaBinary, jvmArgs, chunksizes().get(0),
        maxTasksPerChild == null ? 0 : maxTasksPerChild, payloadBytes, retries,
        taskTimeout == null ? 0 : taskTimeout.toNanos());
  }

  /** --cluster's entries: HOST:PORT, a port from 1 to 65535. */
  static final class MemberAddress implements ITypeConverter<String> {
    @Override
    public String convert(String address) {
      int colon = address.lastIndexOf(':');
      if (colon < 1 || colon == address.length() - 1) {
        throw BadValue.because(address, "expected HOST:PORT, e.g. 10.0.0.5:5701");
      }
      int port;
      try {
        port = Integer.parseInt(address.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw BadValue.because(address, "the port is not a number");
      }
      if (port < 1 || port > 65535) {
        throw BadValue.because(address, "the port must be from 1 to 65535");
      }
      return address;
    }
  }

  /** --java: an executable file; blank is the default, the java running concbench. */
  static final class JavaBinary implements ITypeConverter<String> {
    @Override
    public String convert(String path) {
      if (path.isBlank()) {
        return null;
      }
      Path binary = Path.of(path);
      if (!Files.isExecutable(binary) || Files.isDirectory(binary)) {
        throw BadValue.because(path, "not an executable file");
      }
      return path;
    }
  }

  /** --jvm-arg: a JVM option. concbench sets the class path and main class itself; anything else is a mistake. */
  static final class JvmOption implements ITypeConverter<String> {
    private static final List<String> SET_BY_CONCBENCH = List.of("-cp", "-classpath", "--class-path", "-jar",
        "-m", "--module");

    @Override
    public String convert(String arg) {
      if (!arg.startsWith("-") || SET_BY_CONCBENCH.contains(arg)) {
        throw BadValue.because(arg, "must be a JVM option starting with '-', and not one that sets the class "
            + "path, a jar or a module: concbench sets those");
      }
      return arg;
    }
  }

  /**
   * Shows these options under a heading of their own, after the command's other options, in the help of
   * every command that mixes them in. A help section rather than an {@code @ArgGroup}: a group would also
   * change how they parse (a repeated --retries would no longer be refused).
   */
  static final class OwnHelpSection implements IModelTransformer {
    static final String KEY = "processOptions";
    static final String HEADING = "%nProcess executors (fork, process-pool):%n";

    @Override
    public CommandSpec transform(CommandSpec command) {
      List<OptionSpec> own = new ArrayList<>();
      command.mixins().values().stream().filter(mixin -> mixin.userObject() instanceof ProcessOptions)
          .forEach(mixin -> own.addAll(mixin.options()));
      UsageMessageSpec usage = command.usageMessage();
      Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(usage.sectionMap());
      sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> help.optionListExcludingGroups(
          command.options().stream().filter(o -> !o.hidden() && !own.contains(o)).toList()));
      sections.put(KEY, help -> help.createHeading(HEADING) + help.optionListExcludingGroups(own));
      List<String> keys = new ArrayList<>(usage.sectionKeys());
      keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, KEY);
      usage.sectionMap(sections);
      usage.sectionKeys(keys);
      return command;
    }
  }
}

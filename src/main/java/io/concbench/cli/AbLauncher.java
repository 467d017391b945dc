package io.concbench.cli;

import io.concbench.capacity.CapacityProbe;
import io.concbench.process.parent.JdkFlags;
import io.concbench.result.AbSection;
import io.concbench.result.EnvironmentProbe;
import io.concbench.system.CpuAffinity;
import io.concbench.system.QuietProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Starts one side of one {@code ab} round. The real one starts a fresh concbench JVM; tests script figures. */
interface AbLauncher {

  /**
   * Readies what the side's runs need before the rounds start (and the clock of --max-time with them): the
   * real launcher makes the side's class-data archive here, once.
   */
  default void prepare(AbSide side) {}

  /** Starts the side's run. */
  Side start(AbSide side) throws IOException;

  /**
   * Probes the machine's capacity once, for a round whose sides leave it to ab ({@link AbSide#probes}). The real
   * launcher runs run's own probe in this JVM, which stays warm from round to round; tests script figures.
   */
  AbSection.Capacity probe(AbSide.Probe probe) throws InterruptedException;

  /** The CPUs the sides can be held to, or why they cannot; scripted sides are never held to any. */
  default CpuAffinity affinity() {
    return CpuAffinity.none("scripted sides");
  }

  /**
   * Waits, before a turn, until this JVM and every side's have gone quiet ({@link QuietProcesses}): what they
   * compile or collect after their last work (this one's reporting, a side's warm-up or runs) would run on the
   * cores of the turn's timed runs. Scripted sides need no wait.
   */
  default void quietBeforeTurn(List<Side> sides) {}

  /** Ends what the probes started (probe processes), once the rounds are over. */
  default void close() {}

  /** A side's run under way. */
  interface Side {
    /**
     * Waits up to {@code millis} for the side to be idle: ready for its next turn (started, warmed up, its JIT
     * quiet, or its last turn's runs done), done with all its timed runs, or ended; true once it is, and the
     * side is then due a {@link #go}. Scripted sides are idle at once.
     */
    default boolean awaitIdle(long millis) throws InterruptedException {
      return true;
    }

    /**
     * True once the side has nothing more to time: it said it is done, or it has ended (the next {@link #go}
     * lets it write its figures and end). Scripted sides time nothing of their own.
     */
    default boolean timedAll() {
      return true;
    }

    /**
     * Holds the side, every thread of it and the processes it started, to {@code cpus} ({@link CpuAffinity#hold}).
     *
     * @throws IllegalStateException if it could not be held while still running
     */
    default void holdTo(List<Integer> cpus) {}

    /** The side's process id, for {@link #quietBeforeTurn}; -1 for a scripted side. */
    default long pid() {
      return -1;
    }

    /** Lets an idle side take its turn, or, once it has timed all, end. A side that has ended is left as it is. */
    default void go() {}

    /** Waits up to {@code millis} for the run to end; true once it has. */
    boolean waitFor(long millis) throws InterruptedException;

    /**
     * The side's figure once the run has ended: the median wall time of its runs, in ms (the geometric mean
     * of the medians when it measured several cases).
     *
     * @throws IllegalStateException naming what went wrong, if the run wrote no report
     */
    double wallMs();

    /** Ends the run now (SIGTERM; after a few seconds, SIGKILL) and waits for it. */
    void stop();
  }

  /**
   * The figure of a side's run: the geometric mean over its results of each one's median wall time, so
   * that each case weighs the same whatever its length.
   */
  static double figure(List<Double> wallMedians) {
    if (wallMedians.isEmpty()) {
      throw new IllegalStateException("its run measured nothing");
    }
    double logs = 0;
    for (double median : wallMedians) {
      logs += Math.log(median);
    }
    return Math.exp(logs / wallMedians.size());
  }

  /** The hidden {@code run} option a side's child writes its results' median wall times with. */
  String WALL_MEDIANS_OPTION = "--wall-medians-to";

  /** The hidden {@code run} option that makes a side wait for its turn before each round of measured runs. */
  String READY_GATE_OPTION = "--ready-gate";

  /** What a side says on stdout, on a line of its own, when it waits for its turn. */
  String READY = "concbench-ab-side-ready";

  /** What a side says on stdout, on a line of its own, when it has timed everything and waits to end. */
  String DONE = "concbench-ab-side-done";

  /** The figures {@link #WALL_MEDIANS_OPTION} wrote: one median wall time in ms a line. */
  static List<Double> readWallMedians(Path file) throws IOException {
    List<Double> medians = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        try {
          medians.add(Double.parseDouble(line.trim()));
        } catch (NumberFormatException e) {
          throw new IOException("not a wall time: '" + line + "'");
        }
      }
    }
    return medians;
  }

  /**
   * Runs each side as {@code concbench run … --wall-medians-to TEMP --ready-gate --quiet} in a new JVM: the
   * side's java (or this one) with this JVM's options and class path, and the class-data archive made for that
   * java, class path and options ({@link ChildArchive}). It warms up, says it is ready and waits for its turn
   * ({@link ReadyGate}). The child gets {@value ParentLiveness#VARIABLE}, so it ends itself if this JVM dies
   * without ending it.
   */
  final class ChildJvm implements AbLauncher {

    /**
     * The window of the wait before a turn: an idle JVM uses 0.1-1 ms of CPU in 50 ms, one that compiles or
     * collects several.
     */
    static final long QUIET_WINDOW_MILLIS = 50;
    /**
     * The wait's bound: a JIT still compiling a side's warm-up after this long does not hold the rounds (each
     * side waited for its own JIT before it said it was ready).
     */
    static final long QUIET_MAX_MILLIS = 1_000;

    private final Path cacheDirectory;
    private final Map<Boolean, CapacityProbe> probes = new HashMap<>();
    private final QuietProcesses quiet = new QuietProcesses();

    /** @param cacheDirectory where the class-data archives live, or null to start the sides without one */
    ChildJvm(Path cacheDirectory) {
      this.cacheDirectory = cacheDirectory;
    }

    @Override
    public AbSection.Capacity probe(AbSide.Probe probe) throws InterruptedException {
      CapacityProbe kind = probes.computeIfAbsent(probe.otherProcesses(), BenchmarkSession::capacityProbe);
      return new AbSection.Capacity(kind.method(), probe.k(), kind.measure(probe.k()));
    }

    @Override
    public CpuAffinity affinity() {
      return CpuAffinity.probe();
    }

    /** Waits for this JVM, the sides' and the processes they started (a process pool's workers, members). */
    @Override
    public void quietBeforeTurn(List<Side> sides) {
      List<Long> pids = sides.stream().map(Side::pid).flatMap(pid -> ProcessHandle.of(pid).stream())
          .flatMap(side -> Stream.concat(Stream.of(side), side.descendants())).map(ProcessHandle::pid).toList();
      quiet.await(pids, QUIET_WINDOW_MILLIS, QUIET_MAX_MILLIS);
    }

    @Override
    public void close() {
      probes.values().forEach(CapacityProbe::close);
      probes.clear();
    }

    @Override
    public void prepare(AbSide side) {
      archiveOptions(java(side));
    }

    private List<String> archiveOptions(String java) {
      return ChildArchive.options(java, jvmOptions(java), System.getProperty("java.class.path"), cacheDirectory);
    }

    /**
     * This JVM's options for the side's java, less or plus what only some JDKs take: the launcher gives a JDK
     * 23+ --sun-misc-unsafe-memory-access=allow, which a --java-a of JDK 17 would refuse.
     */
    private static List<String> jvmOptions(String java) {
      return JdkFlags.forJava(ManagementFactory.getRuntimeMXBean().getInputArguments(), JdkFlags.featureOf(java));
    }

    private static String java(AbSide side) {
      return side.java() != null ? side.java() : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public Side start(AbSide side) throws IOException {
      Path output = Files.createTempFile("concbench-ab-", ".json");
      Files.delete(output); // a free name: the child writes it atomically, or nothing
      List<String> command = new ArrayList<>();
      command.add(java(side));
      List<String> archive = archiveOptions(java(side));
      command.addAll(archive);
      command.addAll(jvmOptions(java(side)));
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ConfirmationJvm.MAIN);
      command.addAll(side.runArguments());
      command.addAll(List.of(WALL_MEDIANS_OPTION, output.toString(), READY_GATE_OPTION, "--quiet"));
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> environment = builder.environment();
      // Their options are among this JVM's input arguments already.
      ConfirmationJvm.JVM_OPTION_VARIABLES.forEach(environment::remove);
      environment.put(ParentLiveness.VARIABLE, Long.toString(ProcessHandle.current().pid()));
      if (archive.isEmpty()) {
        environment.remove(EnvironmentProbe.ADDED_JVM_OPTION_VARIABLE);
      } else {
        environment.put(EnvironmentProbe.ADDED_JVM_OPTION_VARIABLE, archive.get(0));
      }
      Process process = builder.start();
      StderrTail tail = new StderrTail(process.getErrorStream());
      BlockingQueue<String> idle = idleOn(process.getInputStream());
      return new Side() {
        private boolean timedAll;

        @Override
        public boolean awaitIdle(long millis) throws InterruptedException {
          String word = idle.poll(millis, TimeUnit.MILLISECONDS);
          if (word == null) {
            return false;
          }
          timedAll |= !word.equals(READY);
          return true;
        }

        @Override
        public boolean timedAll() {
          return timedAll;
        }

        @Override
        public long pid() {
          return process.pid();
        }

        @Override
        public void holdTo(List<Integer> cpus) {
          CpuAffinity.hold(process.toHandle(), cpus);
        }

        @Override
        public void go() {
          try {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.flush();
          } catch (IOException e) {
            // it has ended: its exit status and stderr say why
          }
        }

        @Override
        public boolean waitFor(long millis) throws InterruptedException {
          return process.waitFor(millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public double wallMs() {
          try {
            int status = process.exitValue();
            if (!Files.exists(output)) {
              throw new IllegalStateException(side.name() + "'s run ended with exit status " + status
                  + " and wrote no report" + tail.text());
            }
            return figure(readWallMedians(output));
          } catch (IOException e) {
            throw new IllegalStateException(side.name() + "'s run wrote figures that cannot be read: "
                + e.getMessage());
          } finally {
            deleteQuietly(output);
          }
        }

        @Override
        public void stop() {
          process.destroy();
          try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
              process.destroyForcibly();
              process.waitFor(5, TimeUnit.SECONDS);
            }
          } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
          } finally {
            deleteQuietly(output);
          }
        }
      };
    }

    /**
     * What the side says on its stdout as it becomes idle: {@link #READY} and {@link #DONE} as they come, then
     * {@link #ENDED} when its stdout ends (the side ended). Reads on to the end, so that the side never blocks
     * on a full pipe (the JVM itself may log there).
     */
    private static BlockingQueue<String> idleOn(InputStream stdout) {
      BlockingQueue<String> idle = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.equals(READY) || line.equals(DONE)) {
              idle.add(line);
            }
          }
        } catch (IOException e) {
          // the side is gone
        } finally {
          idle.add(ENDED);
        }
      }, "concbench-ab-stdout");
      reader.setDaemon(true);
      reader.start();
      return idle;
    }

    /** Not a word a side says: its stdout has ended. */
    private static final String ENDED = "";

    private static void deleteQuietly(Path file) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is no reason to fail
      }
    }
  }

  /** The last lines of a child's stderr, read as it goes so that the child never blocks on a full pipe. */
  final class StderrTail {
    private static final int KEEP = 2000;
    private final StringBuilder text = new StringBuilder();

    StderrTail(InputStream in) {
      Thread reader = new Thread(() -> {
        byte[] buffer = new byte[4096];
        try (in) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            synchronized (text) {
              text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
              if (text.length() > 2 * KEEP) {
                text.delete(0, text.length() - KEEP);
              }
            }
          }
        } catch (IOException e) {
          // the child is gone
        }
      }, "concbench-ab-stderr");
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      synchronized (text) {
        String tail = text.length() > KEEP ? text.substring(text.length() - KEEP) : text.toString();
        return tail.isBlank() ? "" : ": " + tail.strip().replace('\n', ' ');
      }
    }
  }
}

import java.io.File;
import java.util.Arrays;
import java.util.List;

/**
 * The floor of what a JVM pays to run a command: ProcessBuilder.start() and waitFor() in a loop, nothing
 * else, the way concbench's command workload starts each task (stdin from /dev/null, output discarded).
 * Usage: java SpawnFloor.java N COMMAND [ARG...]; prints the mean milliseconds per command after 50 warm-ups.
 */
public class SpawnFloor {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    List<String> command = Arrays.asList(args).subList(1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    for (int i = 0; i < 50; i++) {
      builder.start().waitFor();
    }
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      builder.start().waitFor();
    }
    System.out.printf(java.util.Locale.ROOT, "%.3f%n", (System.nanoTime() - start) / 1e6 / n);
  }
}

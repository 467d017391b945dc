package io.concbench.capacity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The probe for the process executors: k separate JVMs run the probe kernel together, against one of them
 * alone, as the workers of a process pool would. The JVMs start once (on the first probe) and stay for
 * later probes, so a probe costs about 2 × 120 ms, not a JVM start; {@link #close} ends them, and they end
 * by themselves if concbench goes away.
 */
public final class ProcessCapacityProbe implements CapacityProbe {

  private record Prober(Process process, DataOutputStream go, DataInputStream times) {}

  private final List<Prober> probers = new ArrayList<>();

  @Override
  public String method() {
    return "processes";
  }

  @Override
  public double measure(int k) throws InterruptedException {
    try {
      while (probers.size() < k) {
        probers.add(start());
      }
      long alone = run(List.of(probers.get(0)))[0];
      long[] together = run(probers.subList(0, k));
      if (CapacityMath.aloneWasDisturbed(alone, together)) {
        alone = Math.min(alone, run(List.of(probers.get(0)))[0]);
      }
      return CapacityMath.capacity(k, alone, together);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("capacity probe process failed: " + e.getMessage(), e);
    }
  }

  /** Tells every prober to go, then collects each one's time. */
  private static long[] run(List<Prober> chosen) throws IOException {
    for (Prober p : chosen) {
      p.go().writeByte(1);
      p.go().flush();
    }
    long[] times = new long[chosen.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = chosen.get(i).times().readLong();
    }
    return times;
  }

  private static Prober start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx32m", "-cp",
        System.getProperty("java.class.path"), ProbeMain.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Prober prober = new Prober(process, new DataOutputStream(process.getOutputStream()),
        new DataInputStream(process.getInputStream()));
    prober.times().readLong(); // ready: the kernel is compiled
    return prober;
  }

  @Override
  public void close() {
    for (Prober p : probers) {
      try {
        p.go().close(); // the prober ends when its stdin ends
      } catch (IOException e) {
        // already gone
      }
    }
    for (Prober p : probers) {
      try {
        if (!p.process().waitFor(5, TimeUnit.SECONDS)) {
          p.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    probers.clear();
  }
}

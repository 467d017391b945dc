/**
 * One fresh JVM's figure for the cpu workload's loop, with nothing of concbench: 16 tasks of sum(i*i) over
 * n, sliced as the workload slices it, a warm-up run (as --warmup 1), then three timed runs, printed in ms
 * on one line. Run many fresh JVMs in a row to see the fork-to-fork spread (docs/ab.md), e.g.
 * {@code javac -d /tmp/fn scripts/lib/ForkNoise.java; for i in $(seq 10); do java -cp /tmp/fn ForkNoise 30000000; done}
 * (compiled once, not launched from source: the source launcher's compilation would run in the timed JVM).
 */
public class ForkNoise {
  static long slice(long from, long to) {
    long t = 0;
    for (long i = from; i < to; i++) {
      t += i * i;
    }
    return t;
  }

  static long sliced(long n, long len) {
    long t = 0;
    for (long f = 0; f < n; f += len) {
      t += slice(f, Math.min(n, f + len));
    }
    return t;
  }

  static long set(long n) {
    long t = 0;
    for (int k = 0; k < 16; k++) {
      t += sliced(n, 1 << 16);
    }
    return t;
  }

  public static void main(String[] args) {
    long n = Long.parseLong(args.length > 0 ? args[0] : "150000000");
    long sink = 0;
    for (int i = 0; i < 200; i++) {
      sink += sliced(8 * 512, 512); // the workload's own kernel warm-up, roughly
    }
    sink += set(n); // the warm-up run
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < 3; r++) {
      long t0 = System.nanoTime();
      sink += set(n);
      out.append(String.format(java.util.Locale.ROOT, "%.1f ", (System.nanoTime() - t0) / 1e6));
    }
    System.out.println(out.toString().trim() + (sink == 42 ? "!" : "")); // the sink keeps the loops alive
  }
}

package io.concbench.capacity;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.BrokenBarrierException;

/**
 * Runs a fixed, allocation-free compute kernel on one thread, then on k threads released together, and
 * compares. About 2 × 120 ms per probe on the reference machine.
 */
public final class ThreadCapacityProbe implements CapacityProbe {

  /**
   * Iterations of the kernel: about 120 ms on the reference machine once compiled. Long enough for the
   * scheduler to spread the copies over the cores: with 40 ms, two threads woken together often shared
   * one core next to another busy process, and the probe read 1.05 where a pool got 1.3.
   */
  static final long ITERATIONS = 360_000_000L;

  private volatile long sink;
  private boolean warmed;

  @Override
  public String method() {
    return "threads";
  }

  @Override
  public double measure(int k) throws InterruptedException {
    warmUp();
    long alone = timeKernel();
    long[] together = new long[k];
    CyclicBarrier start = new CyclicBarrier(k);
    Thread[] threads = new Thread[k];
    for (int i = 0; i < k; i++) {
      int slot = i;
      threads[i] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException | BrokenBarrierException e) {
          Thread.currentThread().interrupt();
          return;
        }
        together[slot] = timeKernel();
      }, "concbench-capacity-probe");
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    for (long t : together) {
      if (t <= 0) {
        throw new InterruptedException("capacity probe interrupted");
      }
    }
    return CapacityMath.capacity(k, alone, together);
  }

  private long timeKernel() {
    long start = System.nanoTime();
    sink += kernel(ITERATIONS);
    return System.nanoTime() - start;
  }

  /** The same loop as the cpu workload: integer multiply-add, no memory traffic, no allocation. */
  static long kernel(long iterations) {
    long total = 0;
    for (long i = 0; i < iterations; i++) {
      total += i * i;
    }
    return total;
  }

  /** Compiles the kernel before the first measurement, so that alone and together run the same code. */
  private void warmUp() {
    if (!warmed) {
      for (int i = 0; i < 20_000; i++) {
        sink += kernel(2_000);
      }
      sink += kernel(ITERATIONS);
      warmed = true;
    }
  }
}

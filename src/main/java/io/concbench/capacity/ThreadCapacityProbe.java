package io.concbench.capacity;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Runs the probe kernel on one thread, then on k threads released together, and compares. About 2 × 120 ms
 * per probe on the reference machine. The probe for in-process executors.
 */
public final class ThreadCapacityProbe implements CapacityProbe {

  private final ProbeKernel kernel = new ProbeKernel();

  @Override
  public String method() {
    return "threads";
  }

  @Override
  public double measure(int k) throws InterruptedException {
    kernel.warmUp();
    long alone = kernel.time();
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
        together[slot] = kernel.time();
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
    if (CapacityMath.aloneWasDisturbed(alone, together)) {
      alone = Math.min(alone, kernel.time());
    }
    return CapacityMath.capacity(k, alone, together);
  }
}

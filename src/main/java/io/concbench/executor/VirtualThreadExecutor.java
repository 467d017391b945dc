package io.concbench.executor;

/** One virtual thread per task (JDK 21+): blocking waits park the virtual thread, not a platform thread. */
final class VirtualThreadExecutor extends ThreadPerTaskExecutor {

  VirtualThreadExecutor() {
    super(VirtualThreads.factory().orElseThrow(() -> new IllegalStateException("virtual threads "
        + VirtualThreads.unavailableReason().orElse("could not be reached through Thread.ofVirtual()"))));
  }
}

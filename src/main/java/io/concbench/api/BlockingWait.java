package io.concbench.api;

/**
 * A wait for something outside this process, such as a child process or a socket, that uses none of its CPU
 * while it waits: what {@link TaskContext#blocking} runs.
 *
 * @param <T> what the wait returns
 */
@FunctionalInterface
public interface BlockingWait<T> {

  /**
   * Waits and returns. It must end with {@link InterruptedException} when its thread is interrupted: that is
   * how a cancelled run (Ctrl-C) stops it.
   */
  T await() throws InterruptedException;
}

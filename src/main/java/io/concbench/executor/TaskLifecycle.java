package io.concbench.executor;

/** A decorated context that must act when a task starts and ends (the simulated GIL takes its lock). */
public interface TaskLifecycle {

  void enterTask();

  void exitTask();
}

package io.concbench.api;

/**
 * Thrown by a task that failed in a way it can describe better than an exception's class and message: a
 * child process that exited with a status, or ran over its time. The run goes on; the report's
 * {@code failures[]} shows the task with these details. Any other exception a task throws is reported with its
 * class and message.
 */
public class TaskFailedException extends RuntimeException {

  private final Integer exitStatus;
  private final long pid;
  private final boolean timedOut;
  private final String stderrTail;

  /**
   * @param reason one line: what happened ("exit status 1")
   * @param exitStatus the failed process's exit status, or null if there was none
   * @param pid the failed process's id, or -1 if there was none
   * @param timedOut true if the task was stopped because it ran over its time
   * @param stderrTail the last lines the process wrote to its standard error, or null
   */
  public TaskFailedException(String reason, Integer exitStatus, long pid, boolean timedOut, String stderrTail) {
    super(reason, null, false, false); // a result to report, not a bug to trace
    this.exitStatus = exitStatus;
    this.pid = pid;
    this.timedOut = timedOut;
    this.stderrTail = stderrTail;
  }

  public Integer exitStatus() {
    return exitStatus;
  }

  public long pid() {
    return pid;
  }

  public boolean timedOut() {
    return timedOut;
  }

  public String stderrTail() {
    return stderrTail;
  }
}

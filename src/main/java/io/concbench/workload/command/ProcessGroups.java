package io.concbench.workload.command;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Puts each command in a process group of its own and makes sure that no group outlives concbench, even when
 * concbench is killed with SIGKILL and runs no code at all.
 *
 * <p>Each command starts under {@code setsid}, so the command and whatever it starts form a new session and
 * process group, out of reach of the terminal's Ctrl-C (concbench stops them itself) and killable as one. The
 * groups are killed by a watchdog: a small {@code sh} started once, which reads "+ PGID" (a group started) and
 * "x PGID" (kill it and forget it) from a pipe, and when the pipe ends, which is when concbench ends however
 * it ends, kills every group still listed. Java cannot signal a process group itself; the shell's built-in
 * {@code kill} can, without starting a process. The watchdog ignores SIGINT, SIGTERM and SIGHUP: a Ctrl-C
 * reaches it with concbench, and it must outlive concbench to do its work.
 *
 * <p>A group is listed only once its command has started, so a concbench killed in between would leave it
 * behind; and a command may leave its group. So every command also carries {@value #MARK} in its
 * environment, with a value of this JVM's own, which its children inherit: at the end the watchdog also
 * kills every process whose environment holds it, and its group.
 */
final class ProcessGroups {

  /** The environment variable that marks a command, and all it starts, as this JVM's. */
  static final String MARK = "CONCBENCH_COMMAND_OF";
  private static final String SETSID = findSetsid();
  /** This JVM's value of {@link #MARK}: its pid and start time, so a later JVM with the same pid differs. */
  static final String OWNER = ProcessHandle.current().pid() + "-"
      + ProcessHandle.current().info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("0");
  static final String WATCHDOG_SCRIPT = "trap '' INT TERM HUP\n"
      + "g=' '\n"
      + "while read -r op id; do\n"
      + "  case $op in\n"
      + "    +) g=\"$g$id \" ;;\n"
      + "    x) kill -9 -$id 2>/dev/null\n"
      + "       case $g in *\" $id \"*) g=\"${g%% $id *} ${g#* $id }\" ;; esac ;;\n"
      + "  esac\n"
      + "done\n"
      + "for id in $g; do kill -9 -$id 2>/dev/null; done\n"
      + "for f in $(grep -lzx \"$1\" /proc/[0-9]*/environ 2>/dev/null); do\n"
      + "  p=${f#/proc/}; p=${p%/environ}; kill -9 -$p $p 2>/dev/null\n"
      + "done\n";

  private static ProcessGroups instance;

  private final OutputStream lines;

  private ProcessGroups(OutputStream lines) {
    this.lines = lines;
  }

  /** True where commands can run in groups of their own: where there is a setsid. */
  static boolean available() {
    return SETSID != null;
  }

  /** The words that start {@code argv} in a new process group. */
  static List<String> inNewGroup(List<String> argv) {
    if (SETSID == null) {
      return argv;
    }
    String[] words = new String[argv.size() + 1];
    words[0] = SETSID;
    for (int i = 0; i < argv.size(); i++) {
      words[i + 1] = argv.get(i);
    }
    return List.of(words);
  }

  /** The watchdog of this JVM, started on first use; empty without setsid (no groups to watch). */
  static synchronized Optional<ProcessGroups> watchdog() throws IOException {
    if (SETSID == null) {
      return Optional.empty();
    }
    if (instance == null) {
      Process shell = new ProcessBuilder("/bin/sh", "-c", WATCHDOG_SCRIPT, "watchdog", MARK + "=" + OWNER)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      instance = new ProcessGroups(shell.getOutputStream());
    }
    return Optional.of(instance);
  }

  /** A group that started: killed if concbench ends before {@link #kill} is called for it. */
  void started(long pgid) throws IOException {
    send("+ " + pgid + "\n");
  }

  /** Kills the group, whatever is left of it, and forgets it. */
  void kill(long pgid) throws IOException {
    send("x " + pgid + "\n");
  }

  private synchronized void send(String line) throws IOException {
    lines.write(line.getBytes(StandardCharsets.US_ASCII));
    lines.flush();
  }

  private static String findSetsid() {
    for (String path : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
      File file = new File(path);
      if (file.canExecute()) {
        return path;
      }
    }
    return null;
  }
}

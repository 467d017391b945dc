package io.concbench.cli;

import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.CpuClock;
import io.concbench.result.ReportFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs concbench in-process with captured output, a fixed environment and no signal handlers. */
final class CommandRunner {

  record Outcome(int status, String out, String err) {}

  private CommandRunner() {}

  static Outcome run(String... args) {
    return run(new Cancellation(), args);
  }

  static Outcome run(Cancellation cancellation, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Services services = new Services(Clock.SYSTEM, CpuClock.system(), ReportFixtures::environment, cancellation,
        false, false);
    int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err), services);
    return new Outcome(status, out.toString(), err.toString());
  }
}

package io.concbench;

import io.concbench.cli.Cli;
import io.concbench.cli.DirectAnswers;
import io.concbench.cli.Services;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The command-line entry point: the only place that calls {@code System.exit}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    // Direct answers first: they must not pay for building the services or the command model.
    int direct = DirectAnswers.answer(args, out);
    System.exit(direct != DirectAnswers.NOT_DIRECT ? direct : Cli.run(args, out, err, Services.system()));
  }
}

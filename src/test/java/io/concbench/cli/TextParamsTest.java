package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.BenchmarkPlan;
import io.concbench.workload.TinyWorkload;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A comma in a {@code --param} value separates values to sweep only where the parameter is a number, a
 * duration or a size: a text parameter (a command line, a file name) takes the value whole, in run and matrix.
 */
class TextParamsTest {

  /** A workload with a text parameter, as a user's command workload would have, and an integer one. */
  static final class CommandLineWorkload implements Workload {
    @Override
    public String name() {
      return "command";
    }

    @Override
    public String description() {
      return "runs a command line (test fake: returns the line's length)";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(ParamSpec.text("cmd", "true", 200, "the command line"),
          ParamSpec.integer("repeat", "", 1, 1, 10, "times per task"));
    }

    @Override
    public int defaultTasks() {
      return 4;
    }

    @Override
    public TaskKernel bind(ParamValues values) {
      long length = values.text("cmd").length();
      return new TaskKernel() {
        @Override
        public long run(int index, TaskContext context) {
          return length;
        }

        @Override
        public boolean verify(int index, long result) {
          return result == length;
        }
      };
    }
  }

  @Test
  void runTakesATextValueWithCommasWhole() {
    RunCommand run = parsed(new RunCommand(null), "--param", "cmd=sort -t, -k2,2 data.csv");

    BenchmarkPlan plan = Plans.run(run.selection, run.measurement, run.process);

    assertThat(cases(plan)).extracting(c -> c.params().text("cmd")).containsOnly("sort -t, -k2,2 data.csv");
  }

  @Test
  void runStillRefusesAListOfNumbers() {
    RunCommand run = parsed(new RunCommand(null), "--param", "cmd=a,b", "--param", "repeat=1,2");

    assertThatThrownBy(() -> Plans.run(run.selection, run.measurement, run.process))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for --param repeat: '1,2' (run takes one value; sweep a list with "
            + "'concbench matrix')");
  }

  @Test
  void matrixSweepsTheNumbersAndKeepsTheTextWhole() {
    MatrixCommand matrix = parsed(new MatrixCommand(null), "--param", "cmd=echo a,b", "--param", "repeat=1,3");

    BenchmarkPlan plan = Plans.matrix(matrix.selection, matrix.measurement, matrix.process);

    assertThat(cases(plan)).extracting(c -> c.params().toString())
        .containsExactly("cmd=echo a,b repeat=1", "cmd=echo a,b repeat=3");
  }

  @Test
  void aWorkloadThatDoesNotTakeTheTextParameterDoesNotMakeItAList() {
    RunCommand run = parsed(new RunCommand(null), "--param", "cmd=a,b");
    run.selection.workloads = List.of(new CommandLineWorkload(), new TinyWorkload());

    BenchmarkPlan plan = Plans.run(run.selection, run.measurement, run.process);

    assertThat(plan.groups()).hasSize(2);
    assertThat(plan.groups().get(0)).extracting(c -> c.params().text("cmd")).containsOnly("a,b");
  }

  /** The command with its options parsed, measuring the fake workload on the single executor. */
  private static <C> C parsed(C command, String... params) {
    String[] args = new String[params.length + 6];
    System.arraycopy(new String[] {"--workload", "tiny", "--executor", "single", "--baseline", "none"}, 0, args, 0,
        6);
    System.arraycopy(params, 0, args, 6, params.length);
    new CommandLine(command).parseArgs(args);
    SelectionOptions selection =
        command instanceof RunCommand r ? r.selection : ((MatrixCommand) command).selection;
    selection.workloads = List.of(new CommandLineWorkload());
    return command;
  }

  private static List<BenchmarkCase> cases(BenchmarkPlan plan) {
    return plan.groups().stream().flatMap(List::stream).toList();
  }
}

package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.report.JsonReport;
import io.concbench.result.SchemaValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exit status 1 when the run finished but a task failed, end to end: a real worker JVM with a 20 MiB heap
 * dies of OutOfMemoryError on a 16 MiB payload, every time, so its task fails after its retries.
 */
class RunFailureExitTest {

  @Test
  @Timeout(120)
  void aFailedTaskMakesTheExitStatusOneAndIsDescribedInTheReport() throws Exception {
    Outcome outcome = CommandRunner.run("run", "--workload", "tiny", "--executor", "process-pool", "--workers", "1",
        "--tasks", "1", "--chunksize", "1", "--payload-bytes", "16777216", "--jvm-arg=-Xmx20m", "--retries", "0",
        "--runs", "1", "--warmup", "0", "--baseline", "none", "--capacity", "off", "--format", "json");

    assertThat(outcome.status()).isEqualTo(ExitCodes.FAILED);
    SchemaValidation.assertValid(outcome.out());
    JsonNode result = JsonReport.mapper().readTree(outcome.out()).get("results").get(0);
    assertThat(result.get("failed_tasks").asLong()).isEqualTo(1);
    JsonNode failure = result.get("failures").get(0);
    assertThat(failure.get("exit_code").asInt()).isEqualTo(3);
    assertThat(failure.get("stderr_tail").asText()).contains("OutOfMemoryError");
    assertThat(outcome.err()).contains("1 task(s) failed");
  }
}

package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": a typo gets the name it misspells, another word gets none (issue 19: "pdf" got "bmf"). */
class NamesTest {

  private static final List<String> FORMATS = List.of("table", "json", "markdown", "csv", "html", "junit", "jmh",
      "bmf", "gab", "gab-bigger");

  @Test
  void aTypoGetsTheNameItMisspells() {
    assertThat(Names.closest("rn", List.of("run", "matrix", "compare", "report"))).contains("run");
    assertThat(Names.closest("singel", List.of("single", "thread-pool"))).contains("single");
    assertThat(Names.closest("jsn", FORMATS)).contains("json");
    assertThat(Names.closest("thread-pol", List.of("thread-pool", "thread-per-task"))).contains("thread-pool");
    assertThat(Names.closest("mark", FORMATS)).contains("markdown");
  }

  @Test
  void anotherWordGetsNoSuggestion() {
    assertThat(Names.closest("pdf", FORMATS)).isEmpty();
    assertThat(Names.closest("yaml", FORMATS)).isEmpty();
    assertThat(Names.closest("", List.of("cpu", "io"))).isEmpty();
  }

  @Test
  void aSwapOfNeighboursIsOneEdit() {
    assertThat(Names.distance("singel", "single")).isEqualTo(1);
    assertThat(Names.distance("pdf", "bmf")).isEqualTo(2);
    assertThat(Names.distance("", "io")).isEqualTo(2);
  }
}

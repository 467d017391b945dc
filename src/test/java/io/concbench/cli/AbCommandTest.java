package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.CpuClock;
import io.concbench.result.AbSection;
import io.concbench.result.ReportFixtures;
import io.concbench.result.SchemaValidation;
import io.concbench.system.CpuAffinity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concbench ab} with scripted sides: the rounds, the stopping, the verdict, the report and refusals. */
class AbCommandTest {

  @TempDir Path dir;

  /** Scripted sides: each start returns the next figure of its side; records what was started. */
  static class Scripted implements AbLauncher {
    final DoubleSupplier a;
    final DoubleSupplier b;
    final List<String> started = new ArrayList<>();
    final List<List<String>> arguments = new ArrayList<>();
    final List<AbSide.Probe> probed = new ArrayList<>();
    /** Starts, turns and ends of the sides, in order: "start -a", "go -b", "end -a", … */
    final List<String> events = new ArrayList<>();
    Runnable onStart = () -> {};
    /** Whether the wait before a turn is one of the {@link #events}, as "quiet". */
    boolean recordQuiet;
    CpuAffinity affinity = CpuAffinity.none("scripted sides");

    Scripted(DoubleSupplier a, DoubleSupplier b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public Side start(AbSide side) {
      started.add(side.name());
      events.add("start " + side.name());
      arguments.add(side.runArguments());
      onStart.run();
      double wall = side.name().equals("-a") ? a.getAsDouble() : b.getAsDouble();
      int turns = Integer.parseInt(side.runArguments().get(side.runArguments().indexOf("--runs") + 1));
      return new Side() {
        boolean ended;
        int taken;

        @Override
        public boolean timedAll() {
          return taken == turns;
        }

        @Override
        public void holdTo(List<Integer> cpus) {
          events.add("hold " + side.name() + " " + cpus);
        }

        @Override
        public void go() {
          if (taken == turns) {
            events.add("release " + side.name());
          } else {
            taken++;
            events.add("go " + side.name());
          }
        }

        @Override
        public boolean waitFor(long millis) {
          if (!ended) {
            ended = true;
            events.add("end " + side.name());
          }
          return true;
        }

        @Override
        public double wallMs() {
          return wall;
        }

        @Override
        public void stop() {}
      };
    }

    @Override
    public void quietBeforeTurn(List<Side> sides) {
      if (recordQuiet) {
        events.add("quiet " + sides.size());
      }
    }

    @Override
    public CpuAffinity affinity() {
      return affinity;
    }

    @Override
    public AbSection.Capacity probe(AbSide.Probe probe) {
      probed.add(probe);
      return new AbSection.Capacity(probe.otherProcesses() ? "processes" : "threads", probe.k(), 1.9);
    }
  }

  record Outcome(int status, String out, String err) {}

  private static Outcome run(AbLauncher launcher, Cancellation cancellation, String... args) {
    return run(launcher, cancellation, Clock.SYSTEM, args);
  }

  private static Outcome run(AbLauncher launcher, Cancellation cancellation, Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Services services = new Services(clock, CpuClock.system(), ReportFixtures::environment, cancellation,
        false, false);
    int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err), services, launcher);
    return new Outcome(status, out.toString(), err.toString());
  }

  private static DoubleSupplier noisy(long seed, double mean, double noise) {
    Random random = new Random(seed);
    return () -> mean * (1 + noise * random.nextGaussian());
  }

  @Test
  void aSlowerBIsARegressionOnceCertainAndExits1() throws Exception {
    Scripted launcher = new Scripted(noisy(1, 100, 0.01), noisy(2, 110, 0.01));
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single",
        "-a", "", "-b", "--tasks 50000", "--seed", "5", "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.FAILED);
    String json = Files.readString(output);
    SchemaValidation.assertValid(json);
    JsonNode ab = new ObjectMapper().readTree(json).get("ab");
    assertThat(ab.get("verdict").asText()).isEqualTo("regressed");
    assertThat(ab.get("stop_reason").asText()).isEqualTo("certain");
    // Ten per cent, one per cent noise: regressed at 99 % from round 8, settled once the 99.9 % interval
    // exists, at round 11 (the interim bound).
    assertThat(ab.get("rounds").size()).isEqualTo(11);
    assertThat(ab.get("interim_confidence").asDouble()).isEqualTo(0.999);
    assertThat(ab.get("ratio").asDouble()).isBetween(1.08, 1.12);
    assertThat(ab.get("ratio_ci_low").asDouble()).isGreaterThan(1);
    assertThat(ab.get("seed").asLong()).isEqualTo(5);
    assertThat(new ObjectMapper().readTree(json).get("complete").asBoolean()).isTrue();
    assertThat(outcome.out()).contains("verdict: regressed");
    assertThat(launcher.started).hasSize(22);
  }

  @Test
  void whenTimeIsUpTheLastLookKeepsThe99PerCentVerdict() throws Exception {
    long[] now = {0};
    Scripted launcher = new Scripted(noisy(1, 100, 0.01), noisy(2, 110, 0.01));
    launcher.onStart = () -> now[0] += 1_000_000_000L; // a second a side: two seconds a round
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, new Cancellation(), () -> now[0], "ab", "--workload", "tiny", "--executor",
        "single", "-a", "", "-b", "", "--seed", "5", "--max-time", "20s", "--output", output.toString());

    JsonNode ab = new ObjectMapper().readTree(Files.readString(output)).get("ab");
    // Regressed at 99 % from round 8 on, but not settled before round 11, which would end after 20 s.
    assertThat(ab.get("rounds").size()).isEqualTo(10);
    assertThat(ab.get("stop_reason").asText()).isEqualTo("max-time");
    assertThat(ab.get("verdict").asText()).isEqualTo("regressed");
    assertThat(outcome.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(outcome.err()).contains("; not settled until the 99.9% interval excludes 1 too");
  }

  @Test
  void abProbesTheCapacityOncePerRoundForSidesThatLeaveItToIt() throws Exception {
    Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a parallel case needs 2 cores");
    Scripted launcher = new Scripted(() -> 100, () -> 100);
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "cpu", "--executor", "thread-pool",
        "--workers", "2", "-a", "", "-b", "--param n=2000", "--rounds", "3", "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.OK);
    // One probe a round, not one in each side: both sides need the same one.
    assertThat(launcher.probed).containsExactly(new AbSide.Probe(false, 2), new AbSide.Probe(false, 2),
        new AbSide.Probe(false, 2));
    assertThat(launcher.arguments).allSatisfy(args -> assertThat(String.join(" ", args)).endsWith("--capacity off"));
    String json = Files.readString(output);
    SchemaValidation.assertValid(json);
    JsonNode round = new ObjectMapper().readTree(json).get("ab").get("rounds").get(0);
    assertThat(round.get("capacity").get(0).get("method").asText()).isEqualTo("threads");
    assertThat(round.get("capacity").get(0).get("k").asInt()).isEqualTo(2);
    assertThat(round.get("capacity").get(0).get("capacity").asDouble()).isEqualTo(1.9);
  }

  @Test
  void aSideThatGivesCapacityOrNeedsNoneIsNotProbedByAb() throws Exception {
    Scripted launcher = new Scripted(() -> 100, () -> 100);
    Path output = dir.resolve("ab.json");

    run(launcher, new Cancellation(), "ab", "--workload", "cpu", "--executor", "thread-pool", "--workers", "2",
        "--capacity", "auto", "-a", "", "-b", "", "--rounds", "2", "--output", output.toString());
    run(launcher, new Cancellation(), "ab", "--workload", "cpu", "--executor", "single", "-a", "", "-b", "",
        "--rounds", "2");

    assertThat(launcher.probed).isEmpty();
    assertThat(launcher.arguments).hasSize(8).noneSatisfy(args -> assertThat(args).contains("off"));
    JsonNode round = new ObjectMapper().readTree(Files.readString(output)).get("ab").get("rounds").get(0);
    assertThat(round.get("capacity")).isEmpty();
  }

  @Test
  void confirmKeepsARegressionThatTheConfirmingRoundsFindAgain() throws Exception {
    Scripted launcher = new Scripted(noisy(1, 100, 0.01), noisy(2, 110, 0.01));
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single",
        "-a", "", "-b", "", "--seed", "5", "--confirm", "10", "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.FAILED);
    String json = Files.readString(output);
    SchemaValidation.assertValid(json);
    JsonNode ab = new ObjectMapper().readTree(json).get("ab");
    assertThat(ab.get("verdict").asText()).isEqualTo("regressed");
    assertThat(ab.get("rounds").size()).isEqualTo(11);
    JsonNode confirmation = ab.get("confirmation");
    assertThat(confirmation.get("rounds_asked").asInt()).isEqualTo(10);
    assertThat(confirmation.get("rounds").size()).isEqualTo(10);
    assertThat(confirmation.get("rounds").get(0).get("round").asInt()).isEqualTo(1);
    assertThat(confirmation.get("verdict").asText()).isEqualTo("regressed");
    assertThat(confirmation.get("stop_reason").asText()).isEqualTo("rounds");
    assertThat(launcher.started).hasSize(2 * (11 + 10));
    assertThat(outcome.err()).contains("ab: regressed; confirming with 10 more rounds (--confirm 10)",
        "ab: confirming round 10 (");
    assertThat(outcome.out()).contains("c10", "verdict: regressed: ", "; confirming: regressed: ");
  }

  @Test
  void confirmTurnsARegressionTheConfirmingRoundsDoNotFindIntoNotReproduced() throws Exception {
    // B is 10 % slower in the first eleven rounds only (a change settles at round 11 at the earliest): a spell
    // of the host, not the code.
    int[] bRuns = {0};
    Scripted launcher = new Scripted(noisy(1, 100, 0.01), () -> (bRuns[0]++ < 11 ? 110 : 100) * 1.0);
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single",
        "-a", "", "-b", "", "--seed", "5", "--confirm", "8", "--output", output.toString(), "--format", "junit");

    assertThat(outcome.status()).isEqualTo(ExitCodes.OK);
    String json = Files.readString(output);
    SchemaValidation.assertValid(json);
    JsonNode ab = new ObjectMapper().readTree(json).get("ab");
    assertThat(ab.get("verdict").asText()).isEqualTo("not reproduced");
    assertThat(ab.get("ratio").asDouble()).isBetween(1.08, 1.12); // the first rounds' figures stay
    assertThat(ab.get("confirmation").get("verdict").asText()).isNotEqualTo("regressed");
    assertThat(outcome.out()).contains("<testsuite").doesNotContain("<failure");
    assertThat(outcome.err()).contains("ab: regressed, not reproduced: B/A 1.");
  }

  @Test
  void confirmRunsNothingMoreWithoutARegression() throws Exception {
    Scripted launcher = new Scripted(noisy(3, 100, 0.005), noisy(4, 100, 0.005));
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single",
        "-a", "", "-b", "", "--confirm", "8", "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.OK);
    JsonNode ab = new ObjectMapper().readTree(Files.readString(output)).get("ab");
    assertThat(ab.get("verdict").asText()).isEqualTo("no change");
    assertThat(ab.get("confirmation").isNull()).isTrue();
    assertThat(launcher.started).hasSize(2 * ab.get("rounds").size());
    assertThat(outcome.err()).doesNotContain("confirming");
  }

  @Test
  void aConfirmationInterruptedKeepsItsRoundsAndTheRegressionAsMeasured() throws Exception {
    Cancellation cancellation = new Cancellation();
    Scripted launcher = new Scripted(noisy(1, 100, 0.01), noisy(2, 110, 0.01));
    // Cancelled as the 29th side starts: eleven rounds, then three confirming ones; the fourth is dropped.
    launcher.onStart = () -> {
      if (launcher.started.size() == 29) {
        cancellation.cancel();
      }
    };
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, cancellation, "ab", "--workload", "tiny", "--executor", "single", "-a", "",
        "-b", "", "--confirm", "8", "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.INTERRUPTED);
    String json = Files.readString(output);
    SchemaValidation.assertValid(json);
    JsonNode report = new ObjectMapper().readTree(json);
    assertThat(report.get("complete").asBoolean()).isFalse();
    assertThat(report.get("ab").get("verdict").asText()).isEqualTo("regressed");
    assertThat(report.get("ab").get("confirmation").get("rounds").size()).isEqualTo(3);
    assertThat(report.get("ab").get("confirmation").get("stop_reason").asText()).isEqualTo("interrupted");
    assertThat(outcome.err()).contains("interrupted after 14 round(s)");
  }

  @Test
  void bothSidesStartTogetherAndTakeTurnsRunByRunTheOrderTurningEachTime() {
    Scripted launcher = new Scripted(() -> 100, () -> 100);

    run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "--runs", "3", "-a", "",
        "-b", "", "--rounds", "8", "--seed", "3");

    int perRound = 2 + 6 + 2 + 2; // two starts, three turns each, two releases, two ends
    assertThat(launcher.events).hasSize(8 * perRound);
    for (int round = 0; round < 8; round++) {
      List<String> events = launcher.events.subList(perRound * round, perRound * (round + 1));
      String first = events.get(0).substring("start ".length());
      String second = first.equals("-a") ? "-b" : "-a";
      assertThat(events).containsExactly("start " + first, "start " + second, "go " + first, "go " + second,
          "go " + second, "go " + first, "go " + first, "go " + second, "release " + first,
          "release " + second, "end " + first, "end " + second);
    }
  }

  @Test
  void everyTurnWaitsForAbsOwnJvmToGoQuietFirstButTheSidesEndingsDoNot() {
    Scripted launcher = new Scripted(() -> 100, () -> 100);
    launcher.recordQuiet = true;

    run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "--runs", "2", "-a", "",
        "-b", "", "--rounds", "8", "--seed", "3");

    int perRound = 2 + 2 * 4 + 2 + 2; // two starts, two turns each with its wait, two releases, two ends
    assertThat(launcher.events).hasSize(8 * perRound);
    for (int round = 0; round < 8; round++) {
      List<String> events = launcher.events.subList(perRound * round, perRound * (round + 1));
      String first = events.get(0).substring("start ".length());
      String second = first.equals("-a") ? "-b" : "-a";
      assertThat(events).containsExactly("start " + first, "start " + second, "quiet 2", "go " + first, "quiet 2",
          "go " + second, "quiet 2", "go " + second, "quiet 2", "go " + first, "release " + first,
          "release " + second, "end " + first, "end " + second);
    }
  }

  @Test
  void aDuetsSidesWaitForAbsJvmOnceATurnAfterTheirCpusAreSwapped() {
    Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a duet needs 2 cores");
    Scripted launcher = new Scripted(() -> 100, () -> 100);
    launcher.affinity = CpuAffinity.of(List.of(0, 1));
    launcher.recordQuiet = true;

    run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "-a", "", "-b", "",
        "--rounds", "8", "--duet", "--seed", "5");

    for (int round = 0; round < 8; round++) {
      List<String> events = launcher.events.subList(16 * round, 16 * round + 16);
      assertThat(events.get(4)).isEqualTo("quiet 2");
      assertThat(events.get(5)).startsWith("go");
      assertThat(events.get(6)).startsWith("go");
      assertThat(events.get(9)).isEqualTo("quiet 2");
      assertThat(events.get(10)).startsWith("go");
      assertThat(events.get(11)).startsWith("go");
      assertThat(events.subList(12, 16)).noneMatch(e -> e.startsWith("quiet"));
    }
  }

  @Test
  void singleThreadedSidesAreHeldToTheSameRandomCpuEachRoundOnceWarmedUp() throws Exception {
    Scripted launcher = new Scripted(() -> 100, () -> 100);
    launcher.affinity = CpuAffinity.of(List.of(0, 1));
    Path output = dir.resolve("ab.json");

    run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "-a", "", "-b", "",
        "--rounds", "12", "--seed", "4", "--output", output.toString());

    List<String> holds = launcher.events.stream().filter(e -> e.startsWith("hold")).toList();
    assertThat(holds).hasSize(24);
    for (int round = 0; round < 12; round++) {
      List<String> events = launcher.events.subList(10 * round, 10 * round + 10);
      assertThat(events.get(2)).startsWith("hold");
      assertThat(events.get(3)).startsWith("hold").endsWith(events.get(2).substring("hold -a ".length()));
      assertThat(events.get(4)).startsWith("go");
    }
    assertThat(holds).anyMatch(e -> e.endsWith("[0]")).anyMatch(e -> e.endsWith("[1]"));
    JsonNode rounds = new ObjectMapper().readTree(Files.readString(output)).get("ab").get("rounds");
    assertThat(rounds.get(0).get("cpus").size()).isEqualTo(1);
  }

  @Test
  void sidesThatKeepEveryCpuBusyOrWithPinOffAreLeftToTheScheduler() throws Exception {
    for (String[] options : List.of(new String[] {"--executor", "thread-pool", "--workers", "2"},
        new String[] {"--executor", "single", "--pin", "off"}, new String[] {"--executor", "single", "--duet",
            "--pin", "off"})) {
      Scripted launcher = new Scripted(() -> 100, () -> 100);
      launcher.affinity = CpuAffinity.of(List.of(0, 1));
      Path output = dir.resolve("free.json");
      List<String> args = new ArrayList<>(List.of("ab", "--workload", "tiny", "-a", "", "-b", "", "--rounds", "8",
          "--output", output.toString()));
      args.addAll(List.of(options));

      Outcome outcome = run(launcher, new Cancellation(), args.toArray(String[]::new));

      assertThat(outcome.status()).as(String.join(" ", options)).isZero();
      assertThat(launcher.events).noneMatch(e -> e.startsWith("hold"));
      assertThat(new ObjectMapper().readTree(Files.readString(output)).get("ab").get("rounds").get(0).get("cpus")
          .isNull()).isTrue();
    }
  }

  @Test
  void aDuetHoldsEachSideToCpusOfItsOwnSwappedAtEveryTurnTwoTurnsBeingItsDefault() {
    Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a duet needs 2 cores");
    Scripted launcher = new Scripted(() -> 100, () -> 100);
    launcher.affinity = CpuAffinity.of(List.of(0, 1));

    run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "-a", "", "-b", "",
        "--rounds", "8", "--duet", "--seed", "5");

    int perRound = 14;
    assertThat(launcher.events).hasSize(8 * perRound);
    for (int round = 0; round < 8; round++) {
      List<String> events = launcher.events.subList(perRound * round, perRound * (round + 1));
      String first = events.get(0).substring("start ".length());
      String second = first.equals("-a") ? "-b" : "-a";
      String mine = events.get(2).substring(("hold " + first + " ").length());
      String other = mine.equals("[0]") ? "[1]" : "[0]";
      assertThat(events).containsExactly("start " + first, "start " + second, "hold " + first + " " + mine,
          "hold " + second + " " + other, "go " + first, "go " + second, "hold " + first + " " + other,
          "hold " + second + " " + mine, "go " + second, "go " + first, "release " + first, "release " + second,
          "end " + first, "end " + second);
    }
  }

  @Test
  void aPinThatIsNeitherAutoNorOffIsRefused() {
    Scripted launcher = new Scripted(() -> 100, () -> 100);

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "-a",
        "", "-b", "", "--pin", "always");

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.err()).contains("--pin").contains("'always'").doesNotContain("Exception");
    assertThat(launcher.started).isEmpty();
  }

  @Test
  void aSideWithMoreRunsTakesItsLastTurnsAlone() {
    Scripted launcher = new Scripted(() -> 100, () -> 100);

    run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "-a", "--runs 1",
        "-b", "--runs 2", "--rounds", "1", "--seed", "3");

    assertThat(launcher.events).filteredOn(e -> e.startsWith("go ")).hasSize(3)
        .filteredOn(e -> e.equals("go -b")).hasSize(2);
    assertThat(launcher.events).endsWith("end -a", "end -b");
  }

  @Test
  void aDuetLetsBothSidesGoAtOnce() {
    Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "a duet needs 2 cores");
    Scripted launcher = new Scripted(() -> 100, () -> 100);

    run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "--runs", "3", "-a", "",
        "-b", "", "--rounds", "8", "--duet");

    int perRound = 12;
    for (int round = 0; round < 8; round++) {
      assertThat(launcher.events.subList(perRound * round, perRound * (round + 1))).extracting(e -> e.split(" ")[0])
          .containsExactly("start", "start", "go", "go", "go", "go", "go", "go", "release", "release", "end",
              "end");
    }
  }

  @Test
  void theOrderIsRandomPerRoundAndFollowsTheSeed() throws Exception {
    Scripted first = new Scripted(() -> 100, () -> 100);
    Scripted second = new Scripted(() -> 100, () -> 100);
    run(first, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "-a", "", "-b", "",
        "--rounds", "12", "--seed", "9");
    run(second, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single", "-a", "", "-b", "",
        "--rounds", "12", "--seed", "9");

    assertThat(first.started).isEqualTo(second.started).hasSize(24);
    List<String> firsts = new ArrayList<>();
    for (int i = 0; i < 24; i += 2) {
      firsts.add(first.started.get(i));
    }
    assertThat(firsts).contains("-a", "-b");
  }

  @Test
  void identicalSidesAreNoChangeAndAutoStopsAsSoonAsThatIsCertain() {
    Scripted launcher = new Scripted(noisy(3, 100, 0.005), noisy(4, 100, 0.005));

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single",
        "-a", "", "-b", "", "--format", "json");

    assertThat(outcome.status()).isEqualTo(ExitCodes.OK);
    assertThat(outcome.out()).contains("\"verdict\" : \"no change\"", "\"stop_reason\" : \"certain\"");
  }

  @Test
  void fixedRoundsRunExactlyThatManyAndSaySo() {
    Scripted launcher = new Scripted(noisy(3, 100, 0.2), noisy(4, 100, 0.2));

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single",
        "-a", "", "-b", "", "--rounds", "3", "--format", "markdown");

    assertThat(outcome.status()).isEqualTo(ExitCodes.OK);
    assertThat(launcher.started).hasSize(6);
    assertThat(outcome.out()).contains("### concbench ab: inconclusive", "| 3 |", "stopped: rounds");
  }

  @Test
  void interruptedRoundsAreKeptWithCompleteFalseAndExit130() throws Exception {
    Cancellation cancellation = new Cancellation();
    Scripted launcher = new Scripted(() -> 100, () -> 101);
    // Cancelled as the 7th side starts: three whole rounds are done, the fourth is dropped.
    launcher.onStart = () -> {
      if (launcher.started.size() == 7) {
        cancellation.cancel();
      }
    };
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, cancellation, "ab", "--workload", "tiny", "--executor", "single", "-a", "",
        "-b", "", "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.INTERRUPTED);
    JsonNode report = new ObjectMapper().readTree(Files.readString(output));
    SchemaValidation.assertValid(Files.readString(output));
    assertThat(report.get("complete").asBoolean()).isFalse();
    assertThat(report.get("ab").get("rounds").size()).isEqualTo(3);
    assertThat(report.get("ab").get("stop_reason").asText()).isEqualTo("interrupted");
  }

  @Test
  void htmlIsOnePageWithEveryRound() {
    Scripted launcher = new Scripted(noisy(1, 100, 0.01), noisy(2, 120, 0.01));

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single",
        "-a", "", "-b", "", "--format", "html");

    assertThat(outcome.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(outcome.out()).startsWith("<!DOCTYPE html>").contains("<title>concbench ab: regressed</title>",
        "<svg", "round 11").endsWith("</html>\n");
    assertThat(outcome.out().split("<circle ", -1)).hasSize(11 + 1);
  }

  @Test
  void ctrlCWhileTheSidesArePreparedStartsNoSideAndKeepsAnEmptyIncompleteReport() throws Exception {
    Cancellation cancellation = new Cancellation();
    Scripted launcher = new Scripted(() -> 100, () -> 100) {
      @Override
      public void prepare(AbSide side) {
        cancellation.cancel();
      }
    };
    Path output = dir.resolve("ab.json");

    Outcome outcome = run(launcher, cancellation, "ab", "--workload", "tiny", "--executor", "single", "-a", "",
        "-b", "", "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(launcher.started).isEmpty();
    JsonNode report = new ObjectMapper().readTree(Files.readString(output));
    assertThat(report.get("complete").asBoolean()).isFalse();
    assertThat(report.get("ab").get("rounds").size()).isZero();
    assertThat(report.get("ab").get("stop_reason").asText()).isEqualTo("interrupted");
  }

  @Test
  void junitFailsTheCaseOnARegression() {
    Scripted launcher = new Scripted(noisy(1, 100, 0.01), noisy(2, 120, 0.01));

    Outcome outcome = run(launcher, new Cancellation(), "ab", "--workload", "tiny", "--executor", "single",
        "-a", "", "-b", "", "--format", "junit");

    assertThat(outcome.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(outcome.out()).contains("<testsuite", "<failure");
  }

  @Test
  void badInputIsOneLineNamingTheSideAndTheValueWithNothingRun() {
    int cores = Runtime.getRuntime().availableProcessors();
    List<List<String>> cases = List.of(
        List.of("--workload", "cpu", "--executor", "single", "-a", "--workers 0", "-b", "", "-a: '--workers 0'"),
        List.of("--workload", "cpu", "--executor", "single", "-a", "", "-b", "--param nope=1", "-b: '--param nope=1'"),
        List.of("--workload", "cpu", "--executor", "single", "-a", "", "-b", "--output x.json", "-b: '--output x.json'"),
        List.of("--workload", "cpu", "--executor", "thread-pool", "--workers", Integer.toString(cores), "--duet",
            "-a", "", "-b", "", "--duet"),
        List.of("--workload", "cpu", "--executor", "single", "-a", "", "-b", "", "--rounds", "0", "--rounds: '0'"),
        List.of("--workload", "cpu", "--executor", "single", "-a", "", "-b", "", "--java-a", "/bin/true",
            "--java-a: '/bin/true' (not a JVM"),
        List.of("--workload", "cpu", "--executor", "single", "-a", "", "-b", "", "--min-rounds", "5",
            "--min-rounds: '5'"),
        List.of("--workload", "cpu", "--executor", "single", "-a", "", "-b", "", "--format", "csv",
            "--format: 'csv' (expected one of table, markdown, json, junit, html)"),
        List.of("--workload", "cpu", "--executor", "single", "-a", "", "-b", "", "--confirm", "5",
            "--confirm: '5' (must be between --min-rounds (8)"),
        List.of("--workload", "cpu", "--executor", "single", "-a", "", "-b", "", "--min-rounds", "12",
            "--confirm", "10", "--confirm: '10'"),
        List.of("--workload", "cpu", "--executor", "single,thread-pool", "-a", "", "-b", "--executor single",
            "different numbers of cases"));
    for (List<String> c : cases) {
      Scripted launcher = new Scripted(() -> 1, () -> 1);
      List<String> args = new ArrayList<>(List.of("ab"));
      args.addAll(c.subList(0, c.size() - 1));
      Path output = dir.resolve("never.json");
      args.addAll(List.of("--output", output.toString()));

      Outcome outcome = run(launcher, new Cancellation(), args.toArray(String[]::new));

      assertThat(outcome.status()).as(String.join(" ", c)).isEqualTo(ExitCodes.USAGE);
      assertThat(outcome.err().lines().toList()).as(outcome.err()).hasSize(1);
      assertThat(outcome.err()).contains(c.get(c.size() - 1)).doesNotContain("Exception");
      assertThat(outcome.out()).isEmpty();
      assertThat(launcher.started).isEmpty();
      assertThat(Files.exists(output)).isFalse();
    }
  }
}

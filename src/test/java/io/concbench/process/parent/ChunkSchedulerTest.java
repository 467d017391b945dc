package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.concbench.executor.ProcessSettings;
import io.concbench.executor.TaskFailure;
import io.concbench.process.wire.Frame;
import io.concbench.process.wire.FrameCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The scheduler alone: fake workers, a fake clock, no process, no thread. Each test plays what a driver
 * would see (chunks sent, results, starts, deaths) and checks what becomes of every task.
 */
class ChunkSchedulerTest {

  private static final long MS = 1_000_000;

  private long now = 1_000 * MS;
  private int wakes;
  private int nextPid = 100;

  @Test
  void tasksAreSplitIntoCPythonsDefaultChunksOrIntoTheGivenSize() {
    ChunkScheduler<FakeLink> byDefault = scheduler(pool(0, 0, 1, 0, 0), 100);
    WorkerSlot<FakeLink> worker = byDefault.attach(new FakeLink());
    List<Integer> sizes = new ArrayList<>();
    while (byDefault.hasPending()) {
      for (Chunk chunk : send(byDefault, worker)) {
        sizes.add(chunk.indices().length);
        reply(byDefault, worker, chunk, 1_000_000);
      }
    }
    // ceil(100 / (4 × 2 workers)) = 13
    assertThat(sizes).containsExactly(13, 13, 13, 13, 13, 13, 13, 9);

    ChunkScheduler<FakeLink> bySize = scheduler(pool(30, 0, 1, 0, 0), 100);
    assertThat(send(bySize, bySize.attach(new FakeLink()))).extracting(c -> c.indices().length).containsExactly(30, 30);
  }

  @Test
  void atARateTasksGoOneByOneOnlyOnceReleasedAndTheirHandOverIsReported() {
    ChunkScheduler<FakeLink> scheduler = new ChunkScheduler<>(pool(0, 0, 1, 0, 0), () -> now, () -> wakes++);
    Map<Integer, Long> dispatched = new java.util.TreeMap<>();
    RecordingBatch paced = new RecordingBatch(10, index -> {}) {
      @Override
      public void dispatched(int index, long nanos) {
        dispatched.put(index, nanos);
      }
    };
    scheduler.beginPaced(10, paced);
    WorkerSlot<FakeLink> worker = scheduler.attach(new FakeLink());

    assertThat(scheduler.hasPending()).isTrue();
    assertThat(scheduler.hasReleased()).isFalse();
    assertThat(send(scheduler, worker)).as("nothing released yet").isEmpty();

    scheduler.releaseUpTo(1);
    List<Chunk> first = send(scheduler, worker);
    assertThat(first).extracting(c -> c.indices().length).containsExactly(1);
    now += 3 * MS;
    scheduler.releaseUpTo(5);
    // One in flight at most, however many are released: a task sent ahead would wait in the busy
    // worker's pipe, its queueing counted as service.
    assertThat(send(scheduler, worker)).as("the worker is busy").isEmpty();
    reply(scheduler, worker, first.get(0), 5_000);
    List<Chunk> next = send(scheduler, worker);
    assertThat(next).hasSize(1).noneMatch(Chunk::mayHold); // never held back in the worker
    reply(scheduler, worker, next.get(0), 5_000);
    for (int round = 0; round < 10; round++) {
      for (Chunk chunk : send(scheduler, worker)) {
        assertThat(chunk.mayHold()).isFalse(); // quick chunks too: each task's end is its latency's end
        reply(scheduler, worker, chunk, 5_000);
      }
    }

    assertThat(dispatched).containsOnlyKeys(0, 1, 2, 3, 4);
    assertThat(dispatched.get(0)).isEqualTo(1_000 * MS);
    assertThat(dispatched.get(1)).isEqualTo(1_003 * MS);
    assertThat(scheduler.hasReleased()).isFalse();
    scheduler.releaseUpTo(10);
    assertThat(scheduler.hasReleased()).isTrue();
  }

  @Test
  void aWorkerHasTwoChunksInFlightAndUpTo32OnceItsChunksAreQuick() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(1, 0, 1, 0, 0), 1000);
    WorkerSlot<FakeLink> worker = scheduler.attach(new FakeLink());

    List<Chunk> first = send(scheduler, worker);
    assertThat(first).hasSize(WorkerSlot.CHUNKS_IN_FLIGHT).noneMatch(Chunk::mayHold);
    assertThat(send(scheduler, worker)).as("no room until a reply").isEmpty();

    assertThat(reply(scheduler, worker, first.get(0), 5_000)).isEqualTo(ChunkScheduler.Next.SEND);
    List<Chunk> quick = send(scheduler, worker);
    assertThat(quick).hasSize(WorkerSlot.QUICK_CHUNKS_IN_FLIGHT - 1).allMatch(Chunk::mayHold);

    reply(scheduler, worker, first.get(1), 30_000);
    for (Chunk chunk : quick) {
      reply(scheduler, worker, chunk, 30_000); // slow again: back to two
    }
    assertThat(send(scheduler, worker)).hasSize(WorkerSlot.CHUNKS_IN_FLIGHT).noneMatch(Chunk::mayHold);
  }

  @Test
  void aClusterMemberAtChunksize1HasAtMost32ChunksInFlightGoingMostly16ToASubmission() {
    ProcessSettings settings = new ProcessSettings(null, List.of(), 1, 0, 0, 1, 0);
    ChunkScheduler<FakeLink> scheduler = scheduler(SchedulePolicy.cluster(2, settings), 1000);
    WorkerSlot<FakeLink> member = scheduler.attach(new FakeLink());

    List<List<Chunk>> first = MemberLink.submissions(send(scheduler, member));
    assertThat(first).as("not known to be quick yet: one chunk a submission")
        .hasSize(WorkerSlot.CHUNKS_IN_FLIGHT).allSatisfy(chunks -> assertThat(chunks).hasSize(1));
    ArrayDeque<List<Chunk>> submitted = new ArrayDeque<>(first);
    int submissions = first.size();
    int mostInFlight = 0;
    while (!submitted.isEmpty()) {
      List<Chunk> submission = submitted.poll();
      for (int i = 0; i < submission.size(); i++) { // one reply for the submission, split again
        reply(scheduler, member, submission.get(i), 1_000, i < submission.size() - 1);
      }
      while (MemberLink.roomForASubmission(member)) { // as the run fills a member
        List<Chunk> chunks = scheduler.take(member, true, MemberLink.CHUNKS_PER_SUBMISSION);
        scheduler.written(member);
        if (chunks.isEmpty()) {
          break;
        }
        assertThat(chunks).hasSizeLessThanOrEqualTo(MemberLink.CHUNKS_PER_SUBMISSION);
        submitted.addAll(MemberLink.submissions(chunks));
        submissions++;
      }
      mostInFlight = Math.max(mostInFlight, member.inFlight.size());
      assertThat(member.inFlight).hasSizeLessThanOrEqualTo(WorkerSlot.QUICK_CHUNKS_IN_FLIGHT);
    }

    assertThat(scheduler.finished()).isTrue();
    assertThat(batch.failures()).isEmpty();
    assertThat(mostInFlight).isEqualTo(WorkerSlot.QUICK_CHUNKS_IN_FLIGHT);
    assertThat(submissions).as("two chunks alone, then 998 in submissions of 16").isEqualTo(2 + 63);
  }

  @Test
  void onlyChunksThatMayBeHeldShareASubmission() {
    Chunk held1 = new Chunk(1, new int[] {1}, 0, 30, true);
    Chunk held2 = new Chunk(2, new int[] {2, 3}, 0, 30, true);
    Chunk alone = new Chunk(3, new int[] {4}, 0, 30, false);
    Chunk held3 = new Chunk(4, new int[] {5}, 0, 30, true);

    List<List<Chunk>> submissions = MemberLink.submissions(List.of(held1, held2, alone, held3));

    assertThat(submissions).containsExactly(List.of(held1, held2), List.of(alone), List.of(held3));
    assertThat(MemberLink.indices(submissions.get(0))).containsExactly(1, 2, 3);
  }

  @Test
  void aReaderThreadIsGivenOnlyChunksWhoseWriteCannotBlockAndWakesTheDispatcherForTheRest() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(1, 0, 1, 0, 4096), 10);
    WorkerSlot<FakeLink> worker = scheduler.attach(new FakeLink());
    assertThat(FrameCodec.tasksFrameBytes(1, 4096)).isGreaterThan(WorkerSlot.DIRECT_WRITE_BYTES);

    assertThat(scheduler.take(worker, false)).isEmpty();
    assertThat(wakes).isEqualTo(1);
    assertThat(send(scheduler, worker)).hasSize(2);
  }

  @Test
  void theRunningTaskIsTriedAgainUpToRetriesThenFailsWithExitCodeAndStderr() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(1, 0, 1, 0, 0), 3);

    WorkerSlot<FakeLink> first = scheduler.attach(new FakeLink());
    assertThat(indices(send(scheduler, first))).containsExactly(0, 1);
    die(scheduler, first, 137, "killed");
    assertThat(batch.failures()).as("task 0 has one retry left").isEmpty();
    assertThat(scheduler.nextReplacement()).isTrue();

    WorkerSlot<FakeLink> second = scheduler.attach(new FakeLink());
    List<Chunk> again = send(scheduler, second);
    assertThat(again).extracting(Chunk::indices).as("the tasks back from the dead worker go first, as one chunk")
        .containsExactly(new int[] {0, 1}, new int[] {2});
    die(scheduler, second, 3, "java.lang.OutOfMemoryError: Java heap space");

    assertThat(batch.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.task()).isZero();
      assertThat(failure.reason()).isEqualTo("worker died: worker's output ended (the process died)");
      assertThat(failure.workerPid()).isEqualTo(second.link().pid());
      assertThat(failure.exitCode()).isEqualTo(3);
      assertThat(failure.timedOut()).isFalse();
      assertThat(failure.stderrTail()).contains("OutOfMemoryError");
    });
    WorkerSlot<FakeLink> third = scheduler.attach(new FakeLink());
    runToTheEnd(scheduler, third);
    assertThat(batch.completions.get(1)).as("task 1 had a retry left").isEqualTo(1);
    assertThat(batch.completions.get(2)).isEqualTo(1);
    assertThat(scheduler.finished()).isTrue();
  }

  @Test
  void chunksNotYetStartedGoBackUntouched() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(2, 0, 1, 0, 0), 4);

    WorkerSlot<FakeLink> first = scheduler.attach(new FakeLink());
    assertThat(send(scheduler, first)).extracting(Chunk::indices).containsExactly(new int[] {0, 1}, new int[] {2, 3});
    die(scheduler, first, 137, "");

    // Back as one chunk, in order: the running chunk's tasks counted a try, the waiting chunk's did not.
    WorkerSlot<FakeLink> second = scheduler.attach(new FakeLink());
    assertThat(send(scheduler, second)).extracting(Chunk::indices).containsExactly(new int[] {0, 1, 2, 3});
    die(scheduler, second, 137, "");

    assertThat(batch.failures()).extracting(TaskFailure::task).containsExactly(0, 1);
    runToTheEnd(scheduler, scheduler.attach(new FakeLink()));
    assertThat(batch.completions.get(2)).isEqualTo(1);
    assertThat(batch.completions.get(3)).isEqualTo(1);
  }

  @Test
  void chunksALiveWorkerBouncedGoBackWithoutATryAndItKeepsWorking() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(2, 0, 0, 0, 0), 6); // --retries 0: a try would fail
    WorkerSlot<FakeLink> member = scheduler.attach(new FakeLink());
    WorkerSlot<FakeLink> other = scheduler.attach(new FakeLink());
    List<Chunk> sent = send(scheduler, member);
    assertThat(sent).extracting(Chunk::indices).containsExactly(new int[] {0, 1}, new int[] {2, 3});
    int wakesBefore = wakes;

    assertThat(scheduler.bounced(member, sent)).isEqualTo(4);

    assertThat(member.inFlight).isEmpty();
    assertThat(wakes).isGreaterThan(wakesBefore);
    assertThat(scheduler.liveWorkers()).contains(member);
    assertThat(scheduler.bounced(member, sent)).as("settled already").isZero();
    // Back at the head of the queue, before the tasks never sent; either worker may take them.
    assertThat(send(scheduler, other)).extracting(Chunk::indices).first().isEqualTo(new int[] {0, 1, 2, 3});
    runToTheEnd(scheduler, other);
    runToTheEnd(scheduler, member);
    assertThat(batch.failures()).isEmpty();
    for (int i = 0; i < 6; i++) {
      assertThat(batch.completions.get(i)).as("task " + i).isEqualTo(1);
    }
  }

  @Test
  void withResultsHeldBackNoTaskCountsATryAndTheyComeBackAsChunksThatAreNotHeld() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(1, 0, 0, 0, 0), 40); // --retries 0
    WorkerSlot<FakeLink> first = scheduler.attach(new FakeLink());
    List<Chunk> sent = send(scheduler, first);
    reply(scheduler, first, sent.get(0), 1_000); // quick: the next chunks may be held
    List<Chunk> held = send(scheduler, first);
    assertThat(held).isNotEmpty().allMatch(Chunk::mayHold);
    reply(scheduler, first, sent.get(1), 1_000); // the first chunk in flight is now one that may be held

    die(scheduler, first, 137, "");

    assertThat(batch.failures()).as("which task was running is not known").isEmpty();
    WorkerSlot<FakeLink> second = scheduler.attach(new FakeLink());
    List<Chunk> again = send(scheduler, second);
    assertThat(again.get(0).mayHold()).isFalse();
    assertThat(again.get(0).indices()).startsWith(2, 3);

    die(scheduler, second, 137, ""); // now the running chunk is known: with no retries, its tasks fail

    assertThat(batch.failures()).extracting(TaskFailure::task).containsExactlyElementsOf(
        Arrays.stream(again.get(0).indices()).boxed().toList());
  }

  @Test
  void aTaskOverItsTimeoutKillsItsWorkerFailsAsTimedOutAndTheRestGoBack() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(2, 0, 1, 300 * MS, 0), 6);
    WorkerSlot<FakeLink> worker = scheduler.attach(new FakeLink());
    send(scheduler, worker);
    scheduler.pollNanos(now); // the dispatcher sleeps 100 ms
    int wakesBefore = wakes;

    scheduler.started(worker, 0, now);
    assertThat(wakes).as("a deadline 300 ms away does not wake a dispatcher due in 100 ms").isEqualTo(wakesBefore);
    now += 200 * MS;
    scheduler.expireOverdue(now);
    assertThat(worker.link().killed).isFalse();
    assertThat(scheduler.pollNanos(now)).isEqualTo(100 * MS);
    now += 101 * MS;
    scheduler.expireOverdue(now);
    assertThat(worker.link().killed).isTrue();
    die(scheduler, worker, 137, "");

    assertThat(batch.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.task()).isZero();
      assertThat(failure.timedOut()).isTrue();
      assertThat(failure.reason()).isEqualTo("ran over --task-timeout of 300 ms");
      assertThat(failure.exitCode()).isEqualTo(137);
    });
    WorkerSlot<FakeLink> next = scheduler.attach(new FakeLink());
    assertThat(indices(send(scheduler, next))).as("not tried again; its chunk's other task is").startsWith(1, 2, 3);
    runToTheEnd(scheduler, next);
    assertThat(IntStream.range(1, 6).map(batch.completions::get)).containsOnly(1);
  }

  @Test
  void aTaskStartingWithADeadlineBeforeTheDispatcherLooksWakesIt() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(1, 0, 1, 50 * MS, 0), 2);
    WorkerSlot<FakeLink> worker = scheduler.attach(new FakeLink());
    send(scheduler, worker);
    assertThat(scheduler.pollNanos(now)).isEqualTo(TaskDeadlines.IDLE_POLL_NANOS);
    int wakesBefore = wakes;

    scheduler.started(worker, 0, now);

    assertThat(wakes).isEqualTo(wakesBefore + 1);
    assertThat(scheduler.pollNanos(now + 10 * MS)).isEqualTo(40 * MS);
    assertThat(scheduler.pollNanos(now + 60 * MS)).as("overdue: look now").isZero();
  }

  @Test
  void aWorkerIsRetiredAfterMaxTasksPerChildAndReplaced() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(1, 3, 1, 0, 0), 5);
    WorkerSlot<FakeLink> first = scheduler.attach(new FakeLink());

    List<Chunk> sent = new ArrayList<>(send(scheduler, first));
    assertThat(reply(scheduler, first, sent.get(0), 30_000)).isEqualTo(ChunkScheduler.Next.SEND);
    sent.addAll(send(scheduler, first));
    assertThat(indices(sent)).containsExactly(0, 1, 2);
    assertThat(reply(scheduler, first, sent.get(1), 30_000)).isEqualTo(ChunkScheduler.Next.SEND);
    assertThat(send(scheduler, first)).as("three tasks is its share").isEmpty();
    assertThat(scheduler.nextReplacement()).isFalse();

    assertThat(reply(scheduler, first, sent.get(2), 30_000)).isEqualTo(ChunkScheduler.Next.RETIRE);

    assertThat(first.leaving()).isTrue();
    assertThat(scheduler.liveWorkers()).isEmpty();
    assertThat(scheduler.gone(first)).as("its end is expected, not a death").isFalse();
    assertThat(scheduler.nextReplacement()).isTrue();
    WorkerSlot<FakeLink> second = scheduler.attach(new FakeLink());
    assertThat(scheduler.nextReplacement()).as("asked once").isFalse();
    runToTheEnd(scheduler, second);
    assertThat(second.leaving()).isFalse();
    assertThat(scheduler.nextReplacement()).as("no work left for a replacement").isFalse();
    assertThat(batch.failures()).isEmpty();
    assertThat(IntStream.range(0, 5).map(batch.completions::get)).containsOnly(1);
  }

  @Test
  void whenNoWorkerCanBeStartedEveryPendingTaskFails() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(2, 0, 1, 0, 0), 6);
    WorkerSlot<FakeLink> survivor = scheduler.attach(new FakeLink());
    WorkerSlot<FakeLink> doomed = scheduler.attach(new FakeLink());
    send(scheduler, survivor);
    send(scheduler, doomed);
    die(scheduler, doomed, 1, "");
    assertThat(scheduler.nextReplacement()).isTrue();

    scheduler.noWorkerStarted("no worker could be started: java: not found");
    assertThat(batch.failures()).as("one worker is left to run them").isEmpty();

    scheduler.gone(survivor);
    scheduler.died(survivor, "worker's output ended (the process died)", 1, "");
    assertThat(scheduler.nextReplacement()).isTrue();
    scheduler.noWorkerStarted("no worker could be started: java: not found");

    assertThat(batch.failures()).extracting(TaskFailure::task).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    assertThat(batch.failures()).allSatisfy(failure -> {
      assertThat(failure.reason()).isEqualTo("no worker could be started: java: not found");
      assertThat(failure.workerPid()).isEqualTo(-1);
      assertThat(failure.timedOut()).isFalse();
    });
    assertThat(scheduler.finished()).isTrue();
    assertThat(scheduler.nextReplacement()).isFalse();
  }

  @Test
  void aCancelledBatchHandsOutNothingAndReportsNoMoreDeathsOrResults() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(1, 0, 0, 0, 0), 10);
    WorkerSlot<FakeLink> worker = scheduler.attach(new FakeLink());
    List<Chunk> sent = send(scheduler, worker);

    scheduler.cancel();

    assertThat(scheduler.hasPending()).isFalse();
    assertThat(scheduler.take(worker, true)).isEmpty();
    assertThat(scheduler.nextReplacement()).isFalse();
    assertThat(reply(scheduler, worker, sent.get(0), 1_000)).isEqualTo(ChunkScheduler.Next.NOTHING);
    assertThat(scheduler.gone(worker)).isFalse();
    assertThat(batch.failures()).isEmpty();
    assertThat(batch.completions.get(0)).isZero();
  }

  @Test
  void anOutcomeThatThrewOrCarriesAnotherTasksPayloadFails() {
    ChunkScheduler<FakeLink> scheduler = scheduler(pool(3, 0, 1, 0, 8), 3);
    WorkerSlot<FakeLink> worker = scheduler.attach(new FakeLink());
    Chunk chunk = send(scheduler, worker).get(0);
    byte[][] payloads = {payload(0, 8), payload(0, 8), payload(2, 8)};
    List<Frame.TaskOutcome> outcomes = List.of(new Frame.TaskOutcome(0, 0, 10, "java.lang.ArithmeticException"),
        new Frame.TaskOutcome(1, 1, 10, null), new Frame.TaskOutcome(2, 2, 10, null));

    scheduler.replied(worker, new Frame.Results(chunk.id(), 0, now, false, outcomes, payloads), now, now);

    assertThat(batch.failures()).extracting(TaskFailure::task, TaskFailure::reason).containsExactly(
        tuple(0, "threw in the worker: java.lang.ArithmeticException"),
        tuple(1, "result payload belongs to another task"));
    assertThat(batch.completions.get(2)).isEqualTo(1);
    assertThat(scheduler.ledger().tasksCompleted()).isEqualTo(1);
    assertThat(scheduler.ledger().computeNanos()).isEqualTo(10);
  }

  @Test
  void forkGivesEachChildOneTaskWhichThenLeaves() {
    ChunkScheduler<FakeLink> scheduler = scheduler(SchedulePolicy.fork(settings(1, 0)), 3);
    WorkerSlot<FakeLink> child = scheduler.attach(new FakeLink());

    List<Chunk> claimed = send(scheduler, child);

    assertThat(claimed).extracting(Chunk::indices).containsExactly(new int[] {0});
    assertThat(send(scheduler, child)).as("one task per child").isEmpty();
    assertThat(reply(scheduler, child, claimed.get(0), 1_000)).isEqualTo(ChunkScheduler.Next.RETIRE);
    assertThat(scheduler.liveWorkers()).isEmpty();
  }

  @Test
  void aForkChildThatDiesBeforeItsTaskIsSentCountsATryAndTheTaskFailsAfterItsRetries() {
    ChunkScheduler<FakeLink> scheduler = scheduler(SchedulePolicy.fork(settings(1, 0)), 2);

    WorkerSlot<FakeLink> first = scheduler.attach(new FakeLink());
    send(scheduler, first);
    die(scheduler, first, 7, "no such JVM today"); // its handshake never came
    WorkerSlot<FakeLink> second = scheduler.attach(new FakeLink());
    assertThat(indices(send(scheduler, second))).as("the same task, in a new child").containsExactly(0);
    die(scheduler, second, 7, "no such JVM today");

    assertThat(batch.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.task()).isZero();
      assertThat(failure.reason()).isEqualTo("child died: worker's output ended (the process died)");
      assertThat(failure.exitCode()).isEqualTo(7);
    });
    assertThat(indices(send(scheduler, scheduler.attach(new FakeLink())))).containsExactly(1);
  }

  @Test
  void aForkChildThatCannotBeSpawnedFailsItsTaskAtOnce() {
    ChunkScheduler<FakeLink> scheduler = scheduler(SchedulePolicy.fork(settings(3, 0)), 2);
    WorkerSlot<FakeLink> child = scheduler.attach(new FakeLink());
    send(scheduler, child);

    scheduler.couldNotStart(child, "could not start a JVM: Cannot run program \"/no/java\"");

    assertThat(batch.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.task()).isZero();
      assertThat(failure.reason()).isEqualTo("could not start a JVM: Cannot run program \"/no/java\"");
      assertThat(failure.workerPid()).isEqualTo(-1);
      assertThat(failure.exitCode()).isNull();
    });
    assertThat(scheduler.liveWorkers()).isEmpty();
    assertThat(indices(send(scheduler, scheduler.attach(new FakeLink())))).as("the next task").containsExactly(1);
  }

  @Test
  void aForkChildOverItsTimeoutIsKilledAndItsTaskFailsAsTimedOut() {
    ChunkScheduler<FakeLink> scheduler = scheduler(SchedulePolicy.fork(settings(1, 500 * MS)), 1);
    WorkerSlot<FakeLink> child = scheduler.attach(new FakeLink());
    Chunk chunk = send(scheduler, child).get(0);
    scheduler.started(child, 0, chunk.sentNanos()); // fork's driver: from the send

    now += 501 * MS;
    scheduler.expireOverdue(now);
    die(scheduler, child, 137, "");

    assertThat(child.link().killed).isTrue();
    assertThat(batch.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.timedOut()).isTrue();
      assertThat(failure.reason()).isEqualTo("ran over --task-timeout of 500 ms");
    });
    assertThat(scheduler.finished()).isTrue();
  }

  // --- a driver's part, played by the test ---

  private static ProcessSettings settings(int retries, long timeoutNanos) {
    return new ProcessSettings(null, List.of(), 0, 0, 0, retries, timeoutNanos);
  }

  private RecordingBatch batch;

  private ChunkScheduler<FakeLink> scheduler(SchedulePolicy policy, int tasks) {
    ChunkScheduler<FakeLink> scheduler = new ChunkScheduler<>(policy, () -> now, () -> wakes++);
    batch = new RecordingBatch(tasks, index -> {});
    scheduler.begin(tasks, batch);
    return scheduler;
  }

  /** Two workers' pool with these settings. */
  private static SchedulePolicy pool(int chunksize, int maxTasksPerChild, int retries, long timeoutNanos,
      int payloadBytes) {
    return new SchedulePolicy(chunksize, 2, maxTasksPerChild, retries, timeoutNanos, payloadBytes, "worker");
  }

  /** What the dispatcher sends a worker now. */
  private static List<Chunk> send(ChunkScheduler<FakeLink> scheduler, WorkerSlot<FakeLink> worker) {
    List<Chunk> chunks = scheduler.take(worker, true);
    worker.link().sent.addAll(chunks);
    scheduler.written(worker);
    return chunks;
  }

  /** The worker's reply to a chunk, every task done in {@code chunkNanos} in all. */
  private ChunkScheduler.Next reply(ChunkScheduler<FakeLink> scheduler, WorkerSlot<FakeLink> worker, Chunk chunk,
      long chunkNanos) {
    return reply(scheduler, worker, chunk, chunkNanos, false);
  }

  /** The same, {@code more} results following in the same write (or reply). */
  private ChunkScheduler.Next reply(ChunkScheduler<FakeLink> scheduler, WorkerSlot<FakeLink> worker, Chunk chunk,
      long chunkNanos, boolean more) {
    List<Frame.TaskOutcome> outcomes = new ArrayList<>();
    int payloadBytes = (int) (chunk.frameBytes() - FrameCodec.tasksFrameBytes(chunk.indices().length, 0))
        / chunk.indices().length;
    byte[][] payloads = new byte[payloadBytes == 0 ? 0 : chunk.indices().length][];
    for (int i = 0; i < chunk.indices().length; i++) {
      int index = chunk.indices()[i];
      outcomes.add(new Frame.TaskOutcome(index, index, chunkNanos / chunk.indices().length, null));
      if (payloadBytes > 0) {
        payloads[i] = payload(index, payloadBytes);
      }
    }
    return scheduler.replied(worker, new Frame.Results(chunk.id(), 0, now, more, outcomes, payloads), now, now);
  }

  /** Answers what the worker has in flight, then sends and answers until nothing is left for it. */
  private void runToTheEnd(ChunkScheduler<FakeLink> scheduler, WorkerSlot<FakeLink> worker) {
    List<Chunk> chunks = worker.inFlight.isEmpty() ? send(scheduler, worker) : new ArrayList<>(worker.inFlight);
    while (!chunks.isEmpty()) {
      for (Chunk chunk : chunks) {
        reply(scheduler, worker, chunk, 30_000);
      }
      chunks = send(scheduler, worker);
    }
  }

  /** The worker's output ends: its driver reports it gone, with what the OS says. */
  private static void die(ChunkScheduler<FakeLink> scheduler, WorkerSlot<FakeLink> worker, int exitCode,
      String stderr) {
    if (scheduler.gone(worker)) {
      scheduler.died(worker, "worker's output ended (the process died)", exitCode, stderr);
    }
  }

  private static List<Integer> indices(List<Chunk> chunks) {
    return chunks.stream().flatMapToInt(c -> Arrays.stream(c.indices())).boxed().toList();
  }

  /** A reply's payload as a worker makes it: the task's byte, inverted. */
  private static byte[] payload(int index, int size) {
    byte[] payload = new byte[size];
    Arrays.fill(payload, (byte) ~(byte) index);
    return payload;
  }

  private final class FakeLink implements WorkerLink {
    final long pid = nextPid++;
    final List<Chunk> sent = new ArrayList<>();
    boolean killed;

    @Override
    public long pid() {
      return pid;
    }

    @Override
    public void send(List<Chunk> chunks) {
      sent.addAll(chunks);
    }

    @Override
    public void kill() {
      killed = true;
    }
  }
}

package io.concbench.process.parent;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.IExecutorService;
import io.concbench.process.member.ChunkReply;
import io.concbench.process.member.ChunkTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * A cluster member as a {@link WorkerLink}: each chunk becomes a {@link ChunkTask} submitted to this member
 * only ({@code submitToMember}: Hazelcast's own {@code submit} picks a member at random, and re-runs or
 * drops a dead member's tasks behind concbench's back). Sending does not block: the reply comes to a
 * callback on one of the client's threads.
 *
 * <p>Chunks the scheduler lets the member hold back ({@link Chunk#mayHold}: quick ones, no --task-timeout)
 * travel several to a submission, as a pool worker's frames go several to a write: one {@code ChunkTask}
 * with their indices one after the other, answered by one reply that the run splits again. Each submission is
 * a Hazelcast invocation and a round trip of its own, with its operation and its reply; with --chunksize 1
 * they, not the tasks, were the cost (135 µs a task, submissions one chunk each).
 */
final class MemberLink implements WorkerLink {

  /**
   * Chunks to one submission, at most: half the quick chunks a member may have in flight, so that while it
   * runs one submission the next is already there.
   */
  static final int CHUNKS_PER_SUBMISSION = WorkerSlot.QUICK_CHUNKS_IN_FLIGHT / 2;

  /**
   * Whether the member is sent more now, a submission at most at a time: not while it still has over half
   * its quick chunks to run, so that freed room gathers into whole submissions (sending whatever one reply
   * freed kept a submission of one chunk going round for good: three submissions every 32 chunks).
   */
  static boolean roomForASubmission(WorkerSlot<?> slot) {
    return slot.inFlight.size() <= WorkerSlot.QUICK_CHUNKS_IN_FLIGHT - CHUNKS_PER_SUBMISSION;
  }

  /** Where a submission's reply or failure goes. */
  interface Replies {
    /** {@code reply} holds the outcomes of {@code chunks}' tasks, in order. */
    void replied(MemberLink link, List<Chunk> chunks, long sentNanos, ChunkReply reply);

    void failed(MemberLink link, List<Chunk> chunks, Throwable failure);
  }

  private final int index;
  private final IExecutorService executor;
  private final Member member;
  private final LocalMember process;
  private final String workload;
  private final Map<String, String> params;
  private final Replies replies;
  private final boolean reportStarts;
  volatile WorkerSlot<MemberLink> slot;
  /** Submissions failed since its last reply while it ran on (guarded by the run's lock). */
  int failuresInARow;

  /** @param index its place among the run's members, in the order they were started or listed */
  MemberLink(int index, IExecutorService executor, Member member, LocalMember process, String workload,
      Map<String, String> params, boolean reportStarts, Replies replies) {
    this.index = index;
    this.reportStarts = reportStarts;
    this.executor = executor;
    this.member = member;
    this.process = process;
    this.workload = workload;
    this.params = params;
    this.replies = replies;
  }

  /** Its place among the run's members (a member lost before it was linked has a place but no link). */
  int index() {
    return index;
  }

  Member member() {
    return member;
  }

  /** The local member's process, or null for a remote member. */
  LocalMember process() {
    return process;
  }

  /** The member's process id, or -1 for a remote member (not a process of this machine). */
  @Override
  public long pid() {
    return process == null ? -1 : process.pid();
  }

  @Override
  public void send(List<Chunk> chunks) {
    for (List<Chunk> submission : submissions(chunks)) {
      long sent = System.nanoTime();
      Future<ChunkReply> reply = executor.submitToMember(
          new ChunkTask(workload, params, indices(submission), false, reportStarts), member);
      // Hazelcast's client futures are CompletableFutures. whenComplete runs the callback on the thread that
      // completes the future (the client's response thread): no hand-off to another thread per chunk. The
      // ExecutionCallback variant hands it to the common fork-join pool, which on 2 CPUs has parallelism 1,
      // and Hazelcast then starts a thread per completion: measured 3.6 ms a task.
      ((CompletionStage<ChunkReply>) reply).whenComplete(new Callback(submission, sent));
    }
  }

  /**
   * Chunks grouped as they are submitted, in order: consecutive chunks that may be held back together, up
   * to {@link #CHUNKS_PER_SUBMISSION}; any other chunk alone.
   */
  static List<List<Chunk>> submissions(List<Chunk> chunks) {
    List<List<Chunk>> submissions = new ArrayList<>();
    List<Chunk> open = null;
    for (Chunk chunk : chunks) {
      if (open == null || !chunk.mayHold() || !open.get(0).mayHold() || open.size() >= CHUNKS_PER_SUBMISSION) {
        open = new ArrayList<>();
        submissions.add(open);
      }
      open.add(chunk);
    }
    return submissions;
  }

  /** The tasks of {@code chunks}, one chunk after the other. */
  static int[] indices(List<Chunk> chunks) {
    if (chunks.size() == 1) {
      return chunks.get(0).indices();
    }
    int count = 0;
    for (Chunk chunk : chunks) {
      count += chunk.indices().length;
    }
    int[] indices = new int[count];
    int at = 0;
    for (Chunk chunk : chunks) {
      System.arraycopy(chunk.indices(), 0, indices, at, chunk.indices().length);
      at += chunk.indices().length;
    }
    return indices;
  }

  /** Kills a local member; a remote one is only left (its chunks fail, and it serves other runs). */
  @Override
  public void kill() {
    if (process != null) {
      process.kill();
    }
  }

  /** One submission's answer, back to the run. */
  private final class Callback implements BiConsumer<ChunkReply, Throwable> {
    private final List<Chunk> chunk;
    private final long sentNanos;

    Callback(List<Chunk> chunks, long sentNanos) {
      this.chunk = chunks;
      this.sentNanos = sentNanos;
    }

    @Override
    public void accept(ChunkReply reply, Throwable failure) {
      if (failure != null) {
        replies.failed(MemberLink.this, chunk, failure);
        return;
      }
      try {
        replies.replied(MemberLink.this, chunk, sentNanos, reply);
      } catch (RuntimeException | Error e) {
        // Thrown here it would vanish into the client's thread and the chunk's tasks be lost: a hang.
        replies.failed(MemberLink.this, chunk, e);
      }
    }
  }
}

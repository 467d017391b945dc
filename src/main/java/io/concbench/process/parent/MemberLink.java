package io.concbench.process.parent;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.IExecutorService;
import io.concbench.process.member.ChunkReply;
import io.concbench.process.member.ChunkTask;
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
 */
final class MemberLink implements WorkerLink {

  /** Where a chunk's reply or failure goes. */
  interface Replies {
    void replied(MemberLink link, long chunk, long sentNanos, ChunkReply reply);

    void failed(MemberLink link, long chunk, Throwable failure);
  }

  private final IExecutorService executor;
  private final Member member;
  private final LocalMember process;
  private final String workload;
  private final Map<String, String> params;
  private final Replies replies;
  volatile WorkerSlot<MemberLink> slot;

  MemberLink(IExecutorService executor, Member member, LocalMember process, String workload,
      Map<String, String> params, Replies replies) {
    this.executor = executor;
    this.member = member;
    this.process = process;
    this.workload = workload;
    this.params = params;
    this.replies = replies;
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
    for (Chunk chunk : chunks) {
      long sent = System.nanoTime();
      Future<ChunkReply> reply = executor.submitToMember(new ChunkTask(workload, params, chunk.indices(), false),
          member);
      // Hazelcast's client futures are CompletableFutures. whenComplete runs the callback on the thread that
      // completes the future (the client's response thread): no hand-off to another thread per chunk. The
      // ExecutionCallback variant hands it to the common fork-join pool, which on 2 CPUs has parallelism 1,
      // and Hazelcast then starts a thread per completion: measured 3.6 ms a task.
      ((CompletionStage<ChunkReply>) reply).whenComplete(new Callback(chunk.id(), sent));
    }
  }

  /** Kills a local member; a remote one is only left (its chunks fail, and it serves other runs). */
  @Override
  public void kill() {
    if (process != null) {
      process.kill();
    }
  }

  /** One chunk's answer, back to the run. */
  private final class Callback implements BiConsumer<ChunkReply, Throwable> {
    private final long chunk;
    private final long sentNanos;

    Callback(long chunk, long sentNanos) {
      this.chunk = chunk;
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

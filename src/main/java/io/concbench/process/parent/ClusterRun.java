package io.concbench.process.parent;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ProcessSettings;
import io.concbench.executor.RemoteCluster;
import io.concbench.executor.RunCosts;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.member.ChunkReply;
import io.concbench.process.member.ChunkTask;
import io.concbench.process.member.ClusterSerialization;
import io.concbench.process.member.MemberConfig;
import io.concbench.process.wire.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * One run of the {@code cluster} executor: W member JVMs started on 127.0.0.1 before the timed region, the
 * parent a Hazelcast client of theirs, each member fed chunks by the {@link ChunkScheduler} (two in flight
 * per member, more when they are quick) through its {@link MemberLink}. Replies come to callbacks on the
 * client's threads, which hand the member its next chunks at once; the thread that called {@link #execute}
 * waits for the end and settles members that left. A member that dies is seen by the failure of its chunks
 * (the client sees its socket reset at once on loopback) or by the member-removed event, whichever comes
 * first; its chunks go back to the queue for the others ({@link Retries}).
 */
final class ClusterRun implements ExecutorRun, MemberLink.Replies {

  /**
   * A local member silent this long has left, for the client and the other members (Hazelcast's default is
   * 60 s), with a heartbeat every {@link #HEARTBEAT_INTERVAL_MILLIS}. Not how a local member's death is seen:
   * its sockets are reset (its chunks fail at once) and its process exits ({@link LocalMember#onExit}). Only
   * what a live JVM may go through: at 5 s, with Hazelcast's heartbeat every 5 s, JVMs stalled for 3-5 s on a
   * loaded 2-core machine were taken for dead: the client closed their connections (their chunks failed and
   * concbench killed them as gone) and members split off into clusters of their own (a run could not start:
   * "only 2 of 3 members joined"), 2 runs of 15.
   */
  static final int HEARTBEAT_SECONDS = 30;
  /** How often the client pings an idle connection (Hazelcast: 5 s, as long as the old timeout itself). */
  static final long HEARTBEAT_INTERVAL_MILLIS = 1_000;
  static final long START_TIMEOUT_MILLIS = 60_000;
  static final long EXIT_WAIT_MILLIS = 5_000;
  /** Empty chunks each member answers before its warm-up (see {@link #warmUp}). */
  static final int DISPATCH_WARM_UP_CHUNKS = 256;
  /**
   * How long a local member whose submission failed is given to show that it has exited: its sockets are
   * reset as it dies, and the failure may come a moment before its exit does.
   */
  static final long EXIT_CONFIRM_MILLIS = 250;
  /**
   * Failed submissions in a row, without a reply between them, that a member still running and still in
   * the cluster is allowed before it is taken for gone: one failure is not a death (see {@link #failed}).
   */
  static final int MOST_FAILURES_IN_A_ROW = 3;

  private final BiConsumer<SetUpStep, List<Long>> steps;
  private final ProcessSettings settings;
  private final WorkloadSpec workload;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition dispatcherWanted = lock.newCondition();
  private final ChunkScheduler<MemberLink> scheduler;
  private final ChildAccounting accounting = ChildAccounting.clusterMembers();
  private final List<LocalMember> members = new ArrayList<>();
  private final List<MemberLink> links = new ArrayList<>();
  private ClusterBooks books;
  private Path logDirectory;
  private HazelcastInstance client;
  private boolean dispatcherCalled;
  /** Members lost during their set-up: never attached, the others run without them. */
  private final List<MemberLink> lostInSetUp = new ArrayList<>();
  /** The last member gone, and why, for the tasks that fail when none is left. */
  private String lastGone;
  /** When the members began to be obtained: a remote member's ready_ms counts from here. */
  private long obtainedNanos;

  /** Where a run's set-up stands: tests kill a member there. */
  enum SetUpStep {
    /** Local members' processes started, none joined yet. */
    LAUNCHED,
    /** Every member joined, before their warm-up. */
    JOINED
  }

  ClusterRun(int workers, ProcessSettings settings, WorkloadSpec workload) {
    this(workers, settings, workload, (step, pids) -> {});
  }

  /** @param steps told of each step of the set-up as it is reached, with the local members' pids in order */
  ClusterRun(int workers, ProcessSettings settings, WorkloadSpec workload, BiConsumer<SetUpStep, List<Long>> steps) {
    this.steps = steps;
    this.settings = settings;
    this.workload = workload;
    this.scheduler = new ChunkScheduler<>(SchedulePolicy.cluster(workers, settings), System::nanoTime,
        this::callDispatcher);
    long start = System.nanoTime();
    obtainedNanos = start;
    try {
      IExecutorService executor = settings.cluster() == null ? startLocal(workers) : connectRemote(settings.cluster());
      steps.accept(SetUpStep.JOINED, memberPids());
      warmUp(executor);
      client.getCluster().addMembershipListener(new Departures());
      lock.lock();
      try {
        List<MemberLink> serving = links.stream().filter(link -> !lostInSetUp.contains(link)).toList();
        for (MemberLink link : serving) {
          link.slot = scheduler.attach(link);
        }
        for (MemberLink link : serving) {
          if (link.process() != null) { // the third way a local member's death is seen, needing no Hazelcast
            link.process().onExit(status -> memberGone(link, "member exited (exit status " + status + ")"));
          }
        }
        if (settings.taskTimeoutNanos() > 0) {
          for (MemberLink link : serving) {
            link.process().readStarts(index -> started(link, index));
          }
        }
      } finally {
        lock.unlock();
      }
    } catch (IOException | RuntimeException e) {
      shutDownNow();
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new UncheckedIOException(new IOException("cluster: " + message
          + (logDirectory == null ? "" : " (member logs in " + logDirectory + ")"), e));
    }
    accounting.poolStarted(System.nanoTime() - start);
  }

  /** Starts {@code workers} members on 127.0.0.1, connects the client to them and links each. */
  private IExecutorService startLocal(int workers) throws IOException {
    logDirectory = Files.createTempDirectory("concbench-cluster-");
    String clusterName = "concbench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    List<Integer> ports = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      int port = LocalMember.freePort();
      ports.add(port);
      addresses.add("127.0.0.1:" + port);
    }
    books = new ClusterBooks(addresses);
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      logs.add(logDirectory.resolve("member-" + (i + 1) + ".log"));
    }
    Set<Integer> diedBeforeJoining = LocalStart.launch(settings, clusterName, ports, addresses,
        HEARTBEAT_SECONDS, logs, members, () -> steps.accept(SetUpStep.LAUNCHED, memberPids()));
    client = HazelcastClient.newHazelcastClient(clientConfig(clusterName, addresses));
    Map<Integer, Member> joined = awaitMembers(diedBeforeJoining);
    IExecutorService executor = client.getExecutorService(MemberConfig.EXECUTOR);
    for (Map.Entry<Integer, Member> member : joined.entrySet()) {
      links.add(new MemberLink(member.getKey(), executor, member.getValue(), members.get(member.getKey()),
          workload.name(), workload.params(), settings.taskTimeoutNanos() > 0, this));
    }
    return executor;
  }

  /**
   * Waits until the client sees every member that still runs; a member that dies first (after the first
   * was up: before that there is no cluster to join, and the start fails) is lost, and the run goes on
   * without it, as it would had it died a moment later.
   *
   * @param diedBeforeJoining the members that died before they joined ({@link LocalStart#launch}): lost
   * @return the members the client sees, by their place in the run, in order
   */
  private Map<Integer, Member> awaitMembers(Set<Integer> diedBeforeJoining) throws IOException {
    Set<Integer> lost = new HashSet<>(diedBeforeJoining);
    for (int i : diedBeforeJoining) {
      books.left(i, "left during its set-up: died before it joined");
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    Map<Integer, Member> seen = new TreeMap<>();
    while (true) {
      seen.clear();
      for (int i = 0; i < members.size(); i++) {
        if (lost.contains(i)) {
          continue;
        }
        Member found = memberOn(members.get(i).port());
        if (found != null) {
          seen.put(i, found);
        } else if (!members.get(i).alive()) {
          lost.add(i);
          books.left(i, "left during its set-up: died before the client saw it in the cluster");
        }
      }
      if (lost.size() == members.size()) {
        throw new IOException("every cluster member died while starting (member 1: " + books.left(0) + ")");
      }
      if (seen.size() + lost.size() == members.size()) {
        return seen;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("only " + seen.size() + " of " + (members.size() - lost.size())
            + " members joined in " + START_TIMEOUT_MILLIS / 1000 + " s");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the members joined");
      }
    }
  }

  /**
   * Connects the client to the running members of --cluster, compares each with this concbench (a member
   * that differs is refused before anything is sent to it), and links each: no member is started here.
   */
  private IExecutorService connectRemote(RemoteCluster cluster) throws IOException {
    RemoteMembers remote = RemoteMembers.connect(cluster, false);
    client = remote.client();
    books = new ClusterBooks(cluster.addresses());
    IExecutorService executor = client.getExecutorService(MemberConfig.EXECUTOR);
    for (int i = 0; i < remote.members().size(); i++) {
      MemberHandshake.Facts facts = remote.facts().get(i);
      books.reported(i, facts.processors(), facts.jdk());
      links.add(new MemberLink(i, executor, remote.members().get(i), null, workload.name(), workload.params(), false,
          this));
    }
    return executor;
  }

  private static ClientConfig clientConfig(String clusterName, List<String> addresses) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.client.heartbeat.timeout", Long.toString(HEARTBEAT_SECONDS * 1000L));
    config.setProperty("hazelcast.client.heartbeat.interval", Long.toString(HEARTBEAT_INTERVAL_MILLIS));
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // The client's metrics, collected every 5 s and sent to a member: periodic work in both JVMs, on the
    // cores the tasks are timed on, that nothing reads (the members' own metrics are off: MemberMain.quiet).
    config.getMetricsConfig().setEnabled(false);
    config.getNetworkConfig().setAddresses(new ArrayList<>(addresses));
    config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(START_TIMEOUT_MILLIS);
    config.getSerializationConfig().addDataSerializableFactory(ClusterSerialization.FACTORY_ID,
        new ClusterSerialization());
    config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
    return config;
  }

  private List<Long> memberPids() {
    return members.stream().map(LocalMember::pid).toList();
  }

  /** The member the client sees on this port of 127.0.0.1, or null. */
  private Member memberOn(int port) {
    for (Member member : client.getCluster().getMembers()) {
      if (member.getAddress().getPort() == port) {
        return member;
      }
    }
    return null;
  }

  /**
   * Binds the workload and warms its kernel on every member at once, before the timed region, as pool
   * workers do (every executor must time the same compiled code); a member is ready when its warm-up has
   * come back: its {@code ready_ms} counts from its launch.
   *
   * <p>First each member answers {@link #DISPATCH_WARM_UP_CHUNKS} empty chunks, as a pool worker runs its
   * dispatch path before its kernel's warm-up (worker.WorkerSession#warmUpDispatch): a chunk's way through
   * Hazelcast (the submission, the member's executor, the reply) then runs often enough before the timed
   * region for the JIT to compile it there, and the warm-up's JIT wait (QuietJit) covers that compilation;
   * otherwise it ran first during the timed tasks, compiled on the cores they are timed on. Queued ahead
   * of the warm-up on a member's one executor thread, they are done when it is.
   *
   * <p>A member that dies or leaves the cluster before its warm-up comes back is lost, not fatal: the run goes
   * on with the others (as it would had it died a moment later), and the report says which and why. Only
   * when none is left, or a member still in the cluster could not set the workload up (a plug-in it cannot
   * load, a bad parameter), does the run fail here.
   */
  private void warmUp(IExecutorService executor) throws IOException {
    List<java.util.concurrent.Future<ChunkReply>> dispatch = new ArrayList<>();
    for (MemberLink link : links) {
      for (int i = 0; i < DISPATCH_WARM_UP_CHUNKS; i++) {
        dispatch.add(executor.submitToMember(new ChunkTask(workload.name(), workload.params(), new int[0], false),
            link.member()));
      }
    }
    List<java.util.concurrent.Future<ChunkReply>> warmUps = new ArrayList<>();
    for (MemberLink link : links) {
      warmUps.add(executor.submitToMember(new ChunkTask(workload.name(), workload.params(), new int[0], true),
          link.member()));
    }
    for (int i = 0; i < links.size(); i++) {
      try {
        warmUps.get(i).get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (lostDuringSetUp(links.get(i), "left during its set-up: " + cause.getMessage())) {
          continue;
        }
        throw new IOException("the workload could not be set up on member " + (links.get(i).index() + 1) + ": "
            + cause.getMessage());
      } catch (TimeoutException e) {
        if (lostDuringSetUp(links.get(i), "left during its set-up: no warm-up in " + START_TIMEOUT_MILLIS / 1000
            + " s")) {
          continue;
        }
        throw new IOException("member " + (links.get(i).index() + 1) + " did not warm up in "
            + START_TIMEOUT_MILLIS / 1000 + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the members warmed up");
      }
      LocalMember process = links.get(i).process();
      long since = process == null ? obtainedNanos : process.launchedNanos();
      books.ready(links.get(i).index(), System.nanoTime() - since);
    }
    if (lostInSetUp.size() == links.size()) {
      MemberLink first = links.get(0);
      throw new IOException("every member left during its set-up (member " + (first.index() + 1) + ": "
          + books.left(first.index()) + ")");
    }
    for (java.util.concurrent.Future<ChunkReply> chunk : dispatch) {
      try {
        chunk.get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS); // long done: the warm-up came after it
      } catch (ExecutionException | TimeoutException e) {
        // the warm-up behind it has succeeded: nothing the run needs failed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the members warmed up");
      }
    }
  }

  /**
   * Whether this member, whose warm-up failed, is gone (its process exited, or it is no longer in the
   * cluster); if so it is lost ({@code why} kept for the report) and the run goes on without it.
   */
  private boolean lostDuringSetUp(MemberLink link, String why) {
    boolean gone = link.process() != null && link.process().exitedWithin(EXIT_CONFIRM_MILLIS * 4).join();
    if (!gone && !listed(link)) {
      gone = true;
      link.kill();
    }
    if (gone) {
      lostInSetUp.add(link);
      books.left(link.index(), why);
    }
    return gone;
  }

  /** Whether the client still sees the member in the cluster. */
  private boolean listed(MemberLink link) {
    for (Member member : client.getCluster().getMembers()) {
      if (member.getUuid().equals(link.member().getUuid())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void execute(TaskBatch batch) throws InterruptedException {
    lock.lock();
    try {
      scheduler.begin(batch.size(), batch.remote());
      accounting.runStarts(livePids());
      while (!scheduler.finished()) {
        if (batch.cancelled()) {
          scheduler.cancel();
          return;
        }
        noMoreMembers();
        scheduler.expireOverdue(System.nanoTime());
        for (WorkerSlot<MemberLink> slot : scheduler.liveWorkers()) {
          fill(slot);
        }
        if (!scheduler.finished() && !dispatcherCalled) {
          dispatcherWanted.awaitNanos(scheduler.pollNanos(System.nanoTime()));
        }
        dispatcherCalled = false;
      }
      accounting.runEnds(livePids());
    } finally {
      scheduler.end();
      lock.unlock();
    }
  }

  /**
   * Members that left are not replaced (a member takes seconds to start): the others take their chunks.
   * When none is left, the tasks still pending fail, so that the run ends.
   */
  private void noMoreMembers() {
    while (scheduler.nextReplacement()) {
      if (scheduler.liveWorkers().isEmpty()) {
        scheduler.noWorkerStarted("every cluster member is gone (the last, " + lastGone + ")");
      }
    }
  }

  private List<Long> livePids() {
    List<Long> pids = new ArrayList<>();
    for (WorkerSlot<MemberLink> slot : scheduler.liveWorkers()) {
      if (slot.link().pid() > 0) { // a remote member is no process of this machine
        pids.add(slot.link().pid());
      }
    }
    return pids;
  }

  /**
   * Submits the chunks the scheduler has for this member, a submission at a time while it has room for one
   * ({@link MemberLink#roomForASubmission}); with the lock held (submitting does not block).
   */
  private void fill(WorkerSlot<MemberLink> slot) {
    while (MemberLink.roomForASubmission(slot)) {
      List<Chunk> chunks = scheduler.take(slot, true, MemberLink.CHUNKS_PER_SUBMISSION);
      if (chunks.isEmpty()) {
        return;
      }
      try {
        slot.link().send(chunks);
      } catch (RuntimeException e) {
        scheduler.kill(slot, "could not submit to the member: " + e.getMessage());
        return;
      } finally {
        scheduler.written(slot);
      }
    }
  }

  @Override
  public void replied(MemberLink link, List<Chunk> chunks, long sentNanos, ChunkReply reply) {
    long now = System.nanoTime();
    long[] results = reply.results();
    long[] compute = reply.computeNanos();
    // Transit: the round trip less the time the submission spent on the member (queued there, or running);
    // every chunk of it made that trip.
    long transit = Math.max(0, now - sentNanos - reply.memberNanos());
    lock.lock();
    try {
      WorkerSlot<MemberLink> slot = link.slot;
      boolean answered = false;
      int at = 0;
      for (int c = 0; c < chunks.size(); c++) {
        Chunk chunk = chunks.get(c);
        int[] indices = chunk.indices();
        int from = at;
        at += indices.length;
        if (slot.dead || scheduler.over() || !slot.inFlight.contains(chunk)) {
          continue; // stale: its tasks were already settled (its member left), or the batch is over
        }
        List<Frame.TaskOutcome> outcomes = new ArrayList<>(indices.length);
        long computeNanos = 0;
        for (int i = 0; i < indices.length; i++) {
          outcomes.add(new Frame.TaskOutcome(indices[i], results[from + i], compute[from + i],
              reply.error(from + i)));
          computeNanos += compute[from + i];
        }
        boolean more = c < chunks.size() - 1; // its fellows' results follow: the next chunks go after the last
        Frame.Results frame = new Frame.Results(chunk.id(), transit, 0, more, outcomes, new byte[0][]);
        scheduler.replied(slot, frame, now, now);
        books.completed(link.index(), indices.length, computeNanos);
        answered = true;
        link.failuresInARow = 0;
      }
      if (answered) {
        fill(slot);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * A member reports a task's start (--task-timeout): its clock runs from now. A report that comes after its
   * chunk's reply (it travels by another way) is dropped: its task is done, and must not time out.
   */
  private void started(MemberLink link, int index) {
    long now = System.nanoTime();
    lock.lock();
    try {
      WorkerSlot<MemberLink> slot = link.slot;
      for (Chunk chunk : slot.inFlight) {
        for (int task : chunk.indices()) {
          if (task == index) {
            scheduler.started(slot, index, now);
            return;
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * A submission failed. One failure is not a death: measured in CI, a survivor was taken for gone a moment
   * after the other member was killed, and the run failed every task left. A local member's death is known
   * from its exit ({@link LocalMember#onExit}), given {@link #EXIT_CONFIRM_MILLIS} to show; a member that
   * still runs and is still in the cluster has the chunks put back for any member to take, and is taken for
   * gone only after {@link #MOST_FAILURES_IN_A_ROW} failures without a reply between them. Called on a
   * client thread, which must not wait here.
   */
  @Override
  public void failed(MemberLink link, List<Chunk> chunks, Throwable failure) {
    LocalMember process = link.process();
    if (process == null) {
      judgeFailure(link, chunks, failure);
    } else {
      process.exitedWithin(EXIT_CONFIRM_MILLIS).thenAccept(exited -> {
        if (!exited) { // had it exited, its exit has reported it gone
          judgeFailure(link, chunks, failure);
        }
      });
    }
  }

  private void judgeFailure(MemberLink link, List<Chunk> chunks, Throwable failure) {
    lock.lock();
    try {
      WorkerSlot<MemberLink> slot = link.slot;
      if (slot == null || slot.dead || scheduler.over()) {
        return;
      }
      if (!listed(link) || ++link.failuresInARow >= MOST_FAILURES_IN_A_ROW) {
        memberGone(link, "member left: " + failure);
        return;
      }
      books.retried(scheduler.bounced(slot, chunks));
    } finally {
      lock.unlock();
    }
  }

  /** A member is gone: its chunks go to the others ({@link Retries}), counted. */
  private void memberGone(MemberLink link, String reason) {
    lock.lock();
    try {
      WorkerSlot<MemberLink> slot = link.slot;
      if (slot == null || !scheduler.gone(slot)) {
        return;
      }
      link.kill(); // so that a member cut off but alive does not run on
      int inFlight = 0;
      for (Chunk chunk : slot.inFlight) {
        inFlight += chunk.indices().length;
      }
      int index = link.index();
      String why = slot.killedBecause != null ? slot.killedBecause : reason;
      books.left(index, why);
      lastGone = books.name(index) + ": " + why;
      long failedBefore = scheduler.ledger().failedCount();
      scheduler.died(slot, reason, null, null);
      books.retried(inFlight - (scheduler.ledger().failedCount() - failedBefore));
    } finally {
      lock.unlock();
    }
  }

  private void callDispatcher() {
    dispatcherCalled = true;
    dispatcherWanted.signal();
  }

  /** Member-removed events: the other way a member's death is seen (whichever comes first). */
  private final class Departures implements MembershipListener {
    @Override
    public void memberAdded(MembershipEvent event) {}

    @Override
    public void memberRemoved(MembershipEvent event) {
      for (MemberLink link : links) {
        if (link.member().getUuid().equals(event.getMember().getUuid())) {
          memberGone(link, "member left the cluster");
        }
      }
    }
  }

  @Override
  public void close() {
    long start = System.nanoTime();
    for (LocalMember member : members) {
      accounting.notePeakMemory(member.pid());
    }
    boolean cancelled;
    lock.lock();
    try {
      cancelled = scheduler.cancelled();
    } finally {
      lock.unlock();
    }
    if (cancelled) {
      members.forEach(LocalMember::kill);
    }
    shutDownNow();
    lock.lock();
    try {
      accounting.shutDown(System.nanoTime() - start);
    } finally {
      lock.unlock();
    }
    deleteLogs();
  }

  /** The members' logs, once the run has ended without a failed start: only a failure's logs are kept. */
  private void deleteLogs() {
    if (logDirectory == null) {
      return; // remote members: their logs are their machines'
    }
    try (java.util.stream.Stream<Path> files = Files.list(logDirectory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(logDirectory);
    } catch (IOException e) {
      // a temporary directory left behind: harmless
    }
  }

  /** The client first (it would reconnect), then every member told to leave (stdin closed) and awaited. */
  private void shutDownNow() {
    if (client != null) {
      try {
        client.shutdown();
      } catch (RuntimeException e) {
        // the members are ended below either way
      }
    }
    members.forEach(LocalMember::release);
    for (LocalMember member : members) {
      member.awaitExit(EXIT_WAIT_MILLIS);
    }
  }

  @Override
  public RunCosts costs() {
    lock.lock();
    try {
      return accounting.costs(scheduler.ledger(), books.members());
    } finally {
      lock.unlock();
    }
  }
}

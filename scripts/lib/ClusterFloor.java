import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The floor of concbench's cluster figures: the same things done with Hazelcast alone, no concbench class
 * involved, so that concbench's figure and what the machine and Hazelcast allow can be read side by side
 * (docs/cluster.md, "The floor"). Run by scripts/cluster-floor, which compiles it against Hazelcast's jar.
 *
 * <ul>
 *   <li>{@code startup ROUNDS}: one bare member against two started at once, launch to "ready" (the member
 *       has started and its executor, pool size 1, has run a no-op task submitted to it): two standalone
 *       members (each a cluster of its own: nothing but two JVM and Hazelcast start-ups sharing the cores),
 *       and two that form one cluster (the second's JVM starts with the first, it builds its member once the
 *       first is up: the plainest way not to wait on a member that is not there). Config as concbench's
 *       local members: 127.0.0.1 only, TCP-IP join, 1 s connection timeout, phone-home, metrics, health
 *       monitor and Jet off.
 *   <li>{@code cpu RUNS TASKS N}: the cpu workload's loop (sum of i*i for i &lt; N, in slices of 65536, warmed
 *       as concbench warms it) for TASKS tasks: in one bare forked JVM (the serial time), in two forked JVMs,
 *       and on two fresh bare members (a client here, chunks of ceil(TASKS / 8) tasks, {@code submitToMember}
 *       round-robin, all submitted at once: pool size 1 runs them one after the other).
 * </ul>
 */
public final class ClusterFloor {

  static final int FACTORY = 7;
  static final String EXECUTOR = "floor";
  static final List<String> JDK17_FLAGS = List.of("--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "startup" -> startup(Integer.parseInt(args[1]));
      case "cpu" -> cpu(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
      case "member" -> member(args[1], Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]),
          Arrays.asList(args).subList(4, args.length));
      case "fork" -> fork(Integer.parseInt(args[1]), Long.parseLong(args[2]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  // ---- the kernel: concbench's cpu task, the same loop and warm-up ----

  static long slice(long from, long to) {
    long total = 0;
    for (long i = from; i < to; i++) {
      total += i * i;
    }
    return total;
  }

  static long sliced(long n, long sliceLength) {
    long total = 0;
    for (long from = 0; from < n; from += sliceLength) {
      total += slice(from, Math.min(n, from + sliceLength));
    }
    return total;
  }

  static long task(long n) {
    return sliced(n, 1 << 16);
  }

  static void warmUp() {
    long sink = 0;
    for (int i = 0; i < 20_000; i++) {
      sink += sliced(8 * 512, 512);
    }
    if (sink == 42) {
      System.err.println(sink);
    }
  }

  // ---- start-up ----

  static void startup(int rounds) throws Exception {
    List<Double> oneAlone = new ArrayList<>();
    List<Double> twoAlone = new ArrayList<>();
    List<Double> twoJoined = new ArrayList<>();
    readyTime(1, false); // the first start of all pays the page cache's misses: not counted
    for (int r = 0; r < rounds; r++) {
      List<Runnable> order = new ArrayList<>(List.of(
          () -> oneAlone.add(readyTime(1, false)),
          () -> twoAlone.add(readyTime(2, false)),
          () -> twoJoined.add(readyTime(2, true))));
      Collections.shuffle(order, new Random(r));
      order.forEach(Runnable::run);
    }
    double one = median(oneAlone);
    System.out.printf("floor start-up, %d rounds (launch until ready: started and a no-op task run)%n", rounds);
    System.out.printf("one bare member:                      median %.0f ms %s%n", one, range(oneAlone));
    System.out.printf("two standalone members at once:       median %.0f ms %s, two / one %.2f%n",
        median(twoAlone), range(twoAlone), median(twoAlone) / one);
    System.out.printf("two members forming a cluster:        median %.0f ms %s, two / one %.2f (done when <= 1.5)%n",
        median(twoJoined), range(twoJoined), median(twoJoined) / one);
  }

  /** Launches {@code count} members at once; ms until the last is ready. */
  static double readyTime(int count, boolean joined) {
    List<Process> members = new ArrayList<>();
    try {
      List<String> addresses = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        addresses.add("127.0.0.1:" + freePort());
      }
      String name = "floor-" + Long.toHexString(new Random().nextLong());
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        boolean gated = joined && i > 0;
        List<String> told = joined ? addresses.subList(0, i + 1) : addresses.subList(i, i + 1);
        members.add(launch(joined ? name : name + "-" + i, addresses.get(i), gated, told));
      }
      awaitReady(members.get(0));
      for (int i = 1; i < count; i++) {
        if (joined) {
          send(members.get(i), "join");
        }
      }
      for (int i = 1; i < count; i++) {
        awaitReady(members.get(i));
      }
      return (System.nanoTime() - start) / 1e6;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      members.forEach(p -> {
        p.destroyForcibly();
        try {
          p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }

  static Process launch(String clusterName, String address, boolean gated, List<String> told) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError",
        "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4"));
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    } else {
      command.addAll(JDK17_FLAGS);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterFloor.class.getName(), "member",
        clusterName, address.substring(address.lastIndexOf(':') + 1), Boolean.toString(gated)));
    command.addAll(told);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  static void awaitReady(Process member) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (!"ready".equals(line)) {
      throw new IOException("a member did not start (" + line + ")");
    }
  }

  static void send(Process member, String line) throws IOException {
    OutputStream in = member.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** A member: gated ones build their member only after "join" on stdin; every one halts when stdin ends. */
  static void member(String clusterName, int port, boolean gated, List<String> told) throws Exception {
    PrintStream out = System.out;
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (gated) {
      String line = in.readLine();
      if (line == null) {
        Runtime.getRuntime().halt(0);
      }
    }
    Thread watchdog = new Thread(() -> {
      try {
        while (in.readLine() != null) {
          // nothing else comes
        }
      } catch (IOException e) {
        // as good as its end
      }
      Runtime.getRuntime().halt(0);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(memberConfig(clusterName, port, told));
    IExecutorService executor = hz.getExecutorService(EXECUTOR);
    executor.submitToMember(new Chunk(0, 0), hz.getCluster().getLocalMember()).get();
    out.println("ready");
    out.flush();
  }

  static Config memberConfig(String clusterName, int port, List<String> members) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.health.monitoring.level", "OFF");
    config.setProperty("hazelcast.logging.type", "none");
    config.getMetricsConfig().setEnabled(false);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1).setMembers(new ArrayList<>(members));
    config.getSerializationConfig().addDataSerializableFactory(FACTORY, new Factory());
    config.getExecutorConfig(EXECUTOR).setPoolSize(1);
    config.getJetConfig().setEnabled(false);
    return config;
  }

  // ---- cpu ----

  static void cpu(int runs, int tasks, long n) throws Exception {
    List<Double> serial = new ArrayList<>();
    List<Double> forks = new ArrayList<>();
    List<Double> members = new ArrayList<>();
    List<Double> forkCompute = new ArrayList<>();
    List<Double> memberCompute = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      List<Runnable> order = new ArrayList<>(List.of(
          () -> serial.add(forked(1, tasks, n, null)),
          () -> forks.add(forked(2, tasks, n, forkCompute)),
          () -> members.add(onMembers(tasks, n, memberCompute))));
      Collections.shuffle(order, new Random(r));
      order.forEach(Runnable::run);
    }
    double one = median(serial);
    double forkSpeedup = one / median(forks);
    double memberSpeedup = one / median(members);
    System.out.printf("floor cpu, %d runs of %d tasks, n=%d (wall from the first task sent to the last result)%n",
        runs, tasks, n);
    System.out.printf("one forked JVM (serial):   median %.0f ms %s%n", one, range(serial));
    System.out.printf("two forked JVMs:           median %.0f ms %s, speedup %.2fx, compute per task %.1f ms%n",
        median(forks), range(forks), forkSpeedup, median(forkCompute));
    System.out.printf("two bare members (client): median %.0f ms %s, speedup %.2fx, compute per task %.1f ms%n",
        median(members), range(members), memberSpeedup, median(memberCompute));
    System.out.printf("members / forked JVMs: %.2f (done when: cluster within 5 %% of process-pool, and >= 0.93 x "
        + "capacity, which two forked JVMs stand for)%n", memberSpeedup / forkSpeedup);
  }

  /** {@code count} forked JVMs share the tasks; ms from "go" until all have answered. */
  static double forked(int count, int tasks, long n, List<Double> compute) {
    List<Process> forks = new ArrayList<>();
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      for (int i = 0; i < count; i++) {
        int share = tasks / count + (i < tasks % count ? 1 : 0);
        forks.add(new ProcessBuilder(java, "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
            ClusterFloor.class.getName(), "fork", Integer.toString(share), Long.toString(n))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start());
      }
      List<BufferedReader> outs = new ArrayList<>();
      for (Process fork : forks) {
        BufferedReader out = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8));
        if (!"ready".equals(out.readLine())) {
          throw new IOException("a forked JVM did not warm up");
        }
        outs.add(out);
      }
      long start = System.nanoTime();
      for (Process fork : forks) {
        send(fork, "go");
      }
      for (BufferedReader out : outs) {
        for (String time : out.readLine().trim().split(" ")) {
          if (compute != null && !time.isEmpty()) {
            compute.add(Long.parseLong(time) / 1e6);
          }
        }
      }
      return (System.nanoTime() - start) / 1e6;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      forks.forEach(Process::destroyForcibly);
    }
  }

  /** A forked JVM: warms the kernel, says ready, runs its tasks on "go", prints each one's ns. */
  static void fork(int tasks, long n) throws IOException {
    warmUp();
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    StringBuilder times = new StringBuilder();
    long sink = 0;
    for (int i = 0; i < tasks; i++) {
      long start = System.nanoTime();
      sink += task(n);
      times.append(System.nanoTime() - start).append(' ');
    }
    System.out.println(times.toString().trim() + (sink == 42 ? " " : ""));
    System.out.flush();
  }

  /** Two fresh members joined as one cluster, warmed; ms from the first chunk sent to the last reply. */
  static double onMembers(int tasks, long n, List<Double> compute) {
    List<Process> processes = new ArrayList<>();
    HazelcastInstance client = null;
    try {
      List<String> addresses = List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort());
      String name = "floor-" + Long.toHexString(new Random().nextLong());
      processes.add(launch(name, addresses.get(0), false, addresses.subList(0, 1)));
      processes.add(launch(name, addresses.get(1), true, addresses));
      awaitReady(processes.get(0));
      send(processes.get(1), "join");
      awaitReady(processes.get(1));
      ClientConfig config = new ClientConfig();
      config.setClusterName(name);
      config.setProperty("hazelcast.phone.home.enabled", "false");
      config.setProperty("hazelcast.logging.type", "none");
      config.getNetworkConfig().setAddresses(new ArrayList<>(addresses));
      config.getSerializationConfig().addDataSerializableFactory(FACTORY, new Factory());
      client = HazelcastClient.newHazelcastClient(config);
      while (client.getCluster().getMembers().size() < 2) {
        Thread.sleep(5);
      }
      List<Member> members = new ArrayList<>(client.getCluster().getMembers());
      IExecutorService executor = client.getExecutorService(EXECUTOR);
      List<Future<long[]>> warm = new ArrayList<>();
      for (Member member : members) {
        warm.add(executor.submitToMember(new Chunk(-1, n), member));
      }
      for (Future<long[]> f : warm) {
        f.get();
      }
      int chunk = (tasks + 7) / 8;
      long start = System.nanoTime();
      List<Future<long[]>> replies = new ArrayList<>();
      int m = 0;
      for (int from = 0; from < tasks; from += chunk) {
        replies.add(executor.submitToMember(new Chunk(Math.min(chunk, tasks - from), n), members.get(m++ % 2)));
      }
      for (Future<long[]> reply : replies) {
        for (long ns : reply.get()) {
          compute.add(ns / 1e6);
        }
      }
      return (System.nanoTime() - start) / 1e6;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      if (client != null) {
        client.shutdown();
      }
      processes.forEach(Process::destroyForcibly);
    }
  }

  /** A chunk of {@code count} tasks of loop length {@code n} (-1: the warm-up); the reply is each task's ns. */
  public static final class Chunk implements Callable<long[]>, IdentifiedDataSerializable {
    private int count;
    private long n;

    public Chunk() {}

    Chunk(int count, long n) {
      this.count = count;
      this.n = n;
    }

    @Override
    public long[] call() {
      if (count < 0) {
        warmUp();
        return new long[0];
      }
      long[] times = new long[count];
      long sink = 0;
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        sink += task(n);
        times[i] = System.nanoTime() - start;
      }
      if (sink == 42) {
        System.err.println(sink);
      }
      return times;
    }

    @Override
    public int getFactoryId() {
      return FACTORY;
    }

    @Override
    public int getClassId() {
      return 1;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeInt(count);
      out.writeLong(n);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      count = in.readInt();
      n = in.readLong();
    }
  }

  public static final class Factory implements DataSerializableFactory {
    @Override
    public IdentifiedDataSerializable create(int typeId) {
      return typeId == 1 ? new Chunk() : null;
    }
  }

  // ---- helpers ----

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int size = sorted.size();
    return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
  }

  static String range(List<Double> values) {
    return String.format("(%.0f-%.0f)", Collections.min(values), Collections.max(values));
  }
}

package io.concbench.process.member;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.concbench.system.QuietJit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a member JVM does when it runs only to have its classes recorded for the members' class-data sharing
 * archive ({@code -XX:DumpLoadedClassList}, see the parent side's {@code MemberArchive}): it starts a member
 * as a local member starts (same configuration, quieted, on a free loopback port), connects a client to it
 * in the same JVM, and sends it a warm-up chunk and a chunk of tasks through the client, so that the
 * member-side classes of a client connection, an executor submission and a chunk's reply are loaded too,
 * then ends. The client's own classes are recorded as well; the archive holds them unused.
 */
final class MemberTraining {

  /** The argument that makes {@link MemberMain} train instead of serving. */
  static final String ARGUMENT = "--train";

  private MemberTraining() {}

  /** Trains; exit status 0 when the chunks came back. */
  static int run() throws IOException {
    System.setProperty(QuietJit.SWITCH, "false");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String address = "127.0.0.1:" + port;
    String clusterName = "concbench-training-" + ProcessHandle.current().pid();
    Config config = MemberConfig.of(clusterName, "127.0.0.1", port, List.of(address), 1, 5);
    MemberMain.quiet(config);
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    HazelcastInstance client = null;
    try {
      member.getExecutorService(MemberConfig.EXECUTOR);
      ClientConfig clientConfig = new ClientConfig();
      clientConfig.setClusterName(clusterName);
      clientConfig.setProperty("hazelcast.phone.home.enabled", "false");
      clientConfig.setProperty("hazelcast.logging.type", "none");
      clientConfig.getNetworkConfig().addAddress(address);
      clientConfig.getSerializationConfig().addDataSerializableFactory(ClusterSerialization.FACTORY_ID,
          new ClusterSerialization());
      clientConfig.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
      client = HazelcastClient.newHazelcastClient(clientConfig);
      IExecutorService executor = client.getExecutorService(MemberConfig.EXECUTOR);
      Member target = member.getCluster().getLocalMember();
      Map<String, String> params = Map.of("n", "1000");
      executor.submitToMember(new ChunkTask("cpu", params, new int[0], true), target).get(60, TimeUnit.SECONDS);
      ChunkReply reply = executor.submitToMember(new ChunkTask("cpu", params, new int[] {0, 1}, false), target)
          .get(60, TimeUnit.SECONDS);
      return reply == null ? 1 : 0;
    } catch (Exception e) {
      System.err.println("member training failed: " + e);
      return 1;
    } finally {
      if (client != null) {
        client.shutdown();
      }
      member.shutdown();
    }
  }
}

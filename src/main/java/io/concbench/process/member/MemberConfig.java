package io.concbench.process.member;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;

/**
 * A member's Hazelcast configuration, as measured to work on a small machine (docs/cluster.md): a cluster
 * name of its own, no phone-home, listening on {@code bind} only, a fixed port, TCP-IP join with every member
 * listed and a 1 s connection timeout (5 s by default: two members started together then wait ~9 s), the
 * serialization filter on, the executor's pool size explicit (Hazelcast's 16 threads on 2 cores made 2
 * members 1×), Jet off.
 */
public final class MemberConfig {

  /** The executor service every chunk is submitted to. */
  public static final String EXECUTOR = "concbench";

  private MemberConfig() {}

  /**
   * @param members every member's host:port, this one's included
   * @param heartbeatSeconds how long a silent member stays a member (heartbeats every second)
   */
  public static Config of(String clusterName, String bind, int port, List<String> members, int threads,
      int heartbeatSeconds) {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(heartbeatSeconds));
    // Hazelcast's heartbeat is every 5 s: with a timeout of 5 s one late heartbeat made a member dead.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(bind);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1).setMembers(members);
    config.getSerializationConfig().addDataSerializableFactory(ClusterSerialization.FACTORY_ID,
        new ClusterSerialization());
    config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
    config.getExecutorConfig(EXECUTOR).setPoolSize(threads);
    config.getJetConfig().setEnabled(false);
    return config;
  }
}

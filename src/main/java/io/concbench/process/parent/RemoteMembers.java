package io.concbench.process.parent;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.core.HazelcastInstance;
import io.concbench.executor.RemoteCluster;
import io.concbench.process.member.ClusterSerialization;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The running {@code concbench member} processes of {@code --cluster}: the parent's client connected to them
 * within {@link #CONNECT_TIMEOUT_MILLIS}, each listed member found in the cluster and its facts compared
 * with this concbench's ({@link MemberHandshake}) before anything is sent to it. Members in the cluster but
 * not listed are not used.
 */
final class RemoteMembers {

  /** How long the client tries to reach the listed members (Hazelcast's default waits forever). */
  static final long CONNECT_TIMEOUT_MILLIS = 10_000;
  /** How long one TCP connection attempt may take (Hazelcast: 5 s). */
  static final int SOCKET_CONNECT_MILLIS = 2_000;
  /**
   * A remote member silent this long has left, for the client and for the other members (Hazelcast: 60 s),
   * with a heartbeat every {@link #HEARTBEAT_INTERVAL_MILLIS}: a machine that dies without closing its
   * sockets is noticed within about 11 s. Shorter would drop members over a network hiccup or a long GC.
   */
  static final int HEARTBEAT_SECONDS = 10;
  static final long HEARTBEAT_INTERVAL_MILLIS = 1_000;

  private final HazelcastInstance client;
  private final List<Member> members;
  private final List<MemberHandshake.Facts> facts;

  private RemoteMembers(HazelcastInstance client, List<Member> members, List<MemberHandshake.Facts> facts) {
    this.client = client;
    this.members = members;
    this.facts = facts;
  }

  /**
   * Connects, finds every listed member and compares its facts.
   *
   * @throws IOException in one line: a cluster out of reach, a listed member missing, a member that differs
   */
  static RemoteMembers connect(RemoteCluster cluster, boolean commandsNeeded) throws IOException {
    HazelcastInstance client;
    try {
      client = HazelcastClient.newHazelcastClient(clientConfig(cluster));
    } catch (IllegalStateException e) {
      throw new IOException("cannot reach cluster '" + cluster.name() + "' at " + String.join(",",
          cluster.addresses()) + " within " + CONNECT_TIMEOUT_MILLIS / 1000 + " s (are the members running, "
          + "started with this --cluster-name, and reachable from here?)");
    }
    try {
      List<Member> members = new ArrayList<>();
      List<MemberHandshake.Facts> facts = new ArrayList<>();
      MemberHandshake.Facts here = MemberHandshake.here(cluster.plugins(), cluster.concbenchVersion());
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MILLIS);
      for (String address : cluster.addresses()) {
        Member member = awaitMember(client, address, deadline);
        MemberHandshake.Facts there;
        try {
          there = MemberHandshake.of(address, member.getAttributes());
        } catch (IllegalArgumentException e) {
          throw new IOException(e.getMessage());
        }
        Optional<String> refusal = MemberHandshake.refusal(here, there, commandsNeeded);
        if (refusal.isPresent()) {
          throw new IOException(refusal.get());
        }
        members.add(member);
        facts.add(there);
      }
      return new RemoteMembers(client, members, facts);
    } catch (IOException | RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /** Connects, compares, disconnects: the check before anything runs; the refusal's line, or empty. */
  static Optional<String> refusal(RemoteCluster cluster) {
    try {
      connect(cluster, false).client.shutdown();
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static Member awaitMember(HazelcastInstance client, String address, long deadline) throws IOException {
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon);
    int port = Integer.parseInt(address.substring(colon + 1));
    String ip;
    try {
      ip = InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IOException("member " + address + ": unknown host " + host);
    }
    while (true) {
      for (Member member : client.getCluster().getMembers()) {
        if (member.getAddress().getPort() == port && (member.getAddress().getHost().equals(host)
            || ip.equals(hostAddress(member)))) {
          return member;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("member " + address + " is not in cluster '" + client.getConfig().getClusterName()
            + "' (its members: " + String.join(",", client.getCluster().getMembers().stream()
                .map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort()).toList()) + ")");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for member " + address);
      }
    }
  }

  private static String hostAddress(Member member) {
    try {
      return member.getAddress().getInetAddress().getHostAddress();
    } catch (UnknownHostException e) {
      return member.getAddress().getHost();
    }
  }

  private static ClientConfig clientConfig(RemoteCluster cluster) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.setProperty("hazelcast.client.heartbeat.timeout", Long.toString(HEARTBEAT_SECONDS * 1000L));
    config.setProperty("hazelcast.client.heartbeat.interval", Long.toString(HEARTBEAT_INTERVAL_MILLIS));
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getNetworkConfig().setAddresses(new ArrayList<>(cluster.addresses()));
    config.getNetworkConfig().setConnectionTimeout(SOCKET_CONNECT_MILLIS);
    config.getConnectionStrategyConfig().getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
    config.getSerializationConfig().addDataSerializableFactory(ClusterSerialization.FACTORY_ID,
        new ClusterSerialization());
    config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
    return config;
  }

  HazelcastInstance client() {
    return client;
  }

  List<Member> members() {
    return members;
  }

  List<MemberHandshake.Facts> facts() {
    return facts;
  }
}

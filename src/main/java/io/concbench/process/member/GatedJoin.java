package io.concbench.process.member;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.properties.PropertyDefinition;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.discovery.AbstractDiscoveryStrategy;
import com.hazelcast.spi.discovery.DiscoveryNode;
import com.hazelcast.spi.discovery.DiscoveryStrategy;
import com.hazelcast.spi.discovery.DiscoveryStrategyFactory;
import com.hazelcast.spi.discovery.SimpleDiscoveryNode;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The join of a local member started together with the first one: it builds its whole node (the JVM's start
 * and Hazelcast's set-up, most of a member's start-up) at the same time as the first member, and only its
 * join waits, inside Hazelcast's discovery, until concbench says the first member is up ({@link #open}). A
 * member told by TCP-IP of members not yet listening waited a connection timeout for each (two started
 * together: ~4 s at a 1 s timeout) or, worse, could make itself the master of a cluster of its own; this one
 * asks only once there is a running member to join (~0.2 s).
 */
public final class GatedJoin {

  private final List<DiscoveryNode> members = new ArrayList<>();
  private final CountDownLatch open = new CountDownLatch(1);

  /** @param others the members to join ({@code host:port}), this one left out */
  GatedJoin(List<String> others) {
    for (String member : others) {
      int colon = member.lastIndexOf(':');
      try {
        members.add(new SimpleDiscoveryNode(
            new Address(member.substring(0, colon), Integer.parseInt(member.substring(colon + 1)))));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("cluster member " + member + ": unknown host", e);
      }
    }
  }

  /** The first member is up: the join may go ahead. */
  void open() {
    open.countDown();
  }

  /** {@code config}'s join made this gate: discovery instead of TCP-IP's fixed list. */
  void applyTo(Config config) {
    config.setProperty("hazelcast.discovery.enabled", "true");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getTcpIpConfig().setEnabled(false);
    join.getDiscoveryConfig().addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(new Factory()));
  }

  /** The members, once the gate is open (Hazelcast asks again later, for split clusters: then at once). */
  Iterable<DiscoveryNode> awaitMembers() {
    try {
      open.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return members;
  }

  private final class Factory implements DiscoveryStrategyFactory {
    @Override
    public Class<? extends DiscoveryStrategy> getDiscoveryStrategyType() {
      return Strategy.class;
    }

    @Override
    public DiscoveryStrategy newDiscoveryStrategy(DiscoveryNode node, ILogger logger,
        Map<String, Comparable> properties) {
      return new Strategy(logger, properties, GatedJoin.this);
    }

    @Override
    public Collection<PropertyDefinition> getConfigurationProperties() {
      return List.of();
    }
  }

  private static final class Strategy extends AbstractDiscoveryStrategy {
    private final GatedJoin gate;

    Strategy(ILogger logger, Map<String, Comparable> properties, GatedJoin gate) {
      super(logger, properties);
      this.gate = gate;
    }

    @Override
    public Iterable<DiscoveryNode> discoverNodes() {
      return gate.awaitMembers();
    }
  }
}

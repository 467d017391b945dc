package io.concbench.executor;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cluster of {@code concbench member} processes that a {@code cluster} run uses instead of starting members
 * of its own ({@code --cluster}, {@code --cluster-name}; docs/cluster.md).
 *
 * @param addresses the members to run on, host:port, each used once, in this order
 * @param name the cluster's name: the only credential Hazelcast's open-source edition has
 * @param plugins this concbench's plug-in jars, file name to SHA-256, which every member must have loaded too
 * @param concbenchVersion this concbench's version, which every member must run too
 */
public record RemoteCluster(List<String> addresses, String name, Map<String, String> plugins,
    String concbenchVersion) {

  public RemoteCluster {
    addresses = List.copyOf(addresses);
    plugins = Map.copyOf(new TreeMap<>(plugins));
  }
}

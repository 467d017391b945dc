package io.concbench.process.parent;

import io.concbench.process.member.MemberFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a remote member reported on connecting ({@link MemberFacts}, as member attributes), and the
 * comparison with this concbench: a member that runs another concbench, another JDK or other plug-in jars
 * would measure other code, so the run is refused before anything runs, in one line naming the member and
 * what differs. Processors may differ: they are reported, not refused. Pure: tested without Hazelcast.
 */
final class MemberHandshake {

  private MemberHandshake() {}

  /**
   * One member's facts.
   *
   * @param address host:port as the run names it
   * @param processors its JVM's available processors
   * @param plugins plug-in jar file name to SHA-256
   */
  record Facts(String address, int processors, String javaVersion, String javaVendor, String concbenchVersion,
      Map<String, String> plugins, boolean allowCommands) {

    Facts {
      plugins = Map.copyOf(plugins);
    }

    /** "17.0.15 (Debian)": the JDK as members[].jdk has it. */
    String jdk() {
      return javaVersion + " (" + javaVendor + ")";
    }
  }

  /** This JVM's facts, with the plug-ins and version the run was given. */
  static Facts here(Map<String, String> plugins, String concbenchVersion) {
    return new Facts("here", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("java.vendor"), concbenchVersion, plugins, true);
  }

  /**
   * A member's facts from its attributes.
   *
   * @throws IllegalArgumentException naming the member when it reports none (not a {@code concbench member})
   */
  static Facts of(String address, Map<String, String> attributes) {
    String processors = attributes.get(MemberFacts.PROCESSORS);
    String version = attributes.get(MemberFacts.CONCBENCH_VERSION);
    if (processors == null || version == null) {
      throw new IllegalArgumentException("member " + address + " reports no concbench facts: start it with "
          + "'concbench member'");
    }
    return new Facts(address, Integer.parseInt(processors), attributes.getOrDefault(MemberFacts.JAVA_VERSION, "?"),
        attributes.getOrDefault(MemberFacts.JAVA_VENDOR, "?"), version,
        plugins(attributes.getOrDefault(MemberFacts.PLUGINS, "")),
        Boolean.parseBoolean(attributes.get(MemberFacts.ALLOW_COMMANDS)));
  }

  /** "a.jar=sha;b.jar=sha" as a map; the attribute's form (see {@link #pluginsAttribute}). */
  static Map<String, String> plugins(String attribute) {
    Map<String, String> plugins = new TreeMap<>();
    for (String entry : attribute.split(";")) {
      int equals = entry.lastIndexOf('=');
      if (equals > 0) {
        plugins.put(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return plugins;
  }

  /** The plug-ins as the member attribute carries them, in file-name order. */
  static String pluginsAttribute(Map<String, String> plugins) {
    List<String> entries = new ArrayList<>();
    new TreeMap<>(plugins).forEach((jar, sha256) -> entries.add(jar + "=" + sha256));
    return String.join(";", entries);
  }

  /**
   * Why this run must not use the member, in one line; empty when it may. {@code commandsNeeded}: the run's
   * workload starts commands, which a member runs only when started with --allow-commands.
   */
  static Optional<String> refusal(Facts here, Facts there, boolean commandsNeeded) {
    List<String> differences = new ArrayList<>();
    if (!here.concbenchVersion().equals(there.concbenchVersion())) {
      differences.add("concbench " + here.concbenchVersion() + " here, " + there.concbenchVersion() + " there");
    }
    if (!here.javaVersion().equals(there.javaVersion()) || !here.javaVendor().equals(there.javaVendor())) {
      differences.add("JDK " + here.jdk() + " here, " + there.jdk() + " there");
    }
    TreeSet<String> jars = new TreeSet<>(here.plugins().keySet());
    jars.addAll(there.plugins().keySet());
    for (String jar : jars) {
      String mine = here.plugins().get(jar);
      String theirs = there.plugins().get(jar);
      if (mine == null || !mine.equals(theirs)) {
        differences.add("plug-in " + jar + " " + hash(mine) + " here, " + hash(theirs) + " there");
      }
    }
    if (!differences.isEmpty()) {
      return Optional.of("member " + there.address() + " differs: " + String.join("; ", differences));
    }
    if (commandsNeeded && !there.allowCommands()) {
      return Optional.of("member " + there.address() + " refuses commands: it was not started with "
          + "--allow-commands");
    }
    return Optional.empty();
  }

  private static String hash(String sha256) {
    return sha256 == null ? "none" : "sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + "…";
  }
}

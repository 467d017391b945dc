package io.concbench.process.member;

/**
 * What a {@code concbench member} tells its clients about itself, as Hazelcast member attributes: every
 * client sees them in the member list it receives on connecting, before it sends anything. The parent
 * compares them with its own and refuses a member that differs (process.parent.MemberHandshake).
 */
public final class MemberFacts {

  /** {@code Runtime.availableProcessors()} of the member's JVM. */
  public static final String PROCESSORS = "concbench.processors";
  /** {@code java.version} of the member's JVM. */
  public static final String JAVA_VERSION = "concbench.java.version";
  /** {@code java.vendor} of the member's JVM. */
  public static final String JAVA_VENDOR = "concbench.java.vendor";
  /** The concbench version the member runs. */
  public static final String CONCBENCH_VERSION = "concbench.version";
  /** Its plug-in jars: {@code file-name=sha256} pairs joined by {@code ;}, in file-name order; empty if none. */
  public static final String PLUGINS = "concbench.plugins";
  /** {@code true} when it was started with {@code --allow-commands}. */
  public static final String ALLOW_COMMANDS = "concbench.allow-commands";

  private MemberFacts() {}
}

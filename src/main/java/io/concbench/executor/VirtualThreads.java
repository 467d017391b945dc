package io.concbench.executor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * The one place that touches JDK 21+ API. concbench is compiled for 17, so virtual threads are reached
 * through method handles, and on an older runtime this says why they are missing instead of failing later.
 */
public final class VirtualThreads {

  private VirtualThreads() {}

  /** Looked up on first use: `concbench list`, which only asks whether there are any, need not pay. */
  private static final class Lookup {
    static final Optional<ThreadFactory> FACTORY = lookUp();
  }

  /** A factory of virtual threads, or empty on a JDK without them. */
  public static Optional<ThreadFactory> factory() {
    return Lookup.FACTORY;
  }

  /**
   * Why virtual threads cannot be used here, or empty if they can. From the JDK's version, without the
   * method handles of {@link #factory}: `concbench list` asks this of every run of it.
   */
  public static Optional<String> unavailableReason() {
    if (Runtime.version().feature() >= 21) {
      return Optional.empty();
    }
    return Optional.of("needs JDK 21+, running " + System.getProperty("java.version"));
  }

  private static Optional<ThreadFactory> lookUp() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
      Class<?> virtualBuilderClass = Class.forName("java.lang.Thread$Builder$OfVirtual");
      MethodHandle ofVirtual =
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(virtualBuilderClass));
      MethodHandle factory =
          lookup.findVirtual(builderClass, "factory", MethodType.methodType(ThreadFactory.class));
      return Optional.of((ThreadFactory) factory.invoke(ofVirtual.invoke()));
    } catch (Throwable absent) {
      // ClassNotFoundException / NoSuchMethodException on JDK < 21: the feature is simply not there.
      return Optional.empty();
    }
  }
}

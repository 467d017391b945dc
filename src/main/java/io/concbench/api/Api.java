package io.concbench.api;

/**
 * The version of this API, which a plug-in declares and concbench checks when it loads the plug-in.
 *
 * <p>{@link #VERSION} is a compile-time constant: a plug-in's {@code apiVersion()} that returns it has the
 * number of the API it was compiled against inlined by javac into its own class file, so that the plug-in
 * carries it whichever concbench later loads it. A manifest attribute would say what its author typed, not
 * what the code was built against.
 *
 * <p>The rule: the version goes up by one whenever the API changes in a way a plug-in can notice (a method
 * added to an interface it implements, a changed meaning); within a version nothing changes. concbench
 * loads a plug-in built for any version from {@link #OLDEST_SUPPORTED} to {@link #VERSION}, and refuses one
 * built for a newer API (upgrade concbench) or an older one than it still supports (rebuild the plug-in).
 */
public final class Api {

  /** The version of the API in this concbench. */
  public static final int VERSION = 1;

  /** The oldest API version whose plug-ins this concbench still loads. */
  public static final int OLDEST_SUPPORTED = 1;

  private Api() {}
}

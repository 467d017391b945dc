package io.concbench.plugin;

import java.nio.file.Path;

/** A plug-in that cannot be loaded: which jar, as the user gave it, and why, in words fit for one line. */
public final class PluginException extends Exception {

  private final PluginSource source;
  private final String reason;

  PluginException(PluginSource source, String reason) {
    super(source.path() + ": " + reason);
    this.source = source;
    this.reason = reason;
  }

  /** The jar as the user named it, and where (an option or the environment variable). */
  public PluginSource source() {
    return source;
  }

  public Path jar() {
    return source.path();
  }

  /** Why it cannot be loaded, without the jar's name. */
  public String reason() {
    return reason;
  }
}

package io.concbench.result;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** concbench's own version, from the jar's manifest or a resource Maven fills in at build time. */
public final class Version {

  private Version() {}

  public static String current() {
    // From the jar's manifest, which the JVM has read already: reading a resource out of the jar instead sets
    // up URL connections, 30 ms of `concbench --version` on JDK 25. The resource serves class directories.
    String fromManifest = Version.class.getPackage().getImplementationVersion();
    if (fromManifest != null) {
      return fromManifest;
    }
    try (InputStream in = Version.class.getResourceAsStream("/io/concbench/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

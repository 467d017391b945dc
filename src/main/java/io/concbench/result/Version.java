package io.concbench.result;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** concbench's own version, from a resource Maven fills in at build time. */
public final class Version {

  private Version() {}

  public static String current() {
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

package io.concbench.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a file, lowercase hex: what names a build in a report (concbench's jar, a plug-in's jar), what
 * a cluster member's plug-ins are compared by, and what keys the workers' unpacked plug-in classes. One
 * implementation for all of them, so that the same file has the same name everywhere. A package of its own,
 * on the JDK only, so that plug-in loading, results and the process executors may all use it.
 */
public final class Sha256 {

  private Sha256() {}

  /** The file's SHA-256, read in 64 KB blocks (a plug-in jar need not fit in memory twice). */
  public static String of(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

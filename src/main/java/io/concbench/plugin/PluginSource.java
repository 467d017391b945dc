package io.concbench.plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plug-in jar as the user named it, and where: {@code --plugin PATH} or the {@value #VARIABLE}
 * environment variable, so that a refusal can name the option or variable the bad path came from.
 */
public record PluginSource(Path path, String origin) {

  public static final String OPTION = "--plugin";
  public static final String VARIABLE = "CONCBENCH_PLUGINS";

  /**
   * The jars of {@value #VARIABLE} (a path list, entries separated by ':' as in a class path; empty entries
   * ignored), then those of {@code --plugin}, each jar once (by absolute path; the first mention wins).
   *
   * @param variable the variable's value, or null when it is not set
   */
  public static List<PluginSource> of(String variable, List<String> options) {
    List<PluginSource> given = new ArrayList<>();
    if (variable != null) {
      for (String entry : variable.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          given.add(new PluginSource(Path.of(entry.strip()), VARIABLE));
        }
      }
    }
    for (String option : options) {
      given.add(new PluginSource(Path.of(option), OPTION));
    }
    Map<Path, PluginSource> once = new LinkedHashMap<>();
    for (PluginSource source : given) {
      once.putIfAbsent(source.path().toAbsolutePath().normalize(), source);
    }
    return List.copyOf(once.values());
  }
}

package io.concbench.plugin;

import io.concbench.api.Api;
import io.concbench.api.ParamValues;
import io.concbench.api.Workload;
import java.util.regex.Pattern;

/**
 * What a plug-in's workload must be before concbench lists or runs it: built for an API version this
 * concbench provides, with a name a user can type in a comma-separated list, a description, a task count,
 * and parameters whose defaults resolve. Each accessor is called once here, so that one that throws does so
 * while the plug-in loads (exit 2, one line), not halfway through a run.
 */
final class WorkloadCheck {

  /** A name fits a comma-separated --workload list, a file name and a report column. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  private WorkloadCheck() {}

  static void check(PluginSource source, String className, Workload workload) throws PluginException {
    int version;
    try {
      version = workload.apiVersion();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginException(source, className + ".apiVersion() threw " + e);
    }
    checkVersion(source, className, version);
    String name;
    try {
      name = workload.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw new PluginException(source, className + " has the name '" + name + "' (a name is a letter, then "
            + "up to 63 letters, digits, '.', '_' or '-')");
      }
      if (workload.description() == null) {
        throw new PluginException(source, "workload '" + name + "' has no description");
      }
      if (workload.defaultTasks() < 1) {
        throw new PluginException(source, "workload '" + name + "' has " + workload.defaultTasks()
            + " default tasks (at least 1)");
      }
      ParamValues.defaults(workload);
      workload.boundByCores();
      workload.usesCounter();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginException(source, className + " is not a usable workload (" + e + ")");
    }
  }

  static void checkVersion(PluginSource source, String className, int version) throws PluginException {
    if (version == Workload.UNDECLARED_API_VERSION) {
      throw new PluginException(source, className + " declares no API version (override apiVersion() to "
          + "return Api.VERSION, then rebuild it)");
    }
    if (version > Api.VERSION) {
      throw new PluginException(source, className + " was built for concbench API " + version
          + ", this concbench provides API " + Api.VERSION + " (use a newer concbench)");
    }
    if (version < Api.OLDEST_SUPPORTED) {
      throw new PluginException(source, className + " was built for concbench API " + version
          + ", this concbench loads API " + Api.OLDEST_SUPPORTED + " to " + Api.VERSION
          + " (rebuild the plug-in against this concbench)");
    }
  }
}

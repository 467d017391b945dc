package io.concbench.plugin;

import io.concbench.api.Workload;
import io.concbench.digest.Sha256;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

/**
 * Loads one plug-in jar: checks that it is a readable jar with a service file, opens it in a class loader of
 * its own whose parent is concbench's (so the {@code io.concbench.api} classes are the same on both sides,
 * and two plug-ins never see each other's classes), and constructs and checks each workload it declares
 * ({@link WorkloadCheck}). Every way this can fail is a {@link PluginException} with a one-line reason;
 * nothing a plug-in throws escapes as a stack trace.
 */
final class PluginLoader {

  static final String SERVICE_FILE = "META-INF/services/" + Workload.class.getName();

  private final ClassLoader parent;

  PluginLoader(ClassLoader parent) {
    this.parent = parent;
  }

  Plugin load(PluginSource source) throws PluginException {
    Path jar = source.path().toAbsolutePath().normalize();
    if (!Files.exists(jar)) {
      throw new PluginException(source, "no such file");
    }
    if (!Files.isRegularFile(jar)) {
      throw new PluginException(source, "not a jar (not a regular file)");
    }
    Manifest manifest;
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(SERVICE_FILE) == null) {
        throw new PluginException(source, "no workload inside (the jar has no " + SERVICE_FILE + ")");
      }
      manifest = file.getManifest();
    } catch (ZipException | SecurityException e) {
      throw new PluginException(source, "not a jar (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new PluginException(source, "cannot be read (" + e.getMessage() + ")");
    }
    String sha256;
    try {
      sha256 = Sha256.of(jar);
    } catch (IOException e) {
      throw new PluginException(source, "cannot be read (" + e.getMessage() + ")");
    }
    List<Workload> workloads = workloads(source, classLoader(source, jar));
    if (workloads.isEmpty()) {
      throw new PluginException(source, "no workload inside (" + SERVICE_FILE + " lists no class of this jar)");
    }
    return new Plugin(jar, sha256, declared(manifest, Attributes.Name.IMPLEMENTATION_TITLE,
        defaultName(jar)), declared(manifest, Attributes.Name.IMPLEMENTATION_VERSION, null), workloads);
  }

  private URLClassLoader classLoader(PluginSource source, Path jar) throws PluginException {
    try {
      return new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
    } catch (MalformedURLException e) {
      throw new PluginException(source, "cannot be opened (" + e.getMessage() + ")");
    }
  }

  /**
   * The workloads the jar's own service file lists, constructed and checked. The service loader also sees
   * the service files of the parent's class path: only classes this jar defines count.
   */
  private static List<Workload> workloads(PluginSource source, URLClassLoader loader) throws PluginException {
    List<Workload> workloads = new ArrayList<>();
    try {
      Iterator<ServiceLoader.Provider<Workload>> providers =
          ServiceLoader.load(Workload.class, loader).stream().iterator();
      while (providers.hasNext()) {
        ServiceLoader.Provider<Workload> provider = providers.next();
        if (provider.type().getClassLoader() != loader) {
          continue;
        }
        Workload workload = provider.get();
        WorkloadCheck.check(source, provider.type().getName(), workload);
        for (Workload earlier : workloads) {
          if (earlier.name().equals(workload.name())) {
            throw new PluginException(source, "declares the workload '" + workload.name() + "' twice");
          }
        }
        workloads.add(workload);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginException(source, serviceProblem(e));
    } catch (LinkageError e) {
      // A class built for a newer Java, or one that needs a class the jar does not hold.
      throw new PluginException(source, "its classes cannot be loaded (" + e + ")");
    }
    return workloads;
  }

  /**
   * "com.example.Slow could not be constructed: java.lang.IllegalStateException: no config": the service
   * loader's words without its interface prefix, and the cause, which is the plug-in's own exception.
   */
  static String serviceProblem(ServiceConfigurationError e) {
    String message = String.valueOf(e.getMessage());
    String prefix = Workload.class.getName() + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    message = message.replace(" could not be instantiated", " could not be constructed");
    Throwable cause = e.getCause();
    if (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause == null ? message : message + ": " + cause;
  }

  private static String declared(Manifest manifest, Attributes.Name attribute, String otherwise) {
    String value = manifest == null ? null : manifest.getMainAttributes().getValue(attribute);
    return value == null || value.isBlank() ? otherwise : value.strip();
  }

  private static String defaultName(Path jar) {
    String file = jar.getFileName().toString();
    return file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
  }
}

package io.concbench.process.parent;

import java.util.List;

/**
 * Prints, as a JSON array of strings, the command line concbench uses for a worker JVM (making the
 * class-data archive if it is missing), so that scripts/startup-cost measures exactly what runs.
 */
public final class WorkerCommandPrinter {

  private WorkerCommandPrinter() {}

  public static void main(String[] args) {
    List<String> command = WorkerCommand.of(null, List.of(), WorkerCommand.defaultCacheDirectory()).command();
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < command.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"')
          .append(command.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    System.out.println(json.append(']'));
  }
}

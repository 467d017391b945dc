package io.concbench.process.worker;

import io.concbench.process.wire.FrameInput;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/**
 * Entry point of a worker JVM ({@code fork} and {@code process-pool}). It loads as little as it can: no
 * picocli, no Jackson, only the workload classes and the frame codec, because its start-up is part of what
 * users measure.
 */
public final class WorkerMain {

  private WorkerMain() {}

  public static void main(String[] args) {
    // The real stdout carries frames; anything a workload or the JVM prints must not corrupt them, so
    // System.out becomes stderr before anything else runs.
    FileOutputStream frames = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    if (args.length == 1 && args[0].equals("--train")) {
      CdsTraining.run();
      return;
    }
    FrameInput in = new FrameInput(new FileInputStream(FileDescriptor.in));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(frames, 1 << 16));
    int status = new WorkerSession(in, out, new HaltNow()).run();
    System.exit(status);
  }

  /**
   * Ends the JVM at once when the parent is gone. A named class, not a lambda: the first lambda of a JVM
   * loads some 80 classes of java.lang.invoke and the lambda spinner, which is start-up time every fork pays.
   */
  private static final class HaltNow implements Runnable {
    @Override
    public void run() {
      Runtime.getRuntime().halt(0);
    }
  }
}

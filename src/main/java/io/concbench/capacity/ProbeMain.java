package io.concbench.capacity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * A capacity probe process: compiles the probe kernel, says it is ready, then for every byte read from
 * stdin runs the kernel once and writes its time (8 bytes). Ends when stdin ends (concbench closed it, or
 * is gone).
 */
public final class ProbeMain {

  private ProbeMain() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
    System.setOut(System.err);
    DataInputStream in = new DataInputStream(new FileInputStream(FileDescriptor.in));
    ProbeKernel kernel = new ProbeKernel();
    kernel.warmUp();
    out.writeLong(0); // ready
    out.flush();
    try {
      while (true) {
        in.readByte();
        out.writeLong(kernel.time());
        out.flush();
      }
    } catch (EOFException e) {
      Runtime.getRuntime().halt(0);
    }
  }
}

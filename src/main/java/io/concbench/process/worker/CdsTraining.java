package io.concbench.process.worker;

import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import io.concbench.process.wire.Frame;
import io.concbench.process.wire.FrameCodec;
import io.concbench.process.wire.FrameInput;
import io.concbench.workload.WorkloadRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a worker does when it runs only to have its classes recorded for a class-data sharing archive
 * ({@code -XX:DumpLoadedClassList}, see the parent side's {@code WorkerArchive}): it loads the classes a real
 * session loads, by binding every workload and passing every kind of frame through the codec, and exits.
 */
final class CdsTraining {

  private CdsTraining() {}

  static void run() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      List<Frame> frames = List.of(
          new Frame.Hello(FrameCodec.MAGIC, FrameCodec.VERSION, OwnPid.get()),
          new Frame.Setup("tiny", Map.of(), 0, false, false),
          new Frame.Ready(0),
          new Frame.Tasks(1, System.nanoTime(), false, new int[] {0}, new byte[][] {new byte[1]}),
          new Frame.Results(1, 1, 2, false, List.of(new Frame.TaskOutcome(0, 0, 1, null)), new byte[0][]),
          new Frame.Started(0, 1),
          new Frame.Failure("training"),
          Frame.Goodbye.FROM_PARENT);
      for (Frame frame : frames) {
        FrameCodec.write(out, frame);
      }
      FrameInput input = new FrameInput(new ByteArrayInputStream(bytes.toByteArray()));
      input.hasWholeFrame();
      DataInputStream in = new DataInputStream(input);
      for (int i = 0; i < frames.size(); i++) {
        FrameCodec.read(in);
      }
      WorkerSession.warmUpDispatch();
      new ParentWatch(new ParentWatch.ProcSelfStat(), null).stillThere();
      TaskContext context = new TaskContext() {
        @Override
        public void checkpoint() {}

        @Override
        public void sleep(long millis) {}

        @Override
        public void increment() {}
      };
      for (Workload workload : WorkloadRegistry.all()) {
        if (workload.startsProcesses()) {
          continue; // never sent to a worker: a JVM between concbench and a process adds nothing but cost
        }
        TaskKernel kernel = workload.bind(ParamValues.defaults(workload));
        if (workload.name().equals("tiny")) {
          kernel.verify(0, kernel.run(0, context));
        }
      }
      // The plug-ins on the class path: their classes come from directories and stay out of the archive,
      // but the JDK classes they bind with (regular expressions, say) go in.
      for (Workload workload : PluginWorkloads.all()) {
        try {
          workload.bind(ParamValues.defaults(workload));
        } catch (RuntimeException e) {
          // a plug-in that cannot bind its defaults fails its runs with the reason, not the training
        }
      }
    } catch (IOException | InterruptedException e) {
      // Training only loads classes; a failure just means a smaller archive.
    }
  }
}

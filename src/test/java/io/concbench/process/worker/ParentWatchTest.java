package io.concbench.process.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ParentWatchTest {

  @Test
  void aChangedParentPidMeansTheParentIsGone() throws InterruptedException {
    AtomicLong parent = new AtomicLong(4242);
    CountDownLatch gone = new CountDownLatch(1);
    ParentWatch watch = new ParentWatch(parent::get, gone::countDown);
    Thread thread = new Thread(watch);
    thread.setDaemon(true);
    thread.start();

    assertThat(watch.stillThere()).isTrue();
    parent.set(1); // re-parented to init: the parent died
    assertThat(gone.await(10, TimeUnit.SECONDS)).isTrue();
    thread.join(10_000);
    assertThat(thread.isAlive()).isFalse();
  }

  @Test
  void anInterruptEndsTheWatchWithoutCallingParentGone() throws InterruptedException {
    CountDownLatch gone = new CountDownLatch(1);
    Thread thread = new Thread(new ParentWatch(() -> 4242, gone::countDown));
    thread.setDaemon(true);
    thread.start();

    thread.interrupt();
    thread.join(10_000);

    assertThat(thread.isAlive()).isFalse();
    assertThat(gone.getCount()).isEqualTo(1);
  }

  @Test
  void procSelfStatNamesThisProcesssParent() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux's /proc");
    long expected = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);

    assertThat(new ParentWatch.ProcSelfStat().get()).isEqualTo(expected);
  }

  @Test
  void theParentPidFollowsACommandNameWithSpacesAndParentheses() {
    byte[] stat = "1234 (a) b (c) S 987 1234 1234 0 -1".getBytes(StandardCharsets.US_ASCII);

    assertThat(ParentWatch.ProcSelfStat.parse(stat, stat.length)).isEqualTo(987);
    assertThat(ParentWatch.ProcSelfStat.parse(stat, 10)).isEqualTo(-1);
  }
}

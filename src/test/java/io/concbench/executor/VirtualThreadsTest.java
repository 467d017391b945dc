package io.concbench.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class VirtualThreadsTest {

  private static final int FEATURE = Runtime.version().feature();

  @Test
  void beforeJdk21TheAdapterSaysWhyAndTheExecutorCannotBeMade() {
    assumeTrue(FEATURE < 21, "runs on JDK 17-20 only");
    assertThat(VirtualThreads.factory()).isEmpty();
    assertThat(VirtualThreads.unavailableReason())
        .contains("needs JDK 21+, running " + System.getProperty("java.version"));
    VirtualThreadExecutor virtual = new VirtualThreadExecutor();
    assertThat(virtual.unavailableReason()).isEqualTo(VirtualThreads.unavailableReason());
    assertThatThrownBy(() -> virtual.open(new ExecutorSettings(1, 1), new WorkloadSpec("tiny", java.util.Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs JDK 21+");
  }

  @Test
  void onJdk21AndLaterTheFactoryMakesVirtualThreads() throws Exception {
    assumeTrue(FEATURE >= 21, "runs on JDK 21+ only");
    assertThat(VirtualThreads.unavailableReason()).isEmpty();
    Thread thread = VirtualThreads.factory().orElseThrow().newThread(() -> {});
    assertThat(Thread.class.getMethod("isVirtual").invoke(thread)).isEqualTo(true);
  }
}

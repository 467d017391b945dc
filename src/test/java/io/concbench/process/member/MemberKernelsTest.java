package io.concbench.process.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A concbench member's gates: a run whose client is gone is dropped; the next client's run goes on. */
class MemberKernelsTest {

  @AfterEach
  void reset() {
    MemberKernels.orphaned(false);
    MemberKernels.noClientNow(null);
    MemberKernels.allowCommands(true);
  }

  @Test
  void chunksOfARunWhoseClientIsGoneFailUnrun() {
    MemberKernels.orphaned(true);

    assertThatThrownBy(() -> new ChunkTask("tiny", Map.of(), new int[] {1, 2}, false).call())
        .hasMessage("dropped: the run's client is gone");

    MemberKernels.orphaned(false); // the next run's client connected
    assertThat(new ChunkTask("tiny", Map.of(), new int[] {1, 2}, false).call().results()).hasSize(2);
  }

  @Test
  void aLateDisconnectionEventDropsNothingWhenTheNextClientIsAlreadyConnected() {
    MemberKernels.noClientNow(() -> false); // a client is connected now
    MemberKernels.orphaned(true);

    assertThat(new ChunkTask("tiny", Map.of(), new int[] {1, 2}, false).call().results()).hasSize(2);
    assertThat(MemberKernels.orphaned()).isFalse();
  }

  @Test
  void aWorkloadThatStartsNoCommandsRunsWithoutAllowCommands() {
    MemberKernels.allowCommands(false);

    assertThat(new ChunkTask("tiny", Map.of(), new int[] {7}, false).call().error(0)).isNull();
  }
}

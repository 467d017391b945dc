package io.concbench.process.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.spi.discovery.DiscoveryNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MemberMainTest {

  @Test
  @Timeout(10)
  void aGatedMemberFindsTheFirstMemberOnlyOnceItsStdinSaysJoin() throws Exception {
    GatedJoin gate = new GatedJoin(List.of("127.0.0.1:5701"));
    CompletableFuture<Iterable<DiscoveryNode>> found = CompletableFuture.supplyAsync(gate::awaitMembers);

    MemberMain.awaitEnd(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)), gate);
    Thread.sleep(50);
    assertThat(found).isNotDone();

    MemberMain.awaitEnd(new ByteArrayInputStream("join\n".getBytes(StandardCharsets.UTF_8)), gate);
    assertThat(found.get(5, TimeUnit.SECONDS)).singleElement()
        .satisfies(node -> assertThat(node.getPrivateAddress().getPort()).isEqualTo(5701));
  }

  @Test
  @Timeout(10)
  void stdinEndingEndsTheWatchEvenWithoutAGate() {
    MemberMain.awaitEnd(new ByteArrayInputStream(new byte[0]), null);
    MemberMain.awaitEnd(new ByteArrayInputStream("join\n".getBytes(StandardCharsets.UTF_8)), null);
  }
}

package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.executor.ProcessSettings;
import io.concbench.process.member.MemberMain;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberCommandTest {

  @Test
  void aMemberOnJdk17GetsTheOpensAndOnJdk25TheUnsafeFlagOnly() {
    assertThat(MemberCommand.jdkFlags(17)).contains("--add-opens", "java.base/java.lang=ALL-UNNAMED")
        .doesNotContain(JdkFlags.UNSAFE_ACCESS);
    assertThat(MemberCommand.jdkFlags(25)).containsExactly(JdkFlags.UNSAFE_ACCESS);
  }

  @Test
  void everyMemberRaisesTheForkJoinParallelismAndListsEveryMemberLast() {
    ProcessSettings settings = new ProcessSettings(null, List.of("-Xmx300m"), 0, 0, 0, 1, 0);
    List<String> command = MemberCommand.of(settings, "concbench-abc", 5701,
        List.of("127.0.0.1:5701", "127.0.0.1:5702"), 5);

    assertThat(command).contains(MemberCommand.FORK_JOIN_PARALLELISM, "-Xmx300m");
    int main = command.indexOf(MemberMain.class.getName());
    assertThat(command.subList(main + 1, command.size()))
        .containsExactly("concbench-abc", "5701", "1", "5", "127.0.0.1:5701", "127.0.0.1:5702");
  }

  @Test
  void onlyAGatedMemberWaitsToBeToldToJoin() {
    ProcessSettings settings = new ProcessSettings(null, List.of(), 0, 0, 0, 1, 0);
    List<String> members = List.of("127.0.0.1:5701", "127.0.0.1:5702");
    String gated = "-D" + MemberMain.GATED + "=true";

    assertThat(MemberCommand.of(settings, "c", 5701, members.subList(0, 1), 5)).doesNotContain(gated);
    List<String> second = MemberCommand.of(settings, "c", 5702, members, 5, true);
    assertThat(second.indexOf(gated)).isBetween(0, second.indexOf(MemberMain.class.getName()));
  }
}

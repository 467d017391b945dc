package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.concbench.process.member.MemberFacts;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison of a remote member's facts with this concbench's, without Hazelcast. */
class MemberHandshakeTest {

  private static final String SHA_A = "ab12cd34ef56" + "0".repeat(52);
  private static final String SHA_B = "9f3e00112233" + "1".repeat(52);

  private static MemberHandshake.Facts here(Map<String, String> plugins) {
    return new MemberHandshake.Facts("here", 2, "17.0.15", "Debian", "0.1.0", plugins, true);
  }

  private static Map<String, String> attributes(String processors, String plugins, boolean commands) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put(MemberFacts.PROCESSORS, processors);
    attributes.put(MemberFacts.JAVA_VERSION, "17.0.15");
    attributes.put(MemberFacts.JAVA_VENDOR, "Debian");
    attributes.put(MemberFacts.CONCBENCH_VERSION, "0.1.0");
    attributes.put(MemberFacts.PLUGINS, plugins);
    attributes.put(MemberFacts.ALLOW_COMMANDS, Boolean.toString(commands));
    return attributes;
  }

  @Test
  void aMemberWithTheSameFactsIsAcceptedAndOtherProcessorsAreOnlyReported() {
    MemberHandshake.Facts there = MemberHandshake.of("10.0.0.5:5701",
        attributes("8", MemberHandshake.pluginsAttribute(Map.of("main.jar", SHA_A)), false));

    assertThat(there.processors()).isEqualTo(8);
    assertThat(there.jdk()).isEqualTo("17.0.15 (Debian)");
    assertThat(MemberHandshake.refusal(here(Map.of("main.jar", SHA_A)), there, false)).isEmpty();
  }

  @Test
  void anotherPluginJarIsRefusedNamingTheMemberTheJarAndBothHashes() {
    MemberHandshake.Facts there = MemberHandshake.of("10.0.0.5:5701",
        attributes("2", MemberHandshake.pluginsAttribute(Map.of("main.jar", SHA_B)), false));

    assertThat(MemberHandshake.refusal(here(Map.of("main.jar", SHA_A)), there, false)).contains(
        "member 10.0.0.5:5701 differs: plug-in main.jar sha256 ab12cd34ef56… here, sha256 9f3e00112233… there");
  }

  @Test
  void aPluginOnOneSideOnlyIsRefused() {
    MemberHandshake.Facts without = MemberHandshake.of("h:1", attributes("2", "", false));
    MemberHandshake.Facts with = MemberHandshake.of("h:1",
        attributes("2", MemberHandshake.pluginsAttribute(Map.of("extra.jar", SHA_B)), false));

    assertThat(MemberHandshake.refusal(here(Map.of("main.jar", SHA_A)), without, false))
        .contains("member h:1 differs: plug-in main.jar sha256 ab12cd34ef56… here, none there");
    assertThat(MemberHandshake.refusal(here(Map.of()), with, false))
        .contains("member h:1 differs: plug-in extra.jar none here, sha256 9f3e00112233… there");
  }

  @Test
  void anotherConcbenchOrJdkIsRefusedAllDifferencesInOneLine() {
    Map<String, String> attributes = attributes("2", "", false);
    attributes.put(MemberFacts.CONCBENCH_VERSION, "0.2.0");
    attributes.put(MemberFacts.JAVA_VERSION, "21.0.2");
    attributes.put(MemberFacts.JAVA_VENDOR, "Eclipse Adoptium");

    assertThat(MemberHandshake.refusal(here(Map.of()), MemberHandshake.of("h:1", attributes), false)).contains(
        "member h:1 differs: concbench 0.1.0 here, 0.2.0 there; JDK 17.0.15 (Debian) here, "
            + "21.0.2 (Eclipse Adoptium) there");
  }

  @Test
  void commandsAreRefusedByAMemberStartedWithoutAllowCommands() {
    MemberHandshake.Facts refusing = MemberHandshake.of("h:1", attributes("2", "", false));
    MemberHandshake.Facts allowing = MemberHandshake.of("h:1", attributes("2", "", true));

    assertThat(MemberHandshake.refusal(here(Map.of()), refusing, true))
        .contains("member h:1 refuses commands: it was not started with --allow-commands");
    assertThat(MemberHandshake.refusal(here(Map.of()), refusing, false)).isEmpty();
    assertThat(MemberHandshake.refusal(here(Map.of()), allowing, true)).isEmpty();
  }

  @Test
  void aMemberWithoutFactsIsNotAConcbenchMember() {
    assertThatThrownBy(() -> MemberHandshake.of("h:1", Map.of()))
        .hasMessage("member h:1 reports no concbench facts: start it with 'concbench member'");
  }

  @Test
  void thePluginsAttributeRoundTrips() {
    Map<String, String> plugins = Map.of("a.jar", SHA_A, "b=c.jar", SHA_B);

    assertThat(MemberHandshake.plugins(MemberHandshake.pluginsAttribute(plugins))).isEqualTo(plugins);
    assertThat(MemberHandshake.plugins("")).isEmpty();
  }
}

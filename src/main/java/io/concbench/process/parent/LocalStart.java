package io.concbench.process.parent;

import io.concbench.executor.ProcessSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts a run's local members all at once, so that two are ready about as soon as one: a member's own
 * start-up (the JVM, Hazelcast's set-up) takes seconds, its join to a running member ~0.2 s. The first member
 * is told of itself only and becomes the master at once; the others are gated (see process.member.GatedJoin):
 * they set themselves up meanwhile and join once it is up, so that none waits on a member that is not there
 * (told of members not yet listening, two started together took ~4 s at a 1 s connection timeout; started
 * one after the other, two took 2.0× one). They join one at a time, each once the one before has joined: seven
 * let in at once raced in Hazelcast's join ("Cannot set master address to null because node is already
 * joined"), and a member left with no master took the others for dead 30 s later ("only 6 of 8 members
 * joined in 60 s"). A join to a running cluster takes ~0.2 s.
 */
final class LocalStart {

  private LocalStart() {}

  /**
   * Launches a member on each port into {@code members} (the caller's, so that it can end them if this
   * fails), waits until the first has started and lets the others join it, one at a time. A member that
   * dies before it joins is passed over, and returned.
   *
   * @param logs where member {@code i}'s log goes
   * @param launched runs once every member's process is started, before any has joined
   * @return the members (by index) that died before they joined: the run goes on without them
   */
  static Set<Integer> launch(ProcessSettings settings, String clusterName, List<Integer> ports, List<String> addresses,
      int heartbeatSeconds, List<Path> logs, List<LocalMember> members, Runnable launched) throws IOException {
    for (int i = 0; i < ports.size(); i++) {
      boolean first = i == 0;
      List<String> told = first ? addresses.subList(0, 1) : addresses;
      members.add(LocalMember.launch(
          MemberCommand.of(settings, clusterName, ports.get(i), told, heartbeatSeconds, !first),
          ports.get(i), logs.get(i)));
    }
    launched.run();
    members.get(0).awaitJoined();
    Set<Integer> diedBeforeJoining = new HashSet<>();
    for (int i = 1; i < members.size(); i++) {
      LocalMember member = members.get(i);
      try {
        try {
          member.join();
        } catch (IOException e) {
          if (member.alive()) {
            throw e;
          } // dead, its stdin gone: awaitJoined says how it ended
        }
        member.awaitJoined(); // one that said something else than ready is killed, and the start fails
      } catch (LocalMember.DiedBeforeJoining e) {
        diedBeforeJoining.add(i);
      }
    }
    return diedBeforeJoining;
  }
}

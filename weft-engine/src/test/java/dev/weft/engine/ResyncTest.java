package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.action.Action;
import dev.weft.engine.event.Event;
import dev.weft.model.Workflow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After a restart the executor knows no pods: a Resync asks again for each one not yet ended. */
class ResyncTest {
  private static final String WF =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: a, template: work}
          - - {name: b, template: work}
            - {name: c, template: work}
        - name: work
          container: {image: alpine, command: [sleep, "1"]}
      """;

  private final Engine engine = new Engine();
  private final Instant now = Simulation.T0;

  private Workflow reconciled(Workflow wf, List<Event> events) {
    return wf.withStatus(engine.reconcile(wf, Library.EMPTY, events, now).status());
  }

  private List<Action.RunPod> podsAskedFor(Workflow wf, List<Event> events) {
    return engine.reconcile(wf, Library.EMPTY, events, now).actions().stream()
        .filter(Action.RunPod.class::isInstance)
        .map(Action.RunPod.class::cast)
        .toList();
  }

  private static String idOf(Workflow wf, String displayName) {
    return wf.status().nodesOrEmpty().values().stream()
        .filter(n -> n.displayName().equals(displayName))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void aResyncAsksAgainForARunningPodWithTheSameNameAndTemplate() {
    Workflow wf = Simulation.of(WF).workflow();
    List<Action.RunPod> first = podsAskedFor(wf, List.of());
    Workflow started = reconciled(wf, List.of());

    List<Action.RunPod> again = podsAskedFor(started, List.of(new Event.Resync()));

    assertThat(again).containsExactlyElementsOf(first);
  }

  @Test
  void withoutAResyncARunningPodIsNotAskedForAgain() {
    Workflow started = reconciled(Simulation.of(WF).workflow(), List.of());

    assertThat(podsAskedFor(started, List.of())).isEmpty();
  }

  @Test
  void aResyncSkipsPodsThatEndedAndAsksOnceForEachRunningOne() {
    Workflow wf = reconciled(Simulation.of(WF).workflow(), List.of());
    String a = idOf(wf, "a");
    wf =
        reconciled(
            wf,
            List.of(
                new Event.PodFinished(
                    a,
                    0,
                    java.util.Optional.empty(),
                    new dev.weft.model.spec.Outputs(null, null, null, null),
                    now,
                    now)));

    List<Action.RunPod> again = podsAskedFor(wf, List.of(new Event.Resync()));

    assertThat(again).extracting(Action.RunPod::nodeName).containsExactly("wf[1].b", "wf[1].c");
  }

  @Test
  void aResyncAsksAgainToKillThePodsOfFailedNodes() {
    Workflow wf = reconciled(Simulation.of(WF).workflow(), List.of());
    wf = reconciled(wf, List.of(finished(idOf(wf, "a"), 0)));
    String b = idOf(wf, "b");
    wf = reconciled(wf, List.of(finished(b, 1))); // c still runs: the workflow goes on

    List<Action> actions =
        engine.reconcile(wf, Library.EMPTY, List.of(new Event.Resync()), now).actions();

    assertThat(actions)
        .filteredOn(Action.KillPod.class::isInstance)
        .extracting(k -> ((Action.KillPod) k).nodeId())
        .containsExactly(b);
  }

  private Event.PodFinished finished(String nodeId, int exitCode) {
    return new Event.PodFinished(
        nodeId,
        exitCode,
        java.util.Optional.empty(),
        new dev.weft.model.spec.Outputs(null, null, null, null),
        now,
        now);
  }
}

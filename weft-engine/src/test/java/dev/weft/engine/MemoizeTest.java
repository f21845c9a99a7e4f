package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.action.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoizeTest {
  private static final String WF =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - name: compute
              template: compute
              arguments: {parameters: [{name: x, value: "7"}]}
          - - name: show
              template: show
              arguments: {parameters: [{name: v, value: "{{steps.compute.outputs.result}}"}]}
        - name: compute
          inputs: {parameters: [{name: x}]}
          memoize:
            key: "sq-{{inputs.parameters.x}}"
            maxAge: 1h
            cache: {configMap: {name: memo}}
          container: {image: alpine}
        - name: show
          inputs: {parameters: [{name: v}]}
          container: {image: alpine, args: ["{{inputs.parameters.v}}"]}
      """;

  private static Library cache(String key, String createdAt) {
    String entry =
        "{\"nodeID\":\"wf-1\",\"outputs\":{\"result\":\"49\"},\"creationTimestamp\":\""
            + createdAt
            + "\",\"lastHitTimestamp\":\""
            + createdAt
            + "\"}";
    return new Library(
        Map.of(),
        Map.of(),
        Map.of("memo", Simulation.configMap("memo", Map.of(key, entry))),
        Map.of());
  }

  @Test
  void cacheHitSucceedsWithCachedOutputsAndNoPod() {
    Simulation sim = Simulation.of(WF).library(cache("sq-7", "2023-12-31T23:30:00Z")).run();

    assertThat(sim.phaseOf("compute")).isEqualTo("Succeeded");
    assertThat(sim.node("compute").outputs().result()).isEqualTo("49");
    assertThat(sim.podsRun()).containsExactly("wf[1].show");
  }

  @Test
  void cachedOutputsFlowToLaterSteps() {
    Simulation sim = Simulation.of(WF).library(cache("sq-7", "2023-12-31T23:30:00Z")).run();

    assertThat(sim.argsOf("show")).containsExactly("49");
  }

  @Test
  void cacheHitIsRecordedInMemoizationStatus() {
    Simulation sim = Simulation.of(WF).library(cache("sq-7", "2023-12-31T23:30:00Z")).run();

    var memo = sim.node("compute").memoizationStatus();
    assertThat(memo.path("hit").asBoolean()).isTrue();
    assertThat(memo.path("key").asText()).isEqualTo("sq-7");
    assertThat(memo.path("cacheName").asText()).isEqualTo("memo");
    assertThat(sim.actions(Action.SaveMemo.class)).isEmpty();
  }

  @Test
  void cacheMissRunsThePodAndSavesItsOutputs() {
    Simulation sim = Simulation.of(WF).pod("compute", Pod.ok("49")).run();

    assertThat(sim.podsRun()).containsExactly("wf[0].compute", "wf[1].show");
    assertThat(sim.actions(Action.SaveMemo.class))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.configMap()).isEqualTo("memo");
              assertThat(m.key()).isEqualTo("sq-7");
              assertThat(m.nodeId()).isEqualTo(sim.node("compute").id());
              assertThat(m.outputs().result()).isEqualTo("49");
            });
  }

  @Test
  void entryWithAnotherKeyIsAMiss() {
    Simulation sim = Simulation.of(WF).library(cache("sq-8", "2023-12-31T23:30:00Z")).run();

    assertThat(sim.podsRun()).contains("wf[0].compute");
  }

  @Test
  void entryOlderThanMaxAgeIsAMiss() {
    Simulation sim = Simulation.of(WF).library(cache("sq-7", "2023-12-31T20:00:00Z")).run();

    assertThat(sim.podsRun()).contains("wf[0].compute");
    assertThat(sim.actions(Action.SaveMemo.class)).hasSize(1);
  }

  @Test
  void failedPodIsNotSaved() {
    Simulation sim = Simulation.of(WF).pod("compute", Pod.fail(1)).run();

    assertThat(sim.actions(Action.SaveMemo.class)).isEmpty();
  }
}

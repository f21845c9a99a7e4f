package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ObjectMeta;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerTest {
  private static ObjectMeta meta(Map<String, String> labels, Map<String, String> annotations) {
    return new ObjectMeta(
        "wf", null, "default", labels, annotations, "u", null, null, null, null, null, null);
  }

  @Test
  void aWorkflowWithoutMarksWasSubmitted() {
    assertThat(Trigger.of(meta(null, null)).kind()).isEqualTo("submit");
  }

  @Test
  void argosCronLabelMakesItACronRunNamingTheCronWorkflow() {
    Trigger t = Trigger.of(meta(Map.of("workflows.argoproj.io/cron-workflow", "nightly"), null));

    assertThat(t.kind()).isEqualTo("cron");
    assertThat(t.details().path("cronWorkflow").asText()).isEqualTo("nightly");
  }

  @Test
  void anEventBindingsLabelMakesItAnEventRunWithTheEventsId() {
    Trigger t =
        Trigger.of(
            meta(
                Map.of("workflows.argoproj.io/workflow-event-binding", "on-push"),
                Map.of("weft.dev/event-uid", "ev-1")));

    assertThat(t.kind()).isEqualTo("event");
    assertThat(t.details().at("/event/binding").asText()).isEqualTo("on-push");
    assertThat(t.details().at("/event/id").asText()).isEqualTo("ev-1");
  }

  @Test
  void theLatestActionWinsAndEarlierMarksStayAsDetails() {
    Trigger resubmitted =
        Trigger.of(
            meta(
                Map.of(
                    "workflows.argoproj.io/cron-workflow", "nightly",
                    "workflows.argoproj.io/resubmitted-from-workflow", "nightly-123"),
                null));
    Trigger retried =
        Trigger.of(
            meta(
                Map.of("workflows.argoproj.io/resubmitted-from-workflow", "nightly-123"),
                Map.of("workflows.weft.dev/retries", "2")));

    assertThat(resubmitted.kind()).isEqualTo("resubmit");
    assertThat(resubmitted.details().path("cronWorkflow").asText()).isEqualTo("nightly");
    assertThat(retried.kind()).isEqualTo("retry");
    assertThat(retried.details().path("retries").asText()).isEqualTo("2");
    assertThat(retried.details().path("resubmittedFrom").asText()).isEqualTo("nightly-123");
  }
}

package dev.weft.model.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.WorkflowEventBinding;
import org.junit.jupiter.api.Test;

class WorkflowEventBindingDecodeTest {

  private static WorkflowEventBinding decode(String yaml) {
    Decoded d = ResourceDecoder.decode(yaml, "binding.yaml");
    assertThat(d.diagnostics()).isEmpty();
    return (WorkflowEventBinding) d.resources().get(0).value();
  }

  @Test
  void decodesSelectorTemplateRefMetadataAndEventParameters() {
    WorkflowEventBinding b =
        decode(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowEventBinding
            metadata:
              name: event-consumer
            spec:
              event:
                selector: payload.appellation != ""
              submit:
                workflowTemplateRef:
                  name: event-consumer
                  clusterScope: true
                metadata:
                  generateName: '"consumer-"'
                  labels:
                    who: payload.appellation
                arguments:
                  parameters:
                    - name: appellation
                      valueFrom:
                        event: payload.appellation
            """);
    assertThat(b.spec().selectorOrEmpty()).isEqualTo("payload.appellation != \"\"");
    assertThat(b.spec().submit().workflowTemplateRef().name()).isEqualTo("event-consumer");
    assertThat(b.spec().submit().workflowTemplateRef().cluster()).isTrue();
    assertThat(b.spec().submit().metadata().generateName()).isEqualTo("\"consumer-\"");
    assertThat(b.spec().submit().metadata().labels()).containsEntry("who", "payload.appellation");
    assertThat(b.spec().submit().argumentsOrEmpty().parametersOrEmpty().get(0).valueFrom().event())
        .isEqualTo("payload.appellation");
  }

  @Test
  void anUnquotedYamlBooleanSelectorIsReadAsItsText() {
    WorkflowEventBinding b =
        decode(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowEventBinding
            metadata:
              name: always
            spec:
              event:
                selector: true
            """);
    assertThat(b.spec().selectorOrEmpty()).isEqualTo("true");
  }

  @Test
  void aBindingWithoutSpecDecodesWithAnEmptySelector() {
    WorkflowEventBinding b =
        decode(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowEventBinding
            metadata:
              name: malformed
            """);
    assertThat(b.spec()).isNull();
  }
}

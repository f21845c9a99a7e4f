package dev.weft.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ClusterWorkflowTemplate;
import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.WorkflowEventBinding;
import dev.weft.model.WorkflowTemplate;
import dev.weft.model.codec.Codec;
import dev.weft.store.InMemoryStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Argo's operation_test (server/event/dispatch), binding by binding, over an in-memory store. */
class EventDispatcherTest {
  private final InMemoryStore store = new InMemoryStore();
  private final List<Workflow> created = new ArrayList<>();
  private final EventDispatcher dispatcher =
      new EventDispatcher(
          store,
          wf -> {
            Workflow stored = store.create(wf);
            created.add(stored);
            return stored;
          });

  private static final IncomingEvent EVENT =
      new IncomingEvent(
          "my-ns",
          "my-discriminator",
          Map.of("foo", Map.of("bar", "baz"), "formatted", "My%Test%"),
          Map.of("x-github-event", List.of("push")));

  @BeforeEach
  void templates() throws IOException {
    create(WorkflowTemplate.class, "{metadata: {name: my-wft, namespace: my-ns}, spec: {}}");
    create(
        WorkflowTemplate.class,
        """
        {metadata: {name: labelled, namespace: my-ns},
         spec: {workflowMetadata: {labels: {team: a}, annotations: {note: b}}}}
        """);
    create(ClusterWorkflowTemplate.class, "{metadata: {name: my-cwft}, spec: {}}");
  }

  private <T extends Resource> T create(Class<T> type, String yaml) throws IOException {
    return store.create(Codec.yaml().readValue(yaml, type));
  }

  private BindingOutcome only(String bindingYaml) throws IOException {
    create(WorkflowEventBinding.class, bindingYaml);
    return dispatcher.dispatch(EVENT).outcomes().get(0);
  }

  private static String binding(String spec) {
    return "{metadata: {name: b, namespace: my-ns}, spec: " + spec + "}";
  }

  @Test
  void aBindingWithoutSelectorFailsWithExprLangsEofError() throws IOException {
    assertThat(only("{metadata: {name: malformed, namespace: my-ns}}"))
        .isEqualTo(
            new BindingOutcome.Failed(
                "malformed",
                "failed to evaluate workflow template expression: unexpected token EOF"));
  }

  @Test
  void aFalseSelectorIsNotMatchedAndSubmitsNothing() throws IOException {
    assertThat(only(binding("{event: {selector: 'false'}}")))
        .isEqualTo(new BindingOutcome.NotMatched("b", "false"));
    assertThat(created).isEmpty();
  }

  @Test
  void aMatchWithoutSubmitCreatesNothing() throws IOException {
    assertThat(only(binding("{event: {selector: 'true'}}")))
        .isEqualTo(new BindingOutcome.MatchedWithoutSubmit("b"));
    assertThat(created).isEmpty();
  }

  @Test
  void aClusterTemplateIsSubmittedWithItsLabelAndTheBindingLabel() throws IOException {
    only(
        binding(
            "{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: my-cwft,"
                + " clusterScope: true}}}"));
    Workflow wf = created.get(0);
    assertThat(wf.metadata().labels())
        .containsEntry("workflows.argoproj.io/cluster-workflow-template", "my-cwft")
        .containsEntry("workflows.argoproj.io/workflow-event-binding", "b");
    assertThat(wf.metadata().name()).startsWith("my-cwft-");
    assertThat(wf.spec().workflowTemplateRef().cluster()).isTrue();
  }

  @Test
  void theTemplatesWorkflowMetadataIsCopied() throws IOException {
    only(binding("{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: labelled}}}"));
    assertThat(created.get(0).metadata().labels())
        .containsEntry("team", "a")
        .containsEntry("workflows.argoproj.io/workflow-template", "labelled");
    assertThat(created.get(0).metadata().annotations()).containsEntry("note", "b");
  }

  @Test
  void parameterValuesAreJsonWithStringsUnquoted() throws IOException {
    for (String[] c :
        new String[][] {
          {"payload.formatted", "My%Test%"},
          {"'\"bar\"'", "bar"},
          {"payload.foo", "{\"bar\":\"baz\"}"},
          {"1 + 1", "2"},
          {"'\"<a&b>\"'", "<a&b>"}
        }) {
      if (store.get(WorkflowEventBinding.class, "my-ns", "b").isPresent()) {
        store.delete(WorkflowEventBinding.class, "my-ns", "b");
      }
      created.clear();
      only(
          binding(
              "{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: my-wft},"
                  + " arguments: {parameters: [{name: p, valueFrom: {event: "
                  + c[0]
                  + "}}]}}}"));
      assertThat(created.get(0).spec().arguments().parameters().get(0).value())
          .as(c[0])
          .isEqualTo(c[1]);
    }
  }

  @Test
  void aMissingTemplateFailsWithTheApiServersWording() throws IOException {
    assertThat(
            only(
                binding(
                    "{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: nope}}}")))
        .isEqualTo(
            new BindingOutcome.Failed(
                "b",
                "failed to get workflow template: workflowtemplates.argoproj.io \"nope\" not"
                    + " found"));
  }

  @Test
  void anInvalidSelectorFailsWithALocatedMessage() throws IOException {
    BindingOutcome o = only(binding("{event: {selector: 'garbage!!!!!!'}}"));
    assertThat(((BindingOutcome.Failed) o).message())
        .startsWith("failed to evaluate workflow template expression: ")
        .endsWith("(1:8)\n | garbage!!!!!!\n | .......^");
  }

  @Test
  void aNonBoolSelectorFails() throws IOException {
    assertThat(only(binding("{event: {selector: '\"garbage\"'}}")))
        .isEqualTo(
            new BindingOutcome.Failed(
                "b",
                "failed to evaluate workflow template expression: unable to cast expression result"
                    + " 'garbage' to bool"));
  }

  @Test
  void anInvalidParameterExpressionFailsToCompile() throws IOException {
    BindingOutcome o =
        only(
            binding(
                "{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: my-wft},"
                    + " arguments: {parameters: [{name: my-param, valueFrom: {event:"
                    + " 'rubbish!!!'}}]}}}"));
    assertThat(((BindingOutcome.Failed) o).message())
        .startsWith("failed to compile workflow template parameter my-param expression: ");
    assertThat(created).isEmpty();
  }

  @Test
  void submitMetadataIsEvaluatedWithArgosFunctionsAndMustBeAString() throws IOException {
    only(
        binding(
            "{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: my-wft},"
                + " metadata: {generateName: 'sprig.lower(\"EV-\")', labels: {d: discriminator}}}}"));
    assertThat(created.get(0).metadata().name()).startsWith("ev-");
    assertThat(created.get(0).metadata().labels()).containsEntry("d", "my-discriminator");

    store.delete(WorkflowEventBinding.class, "my-ns", "b");
    assertThat(
            only(
                binding(
                    "{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: my-wft},"
                        + " metadata: {name: '1'}}}")))
        .isEqualTo(
            new BindingOutcome.Failed(
                "b", "workflow name expression must evaluate to a string, not a int"));
  }

  @Test
  void aFailingBindingDoesNotStopTheOthersAndTheResultSaysWhichFailed() throws IOException {
    create(WorkflowEventBinding.class, "{metadata: {name: a-bad, namespace: my-ns}}");
    create(
        WorkflowEventBinding.class,
        binding("{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: my-wft}}}"));
    DispatchResult result = dispatcher.dispatch(EVENT);
    assertThat(result.outcomes()).extracting(BindingOutcome::binding).containsExactly("a-bad", "b");
    assertThat(result.workflows()).hasSize(1);
    assertThat(result.failureMessage())
        .isEqualTo(
            "failed to dispatch event: [failed to evaluate workflow template expression:"
                + " unexpected token EOF]");
  }

  @Test
  void aSubmitterThatThrowsFailsOnlyThatBinding() throws IOException {
    create(
        WorkflowEventBinding.class,
        "{metadata: {name: a, namespace: my-ns}, spec: {event: {selector: 'true'},"
            + " submit: {workflowTemplateRef: {name: labelled}}}}");
    create(
        WorkflowEventBinding.class,
        binding("{event: {selector: 'true'}, submit: {workflowTemplateRef: {name: my-wft}}}"));
    EventDispatcher flaky =
        new EventDispatcher(
            store,
            wf -> {
              if (wf.metadata().generateName().startsWith("labelled")) {
                throw new IllegalStateException("boom");
              }
              return store.create(wf);
            });
    DispatchResult result = flaky.dispatch(EVENT);
    assertThat(result.failures())
        .containsExactly(
            new BindingOutcome.Failed(
                "a", "failed to create workflow: java.lang.IllegalStateException: boom"));
    assertThat(result.workflows()).hasSize(1);
  }

  @Test
  void bindingsOfOtherNamespacesAreNotEvaluated() throws IOException {
    create(
        WorkflowEventBinding.class,
        "{metadata: {name: elsewhere, namespace: other}, spec: {event: {selector: 'true'}}}");
    assertThat(dispatcher.dispatch(EVENT).outcomes()).isEmpty();
  }
}

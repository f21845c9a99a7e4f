package dev.weft.cli;

import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `weft run`: real steps in the sandbox, the live view, the summary and the exit code. */
@Timeout(60)
class CliRunTest {
  @TempDir Path dir;

  @BeforeEach
  void home(@TempDir Path home) {
    System.setProperty("weft.home", home.toString());
  }

  private static final String GREETING =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: greet-
      spec:
        entrypoint: main
        arguments:
          parameters:
          - name: msg
            value: from-the-file
        templates:
        - name: main
          inputs:
            parameters:
            - name: msg
          container:
            image: busybox
            command: [echo, "said {{inputs.parameters.msg}}"]
        - name: other
          container:
            image: busybox
            command: [echo, "the other template"]
      """;

  @Test
  void helloWorldPrintsPodOutputAndSucceeds() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hello-from-weft]"));
    Result r = weft("run", f.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^hello-[a-z0-9]{5}: hello-from-weft$")
        .contains("Status:     Succeeded");
    r.assertNoStackTrace();
  }

  @Test
  void helloWorldHeaderNamesGeneratedWorkflow() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = weft("run", f.toString());
    assertThat(r.out())
        .containsPattern("(?m)^Name:       hello-[a-z0-9]{5}$")
        .contains("Namespace:  default");
  }

  @Test
  void nameOptionNamesWorkflowAndPod() {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r = weft("run", f.toString(), "--name", "my-run");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("Name:       my-run").containsPattern("(?m)^my-run: hi$");
  }

  @Test
  void failingStepFailsWorkflowWithExitCodeMessage() {
    Path f = write(dir, "fail.yaml", containerWorkflow("fail-", "[sh, -c, \"exit 3\"]"));
    Result r = weft("run", f.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.out())
        .contains("Status:     Failed")
        .contains("Message:    Error (exit code 3)")
        .containsPattern("(?m)^ ✖ fail-[a-z0-9]{5} .*Error \\(exit code 3\\)$");
    r.assertNoStackTrace();
  }

  @Test
  void parameterOptionOverridesWorkflowArgument() {
    Path f = write(dir, "greet.yaml", GREETING);
    Result r = weft("run", f.toString(), "-p", "msg=from-the-command-line");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^greet-[a-z0-9]{5}: said from-the-command-line$")
        .doesNotContain("from-the-file");
  }

  @Test
  void parameterValueMayContainEqualsSign() {
    Path f = write(dir, "greet.yaml", GREETING);
    Result r = weft("run", f.toString(), "-p", "msg=a=b");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).containsPattern("(?m)^greet-[a-z0-9]{5}: said a=b$");
  }

  @Test
  void workflowArgumentIsUsedWithoutParameterOption() {
    Path f = write(dir, "greet.yaml", GREETING);
    Result r = weft("run", f.toString());
    assertThat(r.out()).containsPattern("(?m)^greet-[a-z0-9]{5}: said from-the-file$");
  }

  @Test
  void entrypointOptionRunsAnotherTemplate() {
    Path f = write(dir, "greet.yaml", GREETING);
    Result r = weft("run", f.toString(), "--entrypoint", "other");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^greet-[a-z0-9]{5}: the other template$")
        .doesNotContain("said ")
        .containsPattern("(?m)^ ✔ greet-[a-z0-9]{5}\\s+other\\s");
  }

  @Test
  void entrypointOptionNamingNoTemplateIsBadInput() {
    Path f = write(dir, "greet.yaml", GREETING);
    Result r = weft("run", f.toString(), "--entrypoint", "nope");
    r.assertOneBadInputError();
    assertThat(r.error()).contains("nope");
    assertThat(r.out()).doesNotContain("Status:");
  }

  @Test
  void fileOptionLoadsWorkflowTemplateForTemplateRef() {
    Path template =
        write(
            dir,
            "greeter.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: greeter
            spec:
              templates:
              - name: greet
                inputs:
                  parameters:
                  - name: who
                container:
                  image: busybox
                  command: [echo, "hello {{inputs.parameters.who}}"]
            """);
    Path f =
        write(
            dir,
            "uses-ref.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: ref-
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - name: call
                    templateRef:
                      name: greeter
                      template: greet
                    arguments:
                      parameters:
                      - name: who
                        value: via-template-ref
            """);
    Result r = weft("run", f.toString(), "-f", template.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .containsPattern("(?m)^ref-[a-z0-9]{5}-greet-\\d+: hello via-template-ref$")
        .containsPattern("(?m)^ └─✔ call\\s+greet\\s")
        .contains("Status:     Succeeded");
  }

  @Test
  void templateRefWithoutFileOptionIsBadInput() {
    Path f =
        write(
            dir,
            "uses-ref.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: ref-
            spec:
              entrypoint: main
              templates:
              - name: main
                steps:
                - - name: call
                    templateRef:
                      name: greeter
                      template: greet
            """);
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).contains("uses-ref.yaml:12:").contains("\"greeter\"");
  }

  @Test
  void globalOutputParameterOfEntrypointIsPrintedUnderOutputs() {
    Path f =
        write(
            dir,
            "outputs.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: out-
            spec:
              entrypoint: main
              templates:
              - name: main
                script:
                  image: python:3.12
                  command: [python3]
                  source: |
                    open("/tmp/answer.txt", "w").write("forty-two")
                outputs:
                  parameters:
                  - name: answer
                    globalName: the-answer
                    valueFrom:
                      path: /tmp/answer.txt
            """);
    Result r = weft("run", f.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    String outputs = r.out().substring(r.out().indexOf("\nOutputs:\n"));
    assertThat(outputs).contains("  the-answer: forty-two").contains("  answer: forty-two");
  }

  @Test
  void scriptStdoutIsPrintedAsResultOutput() {
    Path f =
        write(
            dir,
            "script.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: script-
            spec:
              entrypoint: main
              templates:
              - name: main
                script:
                  image: python:3.12
                  command: [python3]
                  source: |
                    print(6 * 7)
            """);
    Result r = weft("run", f.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).containsPattern("(?m)^script-[a-z0-9]{5}: 42$");
    assertThat(r.out().substring(r.out().indexOf("\nOutputs:\n"))).contains("  result: 42");
  }

  @Test
  @Timeout(30)
  void runOnCommonPoolThreadCompletes() throws Exception {
    Path f = write(dir, "hello.yaml", containerWorkflow("hello-", "[echo, hi]"));
    Result r =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> weft("run", f.toString()))
            .get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(r.exit()).as(r.all()).isZero();
  }
}

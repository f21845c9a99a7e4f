package dev.weft.cli;

import static dev.weft.cli.CliHarness.LOCATED_ERROR;
import static dev.weft.cli.CliHarness.containerWorkflow;
import static dev.weft.cli.CliHarness.weft;
import static dev.weft.cli.CliHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What `weft run` makes of its inputs: -p names the workflow lacks, files of several Workflows. */
@Timeout(60)
class CliRunInputTest {
  @TempDir Path dir;

  @BeforeEach
  void home(@TempDir Path home) {
    System.setProperty("weft.home", home.toString());
  }

  private static final String TWO_PARAMETERS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: params-
      spec:
        entrypoint: main
        arguments:
          parameters:
          - name: name
            value: world
          - name: count
            value: "1"
        templates:
        - name: main
          container:
            image: busybox
            command: [echo, "hello {{workflow.parameters.name}}"]
      """;

  private static final String TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: greeter
      spec:
        entrypoint: main
        arguments:
          parameters:
          - name: greeting
            value: hi
        templates:
        - name: main
          container:
            image: busybox
            command: [echo, "{{workflow.parameters.greeting}}"]
      """;

  private static final String FROM_TEMPLATE =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: from-template-
      spec:
        workflowTemplateRef:
          name: greeter
      """;

  @Test
  void undeclaredParameterIsWarnedOfNamingTheDeclaredOnesAndTheRunGoesOn() {
    Path f = write(dir, "params.yaml", TWO_PARAMETERS);
    Result r = weft("run", f.toString(), "-p", "nmae=x");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.warningLines())
        .singleElement()
        .asString()
        .isEqualTo(
            f
                + ":8:5: warning: -p nmae: the workflow declares no parameter \"nmae\""
                + " (it declares: name, count)");
    assertThat(r.out()).contains("hello world").contains("Status:     Succeeded");
  }

  @Test
  void declaredParameterIsNotWarnedOf() {
    Path f = write(dir, "params.yaml", TWO_PARAMETERS);
    Result r = weft("run", f.toString(), "-p", "name=weft");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.warningLines()).isEmpty();
    assertThat(r.out()).contains("hello weft");
  }

  @Test
  void parameterOfAWorkflowFromATemplateIsCheckedAgainstTheTemplate() {
    Path t = write(dir, "template.yaml", TEMPLATE);
    Path f = write(dir, "wf.yaml", FROM_TEMPLATE);
    Result r = weft("run", f.toString(), "-f", t.toString(), "-p", "greting=yo");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.warningLines())
        .singleElement()
        .asString()
        .endsWith("declares no parameter \"greting\" (it declares: greeting)");
  }

  @Test
  void everyWorkflowOfTheFileRunsInTurn() {
    Path f =
        write(
            dir,
            "two.yaml",
            containerWorkflow("first-", "[echo, from-the-first]")
                + "---\n"
                + containerWorkflow("second-", "[echo, from-the-second]"));
    Result r = weft("run", f.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.err()).contains(f + " has 2 Workflows; running them one after another");
    assertThat(r.out())
        .containsPattern(
            "(?s)first-[a-z0-9]{5}: from-the-first.*second-[a-z0-9]{5}: from-the-second");
  }

  @Test
  void exitIsOneWhenOneOfTheWorkflowsFailsAndTheOthersStillRun() {
    Path f =
        write(
            dir,
            "two.yaml",
            containerWorkflow("fails-", "[\"false\"]")
                + "---\n"
                + containerWorkflow("runs-", "[echo, still-ran]"));
    Result r = weft("run", f.toString());
    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).contains("still-ran").contains("Status:     Failed");
  }

  @Test
  void ctrlCDuringTheFirstWorkflowStopsItAndRunsNoOther() throws Exception {
    Path f =
        write(
            dir,
            "two.yaml",
            containerWorkflow("slow-", "[sleep, \"30\"]")
                + "---\n"
                + containerWorkflow("never-", "[echo, never-ran]"));
    AtomicReference<Runnable> ctrlC = new AtomicReference<>();
    Interrupts pressable =
        new Interrupts() {
          @Override
          public void onInterrupt(Runnable action) {
            ctrlC.set(action);
          }

          @Override
          public void clear() {
            ctrlC.set(null);
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () ->
                Main.execute(
                    new String[] {"run", f.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    pressable));
    while (ctrlC.get() == null && !run.isDone()) Thread.sleep(20);
    ctrlC.get().run();
    int exit = run.get(50, TimeUnit.SECONDS);
    String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(all).isEqualTo(1);
    assertThat(all)
        .contains("weft: interrupted; 1 of the file's Workflows not run")
        .doesNotContain("never-");
  }

  @Test
  void nameIsRefusedForAFileOfSeveralWorkflows() {
    Path f =
        write(
            dir,
            "two.yaml",
            containerWorkflow("a-", "[echo, a]") + "---\n" + containerWorkflow("b-", "[echo, b]"));
    Result r = weft("run", f.toString(), "--name", "mine");
    r.assertOneBadInputError();
    assertThat(r.error())
        .isEqualTo("--name mine: error: names one workflow; " + f + " has 2 Workflows");
    assertThat(r.out()).doesNotContain("Status:");
  }

  @Test
  void twoWorkflowsOfOneNameAreRefusedAtTheSecond() {
    String named = containerWorkflow("x-", "[echo, a]").replace("generateName: x-", "name: same");
    Path f = write(dir, "same.yaml", named + "---\n" + named);
    Result r = weft("run", f.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).matches(LOCATED_ERROR).contains("same.yaml:16:").contains("\"same\"");
  }

  @Test
  void workflowInADashFFileIsRefusedRatherThanRunUnwatched() {
    Path f = write(dir, "main.yaml", containerWorkflow("main-", "[echo, a]"));
    Path extra = write(dir, "extra.yaml", containerWorkflow("extra-", "[echo, b]"));
    Result r = weft("run", f.toString(), "-f", extra.toString());
    r.assertOneBadInputError();
    assertThat(r.error()).matches(LOCATED_ERROR).contains("extra.yaml:2:").contains("-f loads");
    assertThat(r.out()).doesNotContain("Status:");
  }
}

package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.controller.ControlPlane;
import dev.weft.controller.LocalController;
import dev.weft.executor.ImageProfiles;
import dev.weft.executor.SandboxMode;
import dev.weft.model.Workflow;
import dev.weft.store.JdbcStore;
import dev.weft.store.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server restarted between a workflow's end and its signing makes the very same statement. */
class StatementAfterRestartTest {
  @TempDir Path home;

  private static final String SPEC =
      """
      spec:
        entrypoint: main
        templates:
        - name: main
          steps:
          - - {name: make, template: make}
        - name: make
          container: {image: alpine, command: [sh, -c, "echo one > /tmp/a.txt; echo made"]}
          outputs: {artifacts: [{name: first, path: /tmp/a.txt}]}
      """;

  private byte[] statementOf(ControlPlane plane, Workflow wf) throws Exception {
    return new WorkflowProvenance(
            plane.store(),
            plane.artifacts(),
            NodeLogs.of(plane.localPods().orElseThrow()),
            new ImageProfiles(home.resolve("shims")),
            "0.1.0",
            new BuilderIdentity("server", "sandboxed"))
        .statement(wf);
  }

  private ControlPlane start() {
    JdbcStore store = Stores.open(home.resolve("weft.db").toString());
    try {
      return ControlPlane.service(home, SandboxMode.probe(), store, store);
    } catch (Exception e) {
      store.close();
      throw new AssertionError(e);
    }
  }

  @Test
  void theStatementMadeAfterARestartIsByteForByteTheSame() throws Exception {
    byte[] before;
    try (ControlPlane plane = start()) {
      plane.submit(LocalController.workflow("kept", SPEC));
      Workflow done = awaitCompleted(plane);
      before = statementOf(plane, done);
    }

    byte[] after;
    try (ControlPlane plane = start()) {
      Workflow reread = plane.store().get(Workflow.class, "default", "kept").orElseThrow();
      after = statementOf(plane, reread);
    }

    assertThat(new String(after, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(before, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(after).isEqualTo(before);
  }

  private static Workflow awaitCompleted(ControlPlane plane) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      Workflow wf = plane.store().get(Workflow.class, "default", "kept").orElseThrow();
      if (wf.completed()) return wf;
      Thread.sleep(50);
    }
    throw new AssertionError("the workflow did not end in 60 s");
  }
}

package dev.weft.controller;

import dev.weft.executor.SandboxMode;
import dev.weft.model.ConfigMap;
import dev.weft.model.Resource;
import dev.weft.model.Secret;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodeStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A `weft run`-shaped control plane with real sandboxed steps, for tests of what steps reach. */
public final class LocalPlane implements AutoCloseable {
  private final ControlPlane plane;

  public LocalPlane(Path home, HostAccess access) throws IOException {
    this.plane = ControlPlane.local(home, SandboxMode.probe(), access);
  }

  public LocalPlane(Path home) throws IOException {
    this(home, HostAccess.none());
  }

  public ControlPlane plane() {
    return plane;
  }

  /** Stores a ConfigMap, Secret or other supporting object given as YAML. */
  public void create(String yaml) throws IOException {
    var tree = Codec.yaml().readTree(yaml);
    String kind = tree.path("kind").asText();
    Class<? extends Resource> type =
        switch (kind) {
          case "ConfigMap" -> ConfigMap.class;
          case "Secret" -> Secret.class;
          default -> throw new IllegalArgumentException(kind);
        };
    plane.store().create(Codec.convert(tree, type));
  }

  /** Submits the workflow and waits (at most 60 s) for it to end. */
  public Workflow run(String yaml) throws Exception {
    Workflow wf = plane.submit(Codec.convert(Codec.yaml().readTree(yaml), Workflow.class));
    for (int i = 0; i < 1200; i++) {
      Workflow now =
          plane
              .store()
              .get(Workflow.class, wf.metadata().namespace(), wf.metadata().name())
              .orElseThrow();
      if (now.completed()) return now;
      Thread.sleep(50);
    }
    throw new AssertionError("workflow did not end in 60 s");
  }

  /** The workflow's message and every node's message and outputs, as one text to search. */
  public static String everything(Workflow wf) {
    List<String> out = new ArrayList<>();
    out.add(String.valueOf(wf.status().message()));
    for (NodeStatus n : wf.status().nodesOrEmpty().values()) {
      out.add(n.phase() + ": " + n.message() + " " + Codec.toJson(n.outputs()));
    }
    return String.join("\n", out);
  }

  @Override
  public void close() throws Exception {
    plane.close();
  }
}

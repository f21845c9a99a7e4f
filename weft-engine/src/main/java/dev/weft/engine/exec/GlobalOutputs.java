package dev.weft.engine.exec;

import dev.weft.engine.run.Run;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Parameter;

/** Outputs with a globalName become workflow outputs and {@code workflow.outputs.*} variables. */
public final class GlobalOutputs {
  private GlobalOutputs() {}

  public static void parameter(Run run, String name, String value) {
    run.globalOutputs().put(name, new Parameter(name, null, value, null, null, null, null));
    run.addGlobal("workflow.outputs.parameters." + name, value);
  }

  public static void artifact(Run run, String name, Artifact a) {
    run.addGlobalArtifact("workflow.outputs.artifacts." + name, a);
  }
}

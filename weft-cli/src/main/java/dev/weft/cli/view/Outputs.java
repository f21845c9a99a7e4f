package dev.weft.cli.view;

import dev.weft.model.Workflow;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Parameter;
import dev.weft.model.status.NodeStatus;
import java.io.PrintStream;

/** Prints a finished workflow's outputs: its global outputs and those of its entrypoint. */
final class Outputs {
  private Outputs() {}

  static void print(PrintStream out, Workflow wf) {
    var s = wf.status();
    NodeStatus root = s.nodesOrEmpty().get(wf.metadata().name());
    boolean header = false;
    for (var source :
        new dev.weft.model.spec.Outputs[] {s.outputs(), root == null ? null : root.outputs()}) {
      if (source == null) continue;
      for (Parameter p : source.parametersOrEmpty()) {
        header = header(out, header);
        out.println("  " + p.name() + ": " + p.value());
      }
      for (Artifact a : source.artifactsOrEmpty()) {
        header = header(out, header);
        String key = a.s3() != null && a.s3().has("key") ? a.s3().get("key").asText() : "";
        out.println("  " + a.name() + " (artifact): " + key);
      }
      if (source.result() != null && source == (root == null ? null : root.outputs())) {
        header = header(out, header);
        out.println("  result: " + source.result());
      }
    }
  }

  private static boolean header(PrintStream out, boolean printed) {
    if (!printed) {
      out.println();
      out.println("Outputs:");
    }
    return true;
  }
}

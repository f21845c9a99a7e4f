package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.WorkflowLogs;
import dev.weft.cli.client.WorkflowWatch;
import dev.weft.model.status.WorkflowPhase;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Option;

/** --wait, --watch and --log: what submit, retry and resubmit do once the server has accepted. */
final class FollowOptions {
  @Option(
      names = {"-w", "--wait"},
      description = "Wait until the workflows complete; exit 0 only if all succeeded.")
  boolean wait;

  @Option(names = "--watch", description = "Watch the workflows until they complete.")
  boolean watch;

  @Option(names = "--log", description = "Print the workflows' logs as they run.")
  boolean log;

  /** Follows the workflows as asked: 0 when not waiting or when all succeeded, else 1. */
  int follow(
      ApiClient api, String namespace, List<String> names, OutputFormat output, PrintStream out) {
    if (log) {
      for (String name : names)
        new WorkflowLogs(api, namespace, name).print(out, null, "main", true);
    }
    boolean ok = true;
    if (wait) {
      // as argo: the "NAME Phase at TIME" lines would spoil -o json, yaml and name
      boolean quiet = output != null && output != OutputFormat.WIDE;
      for (String name : names) ok &= WorkflowWatch.await(api, namespace, name, quiet, out);
    } else if (watch) {
      for (String name : names) {
        var done = WorkflowWatch.watch(api, namespace, name, out, output == OutputFormat.WIDE);
        ok &= done.status().phase() == WorkflowPhase.SUCCEEDED;
      }
    }
    return ok ? 0 : Main.EXIT_WORKFLOW_FAILED;
  }
}

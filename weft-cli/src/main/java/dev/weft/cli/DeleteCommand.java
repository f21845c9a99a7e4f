package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.client.WorkflowPrinter;
import dev.weft.model.Workflow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    aliases = "rm",
    description = "Delete workflows from the weft server; their running pods are stopped.",
    mixinStandardHelpOptions = true)
final class DeleteCommand extends ClientCommand {
  @Parameters(arity = "0..*", paramLabel = "WORKFLOW", description = "Workflow names.")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Delete every workflow in the namespace.")
  boolean all;

  @Option(names = "--completed", description = "Delete the completed workflows.")
  boolean completed;

  @Option(
      names = {"-l", "--selector"},
      description = "Delete the workflows with these labels.")
  String selector;

  @Option(names = "--dry-run", description = "Print what would be deleted, delete nothing.")
  boolean dryRun;

  DeleteCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    boolean bulk = all || completed || selector != null;
    if (bulk == !names.isEmpty()) {
      throw ClientException.badInput(
          bulk
              ? "give workflow names or --all, --completed, -l; not both"
              : "nothing to delete: give workflow names, --all, --completed or -l SELECTOR");
    }
    List<String> targets = bulk ? matching(api) : names;
    int failures = 0;
    for (String name : targets) {
      try {
        if (!dryRun) api.delete(ResourceKind.WORKFLOW.item(namespace(), name));
        out.println("Workflow '" + name + "' deleted" + (dryRun ? " (dry run)" : ""));
      } catch (ClientException e) {
        if (e.reason() == ClientException.Reason.UNREACHABLE) throw e;
        err.println("weft: " + e.getMessage());
        failures++;
      }
    }
    return failures == 0 ? 0 : Main.EXIT_BAD_INPUT;
  }

  private List<String> matching(ApiClient api) {
    String path = ResourceKind.WORKFLOW.collection(namespace());
    if (selector != null) path += "?listOptions.labelSelector=" + ApiClient.encode(selector);
    List<String> out = new ArrayList<>();
    for (Workflow wf : Json.items(api.get(path), Workflow.class)) {
      if (!completed || WorkflowPrinter.completed(wf)) out.add(wf.metadata().name());
    }
    return out;
  }
}

package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.BindingPrinter;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.client.ResourcePrinter;
import dev.weft.model.CronWorkflow;
import dev.weft.model.Resource;
import dev.weft.model.WorkflowEventBinding;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true)
final class ResourceListCommand extends ClientCommand {
  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List those of every namespace.")
  boolean allNamespaces;

  @Option(
      names = {"-l", "--selector"},
      description = "Label selector, such as app=x.")
  String selector;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml, wide or name.")
  OutputFormat output;

  private final ResourceKind kind;

  ResourceListCommand(ResourceKind kind, PrintStream out, PrintStream err) {
    super(out, err);
    this.kind = kind;
  }

  @Override
  int run(ApiClient api) {
    String path = kind.collection(allNamespaces ? null : namespace());
    if (selector != null) path += "?listOptions.labelSelector=" + ApiClient.encode(selector);
    List<JsonNode> items = new ArrayList<>();
    api.get(path).path("items").forEach(items::add);
    if (output == OutputFormat.NAME) {
      items.forEach(i -> out.println(i.path("metadata").path("name").asText()));
    } else if (output != null && output.isData()) {
      output.printList(out, items);
    } else if (items.isEmpty()) {
      out.println("No " + kind.kind() + "s found");
    } else if (kind == ResourceKind.CRON_WORKFLOW) {
      List<CronWorkflow> crons = items.stream().map(i -> Json.read(i, CronWorkflow.class)).toList();
      ResourcePrinter.crons(crons, allNamespaces, Instant.now()).print(out);
    } else if (kind == ResourceKind.WORKFLOW_EVENT_BINDING) {
      List<WorkflowEventBinding> bindings =
          items.stream().map(i -> Json.read(i, WorkflowEventBinding.class)).toList();
      BindingPrinter.table(bindings, allNamespaces).print(out);
    } else {
      List<Resource> all = items.stream().<Resource>map(i -> Json.read(i, kind.type())).toList();
      ResourcePrinter.templates(all, allNamespaces && kind.namespaced()).print(out);
    }
    return 0;
  }
}

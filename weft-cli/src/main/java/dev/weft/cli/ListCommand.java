package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.Humanize;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.client.WorkflowTable;
import dev.weft.model.Workflow;
import dev.weft.model.status.WorkflowPhase;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "list",
    aliases = "ls",
    description = "List the workflows on the weft server, running ones first.",
    mixinStandardHelpOptions = true)
final class ListCommand extends ClientCommand {
  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List workflows of every namespace.")
  boolean allNamespaces;

  @Option(
      names = "--status",
      split = ",",
      paramLabel = "PHASE",
      description = "Only these phases: Pending, Running, Succeeded, Failed, Error.")
  List<String> statuses = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      description = "Label selector, such as app=x,tier!=y.")
  String selector;

  @Option(names = "--field-selector", description = "Field selector, such as metadata.name=x.")
  String fieldSelector;

  @Option(names = "--running", description = "Only workflows still running.")
  boolean running;

  @Option(names = "--completed", description = "Only completed workflows.")
  boolean completed;

  @Option(names = "--prefix", description = "Only workflows whose name starts with this.")
  String prefix;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml, wide or name.")
  OutputFormat output;

  /** A listed workflow as sent (for -o json and yaml) and as read. */
  private record Listed(JsonNode json, Workflow workflow) {}

  /** Argo's order: unfinished first, newest created first; then the latest finished first. */
  private static final Comparator<Listed> ORDER =
      Comparator.comparing((Listed l) -> finished(l.workflow()) != null)
          .thenComparing(
              (Listed l) -> {
                Instant f = finished(l.workflow());
                Instant c = Humanize.parse(l.workflow().metadata().creationTimestamp());
                return f != null ? f : c == null ? Instant.EPOCH : c;
              },
              Comparator.reverseOrder());

  ListCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    Set<String> phases = phases();
    StringBuilder path =
        new StringBuilder(ResourceKind.WORKFLOW.collection(allNamespaces ? null : namespace()));
    char sep = '?';
    if (selector != null) {
      path.append(sep).append("listOptions.labelSelector=").append(ApiClient.encode(selector));
      sep = '&';
    }
    if (fieldSelector != null) {
      path.append(sep).append("listOptions.fieldSelector=").append(ApiClient.encode(fieldSelector));
    }
    List<Listed> listed = new ArrayList<>();
    for (JsonNode item : api.get(path.toString()).path("items")) {
      Workflow wf = Json.read(item, Workflow.class);
      if (keep(wf, phases)) listed.add(new Listed(item, wf));
    }
    listed.sort(ORDER);
    List<Workflow> workflows = listed.stream().map(Listed::workflow).toList();
    if (output == OutputFormat.NAME) {
      workflows.forEach(wf -> out.println(wf.metadata().name()));
    } else if (output != null && output.isData()) {
      output.printList(out, listed.stream().map(Listed::json).toList());
    } else if (workflows.isEmpty()) {
      out.println("No workflows found");
    } else {
      WorkflowTable.of(workflows, output == OutputFormat.WIDE, allNamespaces, Instant.now())
          .print(out);
    }
    return 0;
  }

  /** The --status phases, spelled as the API does; an unknown one is bad input. */
  private Set<String> phases() {
    Set<String> out = new HashSet<>();
    for (String s : statuses) {
      String label =
          Arrays.stream(WorkflowPhase.values())
              .map(WorkflowPhase::label)
              .filter(k -> k.equalsIgnoreCase(s.strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ClientException.badInput(
                          "--status "
                              + s
                              + ": expected one of Pending, Running, Succeeded, Failed, Error"));
      out.add(label);
    }
    return out;
  }

  private boolean keep(Workflow wf, Set<String> phases) {
    WorkflowPhase phase = wf.status() == null ? null : wf.status().phase();
    String label = phase == null ? "Pending" : phase.label();
    boolean done = phase != null && phase.completed();
    if (!phases.isEmpty() && !phases.contains(label)) return false;
    if (running && done || completed && !done) return false;
    return prefix == null
        || wf.metadata()
            .name()
            .toLowerCase(Locale.ROOT)
            .startsWith(prefix.toLowerCase(Locale.ROOT));
  }

  private static Instant finished(Workflow wf) {
    return wf.status() == null ? null : wf.status().finishedAt();
  }
}

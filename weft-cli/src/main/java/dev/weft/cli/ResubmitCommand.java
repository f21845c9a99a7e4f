package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.ResourceKind;
import dev.weft.model.codec.Codec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "resubmit",
    description = "Submit workflows on the weft server again, as new workflows.",
    mixinStandardHelpOptions = true)
final class ResubmitCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "WORKFLOW", description = "Workflow names.")
  List<String> names;

  @Option(
      names = "--memoized",
      description = "Keep the succeeded nodes' results: only the others run again.")
  boolean memoized;

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Change a workflow argument for the new workflow.")
  List<String> parameters = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml, wide or name.")
  OutputFormat output;

  @Mixin FollowOptions follow;

  ResubmitCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    String ns = namespace();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ObjectNode body = Codec.json().createObjectNode();
      body.put("name", names.get(i)).put("namespace", ns).put("memoized", memoized);
      parameters.forEach(body.putArray("parameters")::add);
      JsonNode wf = api.put(ResourceKind.WORKFLOW.item(ns, names.get(i)) + "/resubmit", body);
      printWorkflow(wf, output, i == 0);
      created.add(wf.path("metadata").path("name").asText());
    }
    return follow.follow(api, ns, created, output, out);
  }
}

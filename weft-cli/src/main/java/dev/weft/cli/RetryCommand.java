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
    name = "retry",
    description =
        "Retry failed workflows on the weft server: failed nodes run again, the rest is kept.",
    mixinStandardHelpOptions = true)
final class RetryCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "WORKFLOW", description = "Workflow names.")
  List<String> names;

  @Option(
      names = "--restart-successful",
      description = "Also run again the succeeded nodes matching --node-field-selector.")
  boolean restartSuccessful;

  @Option(
      names = "--node-field-selector",
      paramLabel = "SELECTOR",
      description = "The nodes to restart with --restart-successful, such as displayName=build.")
  String nodeFieldSelector;

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Change a workflow argument for the retry.")
  List<String> parameters = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml, wide or name.")
  OutputFormat output;

  @Mixin FollowOptions follow;

  RetryCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    String ns = namespace();
    for (int i = 0; i < names.size(); i++) {
      ObjectNode body = Codec.json().createObjectNode();
      body.put("name", names.get(i)).put("namespace", ns);
      body.put("restartSuccessful", restartSuccessful);
      if (nodeFieldSelector != null) body.put("nodeFieldSelector", nodeFieldSelector);
      parameters.forEach(body.putArray("parameters")::add);
      JsonNode wf = api.put(ResourceKind.WORKFLOW.item(ns, names.get(i)) + "/retry", body);
      printWorkflow(wf, output, i == 0);
    }
    return follow.follow(api, ns, names, output, out);
  }
}

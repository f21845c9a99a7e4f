package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.ResourceKind;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "get",
    description = "Show workflows on the weft server: status, parameters and the node tree.",
    mixinStandardHelpOptions = true)
final class GetCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "WORKFLOW", description = "Workflow names.")
  List<String> names;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml, wide or name.")
  OutputFormat output;

  GetCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    for (int i = 0; i < names.size(); i++) {
      printWorkflow(api.get(ResourceKind.WORKFLOW.item(namespace(), names.get(i))), output, i == 0);
    }
    return 0;
  }
}

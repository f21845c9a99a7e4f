package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.client.ResourcePrinter;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true)
final class ResourceGetCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "NAME", description = "Names.")
  List<String> names;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml, wide or name.")
  OutputFormat output;

  private final ResourceKind kind;

  ResourceGetCommand(ResourceKind kind, PrintStream out, PrintStream err) {
    super(out, err);
    this.kind = kind;
  }

  @Override
  int run(ApiClient api) {
    for (int i = 0; i < names.size(); i++) {
      print(
          api.get(kind.item(namespace(), names.get(i))),
          output,
          i == 0,
          json -> ResourcePrinter.describe(Json.read(json, kind.type()), Instant.now()));
    }
    return 0;
  }
}

package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.DeliveryPrinter;
import dev.weft.cli.client.EventDelivery;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.OutputFormat;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true)
final class EventGetCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "NAME", description = "Delivery names (ev-...).")
  List<String> names;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml or name.")
  OutputFormat output;

  EventGetCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      print(
          fetch(api, name),
          output,
          i == 0,
          json -> DeliveryPrinter.describe(Json.read(json, EventDelivery.class), Instant.now()));
    }
    return 0;
  }

  private JsonNode fetch(ApiClient api, String name) {
    try {
      return api.get(EventDelivery.item(namespace(), name));
    } catch (ClientException e) {
      throw missing(e, namespace(), name);
    }
  }

  /** A 404 that says where to look; any other failure as it is. */
  static ClientException missing(ClientException e, String namespace, String name) {
    if (!e.notFound()) return e;
    return ClientException.server(
        404,
        e.getMessage()
            + " (no event delivery "
            + name
            + " in namespace "
            + namespace
            + "; `weft event list -n "
            + namespace
            + "` lists them)");
  }
}

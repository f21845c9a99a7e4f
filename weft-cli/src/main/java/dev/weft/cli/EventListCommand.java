package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.DeliveryPrinter;
import dev.weft.cli.client.EventDelivery;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.OutputFormat;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The namespace's deliveries, newest first as the server lists them. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true)
final class EventListCommand extends ClientCommand {
  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml or name.")
  OutputFormat output;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Every namespace's deliveries.")
  boolean allNamespaces;

  EventListCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    List<JsonNode> items = new ArrayList<>();
    api.get(EventDelivery.collection(allNamespaces ? null : namespace()))
        .path("items")
        .forEach(items::add);
    if (output == OutputFormat.NAME) {
      items.forEach(i -> out.println(i.path("metadata").path("name").asText()));
    } else if (output != null && output.isData()) {
      output.printList(out, items);
    } else if (items.isEmpty()) {
      out.println(
          allNamespaces
              ? "No event deliveries found"
              : "No event deliveries found in namespace " + namespace());
    } else {
      List<EventDelivery> deliveries =
          items.stream().map(i -> Json.read(i, EventDelivery.class)).toList();
      DeliveryPrinter.table(deliveries, Instant.now(), allNamespaces).print(out);
    }
    return 0;
  }
}

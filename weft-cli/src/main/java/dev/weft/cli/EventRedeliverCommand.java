package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.EventAnswer;
import dev.weft.cli.client.EventDelivery;
import dev.weft.cli.client.OutputFormat;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Dispatches a recorded event again, as GitHub's "Redeliver" would: bindings that failed, did not
 * match or were created since are evaluated; one that already submitted never submits twice.
 */
@Command(name = "redeliver", mixinStandardHelpOptions = true)
final class EventRedeliverCommand extends ClientCommand {
  @Parameters(arity = "1", paramLabel = "NAME", description = "The delivery (ev-...).")
  String name;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml or name (the delivery's).")
  OutputFormat output;

  EventRedeliverCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    String path = EventDelivery.item(namespace(), name) + "/redeliver";
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    EventAnswer answer;
    try {
      answer = EventAnswer.of(api.postBytes(path, empty, List.of()), api, "the answer to " + path);
    } catch (ClientException e) {
      throw EventGetCommand.missing(e, namespace(), name);
    }
    EventOutput.print(out, answer, output);
    return 0;
  }
}

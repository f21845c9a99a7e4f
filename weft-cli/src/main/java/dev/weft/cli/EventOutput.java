package dev.weft.cli;

import dev.weft.cli.client.DeliveryPrinter;
import dev.weft.cli.client.EventAnswer;
import dev.weft.cli.client.OutputFormat;
import java.io.PrintStream;

/** How `weft event send` and `redeliver` print the server's answer. */
final class EventOutput {
  private EventOutput() {}

  static void print(PrintStream out, EventAnswer answer, OutputFormat output) {
    if (output == OutputFormat.NAME) {
      if (answer.delivery() != null) out.println(answer.delivery());
    } else if (output != null && output.isData()) {
      output.print(out, answer.body());
    } else {
      DeliveryPrinter.sent(answer.delivery(), answer.workflows()).forEach(out::println);
    }
  }
}

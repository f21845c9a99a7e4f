package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;

/**
 * `weft event list|get|send|redeliver`: the record the server keeps of every event it accepted (an
 * EventDelivery), and sending one as a webhook would.
 */
final class EventCommands {
  private EventCommands() {}

  static void register(CommandLine cli, PrintStream out, PrintStream err) {
    CommandLine group = new CommandLine(new ResourceCommands.Group());
    group
        .getCommandSpec()
        .usageMessage()
        .description("Send events to the weft server and see what became of them.");
    ResourceCommands.add(
        group, "list", new EventListCommand(out, err), "List the namespace's event deliveries.");
    ResourceCommands.add(
        group,
        "get",
        new EventGetCommand(out, err),
        "Show event deliveries: what arrived, each binding's result and why, the workflows.");
    ResourceCommands.add(
        group,
        "send",
        new EventSendCommand(out, err),
        "Post an event to /api/v1/events/{namespace}/{discriminator}.");
    ResourceCommands.add(
        group,
        "redeliver",
        new EventRedeliverCommand(out, err),
        "Dispatch a delivery again: bindings that failed, did not match or are new since.");
    cli.addSubcommand("event", group);
  }
}

package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ResourceKind;
import dev.weft.model.codec.Codec;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `weft cron suspend|resume`: sets the cron workflows' spec.suspend on the server. */
@Command(mixinStandardHelpOptions = true)
final class CronSuspendCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "NAME", description = "CronWorkflow names.")
  List<String> names;

  private final boolean suspend;

  CronSuspendCommand(boolean suspend, PrintStream out, PrintStream err) {
    super(out, err);
    this.suspend = suspend;
  }

  @Override
  int run(ApiClient api) {
    for (String name : names) {
      ObjectNode body = Codec.json().createObjectNode().put("name", name);
      body.put("namespace", namespace());
      String action = suspend ? "suspend" : "resume";
      api.put(ResourceKind.CRON_WORKFLOW.item(namespace(), name) + "/" + action, body);
      out.println("CronWorkflow '" + name + "' " + (suspend ? "suspended" : "resumed"));
    }
    return 0;
  }
}

package dev.weft.cli;

import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.ResourceKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", aliases = "rm", mixinStandardHelpOptions = true)
final class ResourceDeleteCommand extends ClientCommand {
  @Parameters(arity = "0..*", paramLabel = "NAME", description = "Names.")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Delete all of them in the namespace.")
  boolean all;

  private final ResourceKind kind;

  ResourceDeleteCommand(ResourceKind kind, PrintStream out, PrintStream err) {
    super(out, err);
    this.kind = kind;
  }

  @Override
  int run(ApiClient api) {
    if (all == !names.isEmpty()) {
      throw ClientException.badInput(
          all ? "give names or --all, not both" : "nothing to delete: give names or --all");
    }
    List<String> targets = names;
    if (all) {
      targets = new ArrayList<>();
      for (var item : api.get(kind.collection(namespace())).path("items")) {
        targets.add(item.path("metadata").path("name").asText());
      }
    }
    int failures = 0;
    for (String name : targets) {
      try {
        api.delete(kind.item(namespace(), name));
        out.println(kind.kind() + " '" + name + "' deleted");
      } catch (ClientException e) {
        if (e.reason() == ClientException.Reason.UNREACHABLE) throw e;
        err.println("weft: " + e.getMessage());
        failures++;
      }
    }
    return failures == 0 ? 0 : Main.EXIT_BAD_INPUT;
  }
}

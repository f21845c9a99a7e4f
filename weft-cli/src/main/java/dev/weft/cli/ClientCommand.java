package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.Connection;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.WorkflowPrinter;
import dev.weft.model.Workflow;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * A command that talks to `weft server`: the connection options, and a client open while it runs.
 * Failures are {@link dev.weft.cli.client.ClientException}s, which Main prints without a trace.
 */
abstract class ClientCommand implements Callable<Integer> {
  @Mixin Connection connection;

  final PrintStream out;
  final PrintStream err;

  ClientCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public final Integer call() {
    try (ApiClient api = connection.open()) {
      return run(api);
    }
  }

  abstract int run(ApiClient api);

  String namespace() {
    return connection.namespace();
  }

  /** A workflow as `argo get -o` prints one; {@code first} false puts a blank line before it. */
  void printWorkflow(JsonNode json, OutputFormat output, boolean first) {
    print(
        json,
        output,
        first,
        node ->
            WorkflowPrinter.describe(
                Json.read(node, Workflow.class), output == OutputFormat.WIDE, Instant.now()));
  }

  /** An object by name, as JSON or YAML, or in the human layout {@code describe} gives. */
  void print(
      JsonNode json,
      OutputFormat output,
      boolean first,
      Function<JsonNode, List<String>> describe) {
    if (output == OutputFormat.NAME) {
      out.println(json.path("metadata").path("name").asText());
    } else if (output != null && output.isData()) {
      if (!first && output == OutputFormat.YAML) out.println("---");
      output.print(out, json);
    } else {
      if (!first) out.println();
      describe.apply(json).forEach(out::println);
    }
  }
}

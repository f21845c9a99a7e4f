package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.Json;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.ResourceFiles;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.client.ResourcePrinter;
import dev.weft.cli.client.ServerFindings;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Located;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Creates the templates or cron workflows in files; the server checks each before storing it. */
@Command(name = "create", mixinStandardHelpOptions = true)
final class ResourceCreateCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to create from.")
  List<Path> files;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml, wide or name.")
  OutputFormat output;

  private final ResourceKind kind;
  private final String group;

  ResourceCreateCommand(ResourceKind kind, String group, PrintStream out, PrintStream err) {
    super(out, err);
    this.kind = kind;
    this.group = group;
  }

  @Override
  int run(ApiClient api) {
    List<Located<Resource>> resources = ResourceFiles.read(files, kind, group + " create", err);
    for (int i = 0; i < resources.size(); i++) {
      Located<Resource> r = resources.get(i);
      String own = r.value().metadata().namespace();
      ObjectNode body = Codec.json().createObjectNode();
      body.set(kind.bodyField(), Codec.tree(r.value()));
      JsonNode created;
      try {
        created = api.post(kind.collection(own != null ? own : namespace()), body);
      } catch (ClientException e) {
        List<String> findings = ServerFindings.relocate(e.getMessage(), r.locations());
        throw findings.isEmpty() ? e : ClientException.findings(findings);
      }
      print(
          created,
          output,
          i == 0,
          json -> ResourcePrinter.describe(Json.read(json, kind.type()), Instant.now()));
    }
    return 0;
  }
}

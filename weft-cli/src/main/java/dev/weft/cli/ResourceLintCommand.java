package dev.weft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.ResourceFiles;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.client.ServerFindings;
import dev.weft.model.Resource;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Located;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Lints files with the server: unlike `weft lint`, references to the templates stored there
 * resolve. Findings are printed at the file's lines and columns, as `weft lint` prints them.
 */
@Command(name = "lint", mixinStandardHelpOptions = true)
final class ResourceLintCommand extends ClientCommand {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
  List<Path> files;

  private final ResourceKind kind;
  private final String group;

  ResourceLintCommand(ResourceKind kind, String group, PrintStream out, PrintStream err) {
    super(out, err);
    this.kind = kind;
    this.group = group;
  }

  @Override
  int run(ApiClient api) {
    List<String> findings = new ArrayList<>();
    List<Located<Resource>> resources = List.of();
    try {
      resources = ResourceFiles.read(files, kind, group + " lint", err);
    } catch (ClientException e) {
      if (e.findingLines().isEmpty()) throw e;
      findings.addAll(e.findingLines());
    }
    for (Located<Resource> r : resources) {
      String own = r.value().metadata().namespace();
      ObjectNode body = Codec.json().createObjectNode();
      body.set(kind.bodyField(), Codec.tree(r.value()));
      try {
        api.post(kind.collection(own != null ? own : namespace()) + "/lint", body);
      } catch (ClientException e) {
        List<String> relocated = ServerFindings.relocate(e.getMessage(), r.locations());
        if (relocated.isEmpty()) throw e;
        findings.addAll(relocated);
      }
    }
    findings.forEach(out::println);
    if (findings.isEmpty()) {
      out.println(
          "no problems found in " + files.size() + (files.size() == 1 ? " file" : " files"));
      return 0;
    }
    long errors = findings.stream().filter(f -> f.contains(": error: ")).count();
    out.println(errors + (errors == 1 ? " error" : " errors"));
    return Main.EXIT_BAD_INPUT;
  }
}

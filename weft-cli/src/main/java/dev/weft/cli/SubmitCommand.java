package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.client.ApiClient;
import dev.weft.cli.client.ClientException;
import dev.weft.cli.client.OutputFormat;
import dev.weft.cli.client.ResourceFiles;
import dev.weft.cli.client.ResourceKind;
import dev.weft.cli.client.ServerFindings;
import dev.weft.cli.client.SubmitOptions;
import dev.weft.cli.local.UndeclaredParameters;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.codec.Located;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "submit",
    description = "Submit workflows to the weft server, from files or from a template.",
    mixinStandardHelpOptions = true)
final class SubmitCommand extends ClientCommand {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Workflow files.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "KIND/NAME",
      description =
          "Submit from a stored template: workflowtemplate/NAME, clusterworkflowtemplate/NAME or"
              + " cronworkflow/NAME (also wftmpl, cwft, cronwf).")
  String from;

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "Set a workflow argument.")
  List<String> parameters = new ArrayList<>();

  @Option(names = "--name", description = "Name the workflow.")
  String name;

  @Option(names = "--generate-name", description = "Name the workflow with this prefix.")
  String generateName;

  @Option(
      names = {"-l", "--labels"},
      paramLabel = "K=V,...",
      description = "Add labels to the workflow.")
  String labels;

  @Option(names = "--entrypoint", description = "Run this template instead of spec.entrypoint.")
  String entrypoint;

  @Option(names = "--serviceaccount", description = "Run the workflow's pods as this account.")
  String serviceAccount;

  @Option(
      names = "--server-dry-run",
      description = "Have the server check and complete the workflows without creating them.")
  boolean serverDryRun;

  @Option(
      names = {"-o", "--output"},
      converter = OutputFormat.Converter.class,
      description = "json, yaml, wide or name.")
  OutputFormat output;

  @Mixin FollowOptions follow;

  SubmitCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run(ApiClient api) {
    if ((from == null) == files.isEmpty()) {
      throw ClientException.badInput(
          from == null
              ? "nothing to submit: give workflow files or --from KIND/NAME"
              : "give workflow files or --from KIND/NAME, not both");
    }
    SubmitOptions opts =
        SubmitOptions.of(
            name, generateName, entrypoint, serviceAccount, labels, parameters, serverDryRun);
    List<JsonNode> created = from != null ? List.of(fromTemplate(api, opts)) : fromFiles(api, opts);
    List<String> names = new ArrayList<>();
    String namespace = namespace();
    for (int i = 0; i < created.size(); i++) {
      printWorkflow(created.get(i), output, i == 0);
      names.add(created.get(i).path("metadata").path("name").asText());
      namespace = created.get(i).path("metadata").path("namespace").asText(namespace);
    }
    if (serverDryRun) return 0;
    return follow.follow(api, namespace, names, output, out);
  }

  /** Every file is read and checked before the first workflow is sent. */
  private List<JsonNode> fromFiles(ApiClient api, SubmitOptions opts) {
    List<Located<Workflow>> workflows =
        ResourceFiles.read(files, ResourceKind.WORKFLOW, "submit", err);
    for (Located<Workflow> wf : workflows) {
      // a template on the server is not known here: its workflows are not checked
      UndeclaredParameters.check(wf, List.of(), opts.parameters().keySet())
          .forEach(d -> err.println(d.format()));
    }
    List<JsonNode> created = new ArrayList<>();
    for (Located<Workflow> wf : workflows) {
      // as argo: the file's namespace, else the one asked for
      String ns = wf.value().metadata().namespace();
      ObjectNode body = Codec.json().createObjectNode();
      body.set("workflow", opts.applyTo(wf.value()));
      if (serverDryRun) body.put("serverDryRun", true);
      try {
        created.add(
            api.post(ResourceKind.WORKFLOW.collection(ns != null ? ns : namespace()), body));
      } catch (ClientException e) {
        List<String> findings = ServerFindings.relocate(e.getMessage(), wf.locations());
        throw findings.isEmpty() ? e : ClientException.findings(findings);
      }
    }
    return created;
  }

  private JsonNode fromTemplate(ApiClient api, SubmitOptions opts) {
    int slash = from.indexOf('/');
    if (slash <= 0 || slash == from.length() - 1) {
      throw ClientException.badInput(
          "--from " + from + ": expected KIND/NAME, such as workflowtemplate/my-template");
    }
    ObjectNode body = Codec.json().createObjectNode();
    body.put("namespace", namespace());
    body.put("resourceKind", from.substring(0, slash));
    body.put("resourceName", from.substring(slash + 1));
    body.set("submitOptions", opts.forSubmit());
    return api.post(ResourceKind.WORKFLOW.collection(namespace()) + "/submit", body);
  }
}

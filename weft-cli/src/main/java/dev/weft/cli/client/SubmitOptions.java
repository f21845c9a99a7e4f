package dev.weft.cli.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.cli.local.WorkflowLoader;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What `weft submit` changes in the workflows it sends, as Argo's submit options: name, generated
 * name, entrypoint, service account, labels and arguments.
 */
public record SubmitOptions(
    String name,
    String generateName,
    String entrypoint,
    String serviceAccount,
    Map<String, String> labels,
    Map<String, String> parameters,
    boolean serverDryRun) {

  /** Reads {@code -l a=b,c=d} and {@code -p name=value}; a malformed one is bad input. */
  public static SubmitOptions of(
      String name,
      String generateName,
      String entrypoint,
      String serviceAccount,
      String labels,
      List<String> parameters,
      boolean serverDryRun) {
    Map<String, String> labelMap = new LinkedHashMap<>();
    if (labels != null) {
      for (String pair : labels.split(",")) {
        if (pair.isBlank()) continue;
        labelMap.put(key(pair, "-l"), pair.substring(pair.indexOf('=') + 1).strip());
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String p : parameters) params.put(key(p, "-p"), p.substring(p.indexOf('=') + 1));
    return new SubmitOptions(
        name, generateName, entrypoint, serviceAccount, labelMap, params, serverDryRun);
  }

  private static String key(String pair, String option) {
    int eq = pair.indexOf('=');
    if (eq <= 0) throw ClientException.badInput(option + " " + pair + ": expected name=value");
    return pair.substring(0, eq).strip();
  }

  /** The workflow as sent: the file's, with these options applied. */
  public ObjectNode applyTo(Workflow wf) {
    ObjectNode tree = (ObjectNode) Codec.tree(wf);
    ObjectNode meta = tree.withObjectProperty("metadata");
    if (generateName != null) meta.put("generateName", generateName);
    if (name != null) meta.put("name", name);
    if (!labels.isEmpty()) {
      ObjectNode l = meta.withObjectProperty("labels");
      labels.forEach(l::put);
    }
    ObjectNode spec = tree.withObjectProperty("spec");
    if (entrypoint != null) spec.put("entrypoint", entrypoint);
    if (serviceAccount != null) spec.put("serviceAccountName", serviceAccount);
    WorkflowLoader.setArguments(spec, parameters);
    return tree;
  }

  /** Argo's {@code submitOptions}, for a workflow made from a template or cron workflow. */
  public ObjectNode forSubmit() {
    ObjectNode o = Codec.json().createObjectNode();
    if (name != null) o.put("name", name);
    if (generateName != null) o.put("generateName", generateName);
    if (entrypoint != null) o.put("entryPoint", entrypoint);
    if (serviceAccount != null) o.put("serviceAccount", serviceAccount);
    if (!labels.isEmpty()) {
      o.put(
          "labels",
          String.join(
              ",", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    ArrayNode params = o.putArray("parameters");
    parameters.forEach((k, v) -> params.add(k + "=" + v));
    if (serverDryRun) o.put("serverDryRun", true);
    return o;
  }
}

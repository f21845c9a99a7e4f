package dev.weft.cli;

import dev.weft.model.Resource;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Decoded;
import dev.weft.model.codec.Diagnostic;
import dev.weft.model.codec.Located;
import dev.weft.model.codec.ResourceDecoder;
import dev.weft.server.Validation;
import dev.weft.store.ResourceKind;
import dev.weft.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * `weft server -f FILE`: objects stored before the server answers, each replacing one of the same
 * kind, namespace and name. The server's API has no Secrets or ConfigMaps (Argo's has none either:
 * kubectl makes them), so this is how a local server gets, for instance, the {@code
 * argo-workflows-webhook-clients} Secret that verifies webhook senders. Workflows are not loaded:
 * they are submitted.
 */
final class ServerLoad {
  /** The objects, or the reasons none can be loaded. */
  record Read(List<Located<Resource>> located, List<String> problems) {
    List<Resource> resources() {
      return located.stream().map(Located::value).toList();
    }
  }

  private ServerLoad() {}

  static Read read(List<Path> files) {
    List<Located<Resource>> resources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      Decoded d = ResourceDecoder.decodeFile(f);
      d.diagnostics().stream()
          .filter(Diagnostic::isError)
          .map(Diagnostic::format)
          .forEach(problems::add);
      for (Located<Resource> r : d.resources()) {
        if (r.value() instanceof Workflow) {
          problems.add(
              Diagnostic.error(
                      r.locations().locate("/kind"),
                      "kind",
                      "a Workflow is submitted (weft submit), not loaded")
                  .format());
        } else if (r.value().metadata().name() == null || r.value().metadata().name().isEmpty()) {
          problems.add(
              Diagnostic.error(
                      r.locations().locate("/metadata"),
                      "metadata.name",
                      "required to load an object (generateName is not enough)")
                  .format());
        } else {
          resources.add(r);
        }
      }
    }
    return new Read(resources, problems);
  }

  /**
   * What the server would refuse to store: lint errors, each with its file, line and column, the
   * objects checked together and with the stored templates they do not replace.
   */
  static List<String> invalid(Store store, Read read) {
    return new Validation(store)
        .findings(read.located()).stream()
            .filter(Diagnostic::isError)
            .map(Diagnostic::format)
            .toList();
  }

  /** Creates each object, or replaces the stored one of the same name. */
  static void store(Store store, List<Resource> resources) {
    for (Resource r : resources) {
      ResourceKind kind = ResourceKind.of(r);
      String ns = kind.namespaced() ? r.metadata().namespaceOrDefault() : null;
      Optional<? extends Resource> existing = store.get(r.getClass(), ns, r.metadata().name());
      if (existing.isEmpty()) {
        store.create(r);
      } else {
        var tree =
            (com.fasterxml.jackson.databind.node.ObjectNode) dev.weft.model.codec.Codec.tree(r);
        tree.with("metadata").put("resourceVersion", existing.get().metadata().resourceVersion());
        store.update(dev.weft.model.codec.Codec.convert(tree, r.getClass()));
      }
    }
  }
}

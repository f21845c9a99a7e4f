package dev.weft.controller.provenance;

import dev.weft.model.Workflow;
import dev.weft.model.spec.Artifact;
import dev.weft.model.status.NodeStatus;
import dev.weft.provenance.statement.ResourceDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The statement's subjects: every output artifact of every node, by the sha256 of its bytes as
 * stored (the .tgz when archived), named {@code {namespace}/{workflow}/{node display
 * path}/{artifact}}. A directory stored unarchived ({@code archive: none}) gives one subject per
 * file, named by its path inside the artifact. A node that passes on another's output (a steps or
 * DAG template's outputs, a retry node) lists the same bytes under its own name. Should two names
 * still coincide, the later one (in display path, then node id order) gets {@code ~2}, {@code ~3}.
 *
 * <p>Each subject's annotations say where its bytes are ({@value #NODE}, {@value #ARTIFACT} and,
 * for a file of an unarchived directory, {@value #FILE}), so a verifier fetches them without
 * re-deriving names; they are signed with the rest.
 */
final class OutputSubjects {
  /** The id of the node whose output the subject is. */
  static final String NODE = "weft_node";

  /** The output artifact's name. */
  static final String ARTIFACT = "weft_artifact";

  /** The file's path inside an artifact stored as a directory. */
  static final String FILE = "weft_file";

  private OutputSubjects() {}

  static List<ResourceDescriptor> of(Workflow wf, DisplayPaths paths, StoredArtifacts stored)
      throws IOException {
    String prefix = wf.metadata().namespaceOrDefault() + "/" + wf.metadata().name() + "/";
    List<NodeStatus> nodes = new ArrayList<>(wf.status().nodesOrEmpty().values());
    nodes.sort(
        Comparator.comparing((NodeStatus n) -> paths.of(n.id())).thenComparing(NodeStatus::id));
    Set<String> names = new HashSet<>();
    List<ResourceDescriptor> out = new ArrayList<>();
    for (NodeStatus n : nodes) {
      if (n.outputs() == null) continue;
      for (Artifact a : n.outputs().artifactsOrEmpty()) {
        if (a.name() == null) continue;
        Optional<Map<String, String>> files = stored.digests(a);
        if (files.isEmpty()) continue;
        String base = prefix + paths.of(n.id()) + "/" + DisplayPaths.segment(a.name());
        for (var file : files.get().entrySet()) {
          String name = file.getKey().isEmpty() ? base : base + "/" + file.getKey();
          SortedMap<String, String> where = new TreeMap<>();
          where.put(NODE, n.id());
          where.put(ARTIFACT, a.name());
          if (!file.getKey().isEmpty()) where.put(FILE, file.getKey());
          out.add(
              new ResourceDescriptor(
                  unique(name, names),
                  null,
                  ResourceDescriptor.digestOf("sha256", file.getValue()),
                  null,
                  null,
                  where));
        }
      }
    }
    return out;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) candidate = name + "~" + i;
    return candidate;
  }
}

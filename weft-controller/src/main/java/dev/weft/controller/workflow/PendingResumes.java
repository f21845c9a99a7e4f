package dev.weft.controller.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.event.Event;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import dev.weft.model.status.NodePhase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resumes and `node set`s waiting in the stored workflow for its next reconcile, in an annotation:
 * the API answers only once the request is in the store, so a server killed right after the answer
 * loses nothing. The reconcile that hands them to the engine removes them in the same write as the
 * status they produced, so each is applied exactly once. (Argo's server edits the node status
 * itself; here the engine, which knows the template's supplied outputs, does.)
 *
 * <p>Each entry names the uid of the workflow it was written to: a uid is assigned by the store
 * when the workflow is created, so an annotation a user submitted (or one copied by a resubmit) can
 * never pose as a resume.
 */
public final class PendingResumes {
  public static final String ANNOTATION = "workflows.weft.dev/pending-resumes";

  private PendingResumes() {}

  /** Appends {@code r} to the pending resumes of the workflow {@code tree}. */
  public static void add(ObjectNode tree, Event.Resume r) {
    ObjectNode annotations = tree.withObject("metadata").withObject("annotations");
    ArrayNode list = parse(annotations.path(ANNOTATION).asText(""));
    ObjectNode entry = list.addObject();
    entry.put("uid", tree.path("metadata").path("uid").asText());
    if (r.nodeName() != null) entry.put("node", r.nodeName());
    if (r.phase() != null) entry.put("phase", r.phase().label());
    if (r.message() != null) entry.put("message", r.message());
    ObjectNode outputs = entry.putObject("outputs");
    r.outputParameters().forEach(outputs::put);
    annotations.put(ANNOTATION, Codec.toJson(list));
  }

  /** The pending resumes, oldest first. */
  public static List<Event.Resume> of(Workflow wf) {
    String text = wf.metadata().annotationsOrEmpty().get(ANNOTATION);
    List<Event.Resume> out = new ArrayList<>();
    if (text == null) return out;
    String uid = wf.metadata().uid();
    for (JsonNode e : parse(text)) {
      if (uid == null || !uid.equals(e.path("uid").asText(null))) continue;
      if (e.hasNonNull("phase") && phase(e.get("phase").asText()) == null) continue;
      Map<String, String> outputs = new LinkedHashMap<>();
      e.path("outputs")
          .fields()
          .forEachRemaining(f -> outputs.put(f.getKey(), f.getValue().asText()));
      NodePhase phase = e.hasNonNull("phase") ? phase(e.get("phase").asText()) : null;
      String node = e.hasNonNull("node") ? e.get("node").asText() : null;
      String message = e.hasNonNull("message") ? e.get("message").asText() : null;
      out.add(new Event.Resume(node, outputs, phase, message));
    }
    return out;
  }

  /** The workflow without its pending resumes. */
  public static Workflow cleared(Workflow wf) {
    ObjectNode tree = (ObjectNode) Codec.tree(wf);
    JsonNode annotations = tree.path("metadata").path("annotations");
    if (annotations instanceof ObjectNode a) {
      a.remove(ANNOTATION);
      if (a.isEmpty()) ((ObjectNode) tree.get("metadata")).remove("annotations");
    }
    return Codec.convert(tree, Workflow.class);
  }

  private static NodePhase phase(String label) {
    for (NodePhase p : NodePhase.values()) {
      if (p.label().equals(label)) return p;
    }
    return null; // not written by us
  }

  /** The stored list; anything else (an annotation edited by hand) counts as none. */
  private static ArrayNode parse(String text) {
    if (text.isBlank()) return Codec.json().createArrayNode();
    try {
      JsonNode node = Codec.json().readTree(text);
      return node instanceof ArrayNode a ? a : Codec.json().createArrayNode();
    } catch (JsonProcessingException e) {
      return Codec.json().createArrayNode();
    }
  }
}

package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The statement of a completed workflow. (Lead's first cut, to be completed: subjects from output
 * artifacts, resolved dependencies, byproducts.)
 */
public final class WorkflowProvenance implements ProvenanceSource {
  public static final String BUILD_TYPE = "https://weft.dev/provenance/workflow/v1";
  private static final ObjectMapper JSON = Codec.json();

  private final BuilderIdentity builder;

  public WorkflowProvenance(BuilderIdentity builder) {
    this.builder = builder;
  }

  @Override
  public byte[] statement(Workflow wf) throws IOException {
    ObjectNode st = JSON.createObjectNode();
    st.put("_type", "https://in-toto.io/Statement/v1");
    ObjectNode subject = st.putArray("subject").addObject();
    subject.put("name", "workflow/" + wf.metadata().namespace() + "/" + wf.metadata().name());
    subject.putObject("digest").put("sha256", sha256(JSON.writeValueAsBytes(wf)));
    st.put("predicateType", "https://slsa.dev/provenance/v1");
    ObjectNode pred = st.putObject("predicate");
    ObjectNode def = pred.putObject("buildDefinition");
    def.put("buildType", BUILD_TYPE);
    ObjectNode ext = def.putObject("externalParameters");
    ext.putObject("workflow")
        .put("namespace", wf.metadata().namespace())
        .put("name", wf.metadata().name());
    ext.put("specSha256", sha256(JSON.writeValueAsBytes(wf.spec())));
    ObjectNode run = pred.putObject("runDetails");
    run.putObject("builder").put("id", builder.id());
    ObjectNode meta = run.putObject("metadata");
    meta.put("invocationId", wf.metadata().uid());
    if (wf.status().startedAt() != null) meta.put("startedOn", wf.status().startedAt().toString());
    if (wf.status().finishedAt() != null)
      meta.put("finishedOn", wf.status().finishedAt().toString());
    return JSON.writeValueAsBytes(st);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

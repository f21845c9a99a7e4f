package dev.weft.controller.provenance;

import dev.weft.model.Workflow;
import java.io.IOException;

/**
 * Makes the in-toto statement (SLSA v1 provenance) of a completed workflow: the exact bytes that
 * will be signed. Reads what it must (artifact bytes, logs, templates) but writes nothing.
 */
@FunctionalInterface
public interface ProvenanceSource {
  byte[] statement(Workflow completed) throws IOException;
}

package dev.weft.kube.exec;

import dev.weft.executor.HostFile;
import dev.weft.model.spec.Artifact;
import java.io.IOException;
import java.nio.file.Path;

/** Moves artifacts between a pod's files and the artifact repository. */
public interface ArtifactTransfer {
  /**
   * Saves what is at {@code source} (a file or a tree, read without following links) under {@code
   * key}; tar.gz unless raw. False if nothing is there.
   */
  boolean save(String namespace, String key, HostFile source, boolean raw) throws IOException;

  /** Writes the input artifact's content (its key's object, its raw data) to {@code dest}. */
  void materialize(String namespace, Artifact artifact, Path dest) throws IOException;

  /** No repository configured: any artifact is an error saying so. */
  ArtifactTransfer NONE =
      new ArtifactTransfer() {
        @Override
        public boolean save(String namespace, String key, HostFile source, boolean raw)
            throws IOException {
          throw new IOException(
              "no artifact repository is configured: set artifactRepository in the controller's"
                  + " ConfigMap");
        }

        @Override
        public void materialize(String namespace, Artifact artifact, Path dest) throws IOException {
          save(namespace, "", new HostFile(dest, ""), true);
        }
      };
}

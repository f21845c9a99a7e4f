package dev.weft.controller.provenance;

import dev.weft.controller.pod.LocalPods;
import dev.weft.model.Workflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A node's whole log, for its byproduct digest: the main container's stdout followed by its stderr,
 * the bytes `weft logs` shows. Empty when the log can no longer be read (the pod was removed by
 * podGC or the workflow's files were deleted before signing); the statement then has no log
 * byproduct for that node.
 */
@FunctionalInterface
public interface NodeLogs {
  String MAIN = "main";

  /** The log of {@code podName}, streamed; the caller closes it. */
  Optional<InputStream> open(Workflow wf, String podName) throws IOException;

  /** Where no log is kept here (the API only); no node gets a log byproduct. */
  static NodeLogs none() {
    return (wf, pod) -> Optional.empty();
  }

  /** The log files local pods keep under the data directory. */
  static NodeLogs of(LocalPods pods) {
    return (wf, pod) -> {
      List<Path> files = pods.logFiles(wf, pod, MAIN);
      Path out = files.get(0);
      Path err = files.get(1);
      if (!Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
      InputStream stdout = Files.newInputStream(out, LinkOption.NOFOLLOW_LINKS);
      try {
        InputStream stderr =
            Files.isRegularFile(err, LinkOption.NOFOLLOW_LINKS)
                ? Files.newInputStream(err, LinkOption.NOFOLLOW_LINKS)
                : InputStream.nullInputStream();
        return Optional.of(new SequenceInputStream(stdout, stderr));
      } catch (IOException | RuntimeException e) {
        stdout.close();
        throw e;
      }
    };
  }
}

package dev.weft.cli;

import dev.weft.controller.HostAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags of `weft run` and `weft server` that open parts of the host to workflows. */
final class HostAccessOptions {
  @Option(
      names = "--allow-host-path",
      paramLabel = "PREFIX",
      description = "Allow hostPath volumes under this host directory (repeatable; default: none).")
  List<Path> hostPaths = new ArrayList<>();

  @Option(
      names = "--allow-privileged",
      description = "Allow containers with securityContext.privileged (default: refused).")
  boolean privileged;

  HostAccess toHostAccess() {
    return new HostAccess(hostPaths, privileged);
  }
}

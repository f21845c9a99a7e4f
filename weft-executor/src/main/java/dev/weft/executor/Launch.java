package dev.weft.executor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one container's process.
 *
 * @param workingDir the container working directory (container path)
 * @param argv the container argv, as the container sees it
 * @param executable the host file argv[0] resolved to
 * @param privateDir a directory of Weft's for this container, out of every container's reach
 */
record Launch(
    ContainerFs fs,
    Path shimDir,
    String hostname,
    String workingDir,
    List<String> argv,
    Path executable,
    Map<String, String> env,
    Resources limits,
    ContainerSecurity security,
    Path privateDir) {}

package dev.weft.executor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the file a container would execute, as execvp does: a program containing a slash is a path
 * (relative ones from the working directory), otherwise each PATH entry is searched.
 */
final class ExecutableLookup {
  private ExecutableLookup() {}

  /**
   * @param toHost maps an absolute path as the process sees it to the host file
   * @param hostCwd the process working directory on the host
   */
  static Optional<Path> find(
      String program, String pathVariable, Path hostCwd, Function<String, Path> toHost) {
    if (program.isEmpty()) {
      return Optional.empty();
    }
    if (program.contains("/")) {
      return executable(program.startsWith("/") ? toHost.apply(program) : hostCwd.resolve(program));
    }
    for (String dir : pathVariable.split(":", -1)) {
      Path candidate =
          dir.startsWith("/")
              ? toHost.apply(dir + "/" + program)
              : hostCwd.resolve(dir.isEmpty() ? "." : dir).resolve(program);
      Optional<Path> found = executable(candidate);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file)
        ? Optional.of(file)
        : Optional.empty();
  }
}

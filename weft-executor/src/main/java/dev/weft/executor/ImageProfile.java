package dev.weft.executor;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What runs on the host for an image, since images are not pulled.
 *
 * @param name profile name, also the name of its shim directory
 * @param entrypoint the image's entrypoint: runs when a container gives no command (args follow)
 * @param programs shim programs (file name to file content) placed in the read-only shim directory
 *     {@code /opt/weft/bin}, first on PATH
 * @param rootFiles container paths (e.g. {@code /argosay}) that get a copy of a shim program
 */
public record ImageProfile(
    String name,
    List<String> entrypoint,
    Map<String, String> programs,
    Map<String, String> rootFiles) {
  public ImageProfile {
    Objects.requireNonNull(name, "name");
    entrypoint = List.copyOf(entrypoint);
    programs = Map.copyOf(programs);
    rootFiles = Map.copyOf(rootFiles);
    for (String program : rootFiles.values()) {
      if (!programs.containsKey(program)) {
        throw new IllegalArgumentException("root file refers to unknown program " + program);
      }
    }
  }
}

package dev.weft.controller.provenance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.executor.ImageProfile;
import dev.weft.executor.ImageProfiles;
import dev.weft.model.spec.Container;
import dev.weft.model.spec.Template;
import dev.weft.provenance.statement.ResourceDescriptor;
import dev.weft.provenance.statement.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What ran on the host for each image, since local mode pulls no image: the image's profile and the
 * host programs its containers' commands reached. A command naming one of the profile's shims
 * (python, node, argosay, cowsay) reaches the programs the shim hands over to (its {@code #!}
 * interpreter and what it {@code exec}s, such as {@code /usr/bin/python3}); any other command is
 * found on the host directories of the sandbox's PATH. Each program becomes a dependency with the
 * sha256 of its file (through links: the bytes that ran).
 */
final class HostExecutables {
  /** The host part of the sandbox's PATH (ContainerEnv.DEFAULT_PATH after the shim directory). */
  private static final List<String> HOST_PATH =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private static final String SHIM_DIR = "/opt/weft/bin/";

  private final ImageProfiles profiles;
  private final Map<String, String> profileOf = new TreeMap<>();
  private final Map<String, Set<String>> commandsOf = new TreeMap<>();

  HostExecutables(ImageProfiles profiles) {
    this.profiles = profiles;
  }

  /** Records the images of a template that ran as a pod. */
  void add(Template t) {
    List<Container> containers = new ArrayList<>();
    if (t.container() != null) containers.add(t.container());
    if (t.script() != null) containers.add(t.script());
    if (t.containerSet() != null && t.containerSet().containers() != null) {
      containers.addAll(t.containerSet().containers());
    }
    if (t.initContainers() != null) containers.addAll(t.initContainers());
    if (t.sidecars() != null) containers.addAll(t.sidecars());
    containers.forEach(this::add);
  }

  private void add(Container c) {
    String image = c.image();
    if (image == null || image.isBlank() || image.contains("{{")) return;
    ImageProfile profile = profiles.profileFor(image);
    profileOf.put(image, profile.name());
    Set<String> commands = commandsOf.computeIfAbsent(image, k -> new TreeSet<>());
    List<String> command =
        c.command() != null && !c.command().isEmpty() ? c.command() : profile.entrypoint();
    if (command.isEmpty() || command.get(0) == null || command.get(0).contains("{{")) return;
    String program = command.get(0);
    String shim = shimNamed(profile, program);
    if (shim != null) {
      handedOver(profile.programs().get(shim)).forEach(p -> resolve(p).ifPresent(commands::add));
    } else {
      resolve(program).ifPresent(commands::add);
    }
  }

  /** The shim program a command names: by name, in the shim directory, or at a root file. */
  private static String shimNamed(ImageProfile profile, String program) {
    String name = program.startsWith(SHIM_DIR) ? program.substring(SHIM_DIR.length()) : program;
    if (profile.programs().containsKey(name)) return name;
    return profile.rootFiles().get(program);
  }

  /** The programs a shim script runs: its interpreter and each absolute path it execs. */
  static List<String> handedOver(String script) {
    List<String> out = new ArrayList<>();
    for (String line : script.split("\n")) {
      String l = line.strip();
      if (out.isEmpty() && l.startsWith("#!")) {
        String[] words = l.substring(2).strip().split("\\s+");
        out.add(words[0]);
        if (words[0].endsWith("/env") && words.length > 1) out.add(words[1]);
      } else if (l.startsWith("exec /")) {
        out.add(l.substring("exec ".length()).split("\\s+")[0]);
      }
    }
    return out;
  }

  /**
   * An absolute path as given, a bare name on the sandbox's host PATH; empty if not there. Either
   * must be an executable file: the command is the workflow's, and the signer can read files the
   * step could not (the server token, a short secret whose digest is guessed in a moment), so only
   * what could have run is hashed.
   */
  private static Optional<String> resolve(String program) {
    if (program.startsWith("/")) {
      return runnable(Path.of(program)) ? Optional.of(program) : Optional.empty();
    }
    if (program.contains("/")) return Optional.empty(); // relative to the container's workingDir
    for (String dir : HOST_PATH) {
      Path p = Path.of(dir, program);
      if (runnable(p)) return Optional.of(p.toString());
    }
    return Optional.empty();
  }

  private static boolean runnable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }

  /** internalParameters.imageProfiles: image to its profile and the host commands it ran. */
  ObjectNode profiles() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    profileOf.forEach(
        (image, profile) -> {
          ObjectNode p = out.putObject(image).put("profile", profile);
          var list = p.putArray("hostCommands");
          commandsOf.getOrDefault(image, Set.of()).forEach(list::add);
        });
    return out;
  }

  /** One dependency per host program, {@code file://PATH} with the sha256 of its bytes. */
  List<ResourceDescriptor> dependencies() throws IOException {
    Set<String> all = new TreeSet<>();
    commandsOf.values().forEach(all::addAll);
    List<ResourceDescriptor> out = new ArrayList<>();
    for (String program : all) {
      Path real;
      String sha;
      try {
        real = Path.of(program).toRealPath();
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) continue;
        try (InputStream in = Files.newInputStream(real)) {
          sha = Sha256.hex(in);
        }
      } catch (java.nio.file.NoSuchFileException removed) {
        continue; // gone since the run (a package upgrade): nothing left to describe
      }
      Map<String, String> notes =
          real.toString().equals(program) ? Map.of() : Map.of("realPath", real.toString());
      out.add(ResourceDescriptor.at("file://" + program, Map.of("sha256", sha), notes));
    }
    return out;
  }
}

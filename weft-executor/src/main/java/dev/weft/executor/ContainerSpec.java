package dev.weft.executor;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One container of a pod, with Kubernetes semantics: {@code command} replaces the image entrypoint
 * and {@code args} follow it; with no command the image profile's entrypoint (if any) runs with the
 * args, otherwise the first arg is the program. {@code script} is an Argo script template source:
 * it is written to {@code /argo/staging/script} and that path is appended as the last argument.
 *
 * @param dependencies names of containers of the same pod that must end successfully first (Argo
 *     containerSet graph); empty for ordinary pods
 * @param security the user, groups and privileges the container runs with
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> command,
    List<String> args,
    Optional<String> script,
    Map<String, String> env,
    Optional<String> workingDir,
    List<Mount> mounts,
    List<FileInput> inputs,
    Resources limits,
    List<String> dependencies,
    ContainerSecurity security) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid container name: " + name);
    }
    image = Objects.requireNonNullElse(image, "");
    command = List.copyOf(command);
    args = List.copyOf(args);
    Objects.requireNonNull(script, "script");
    env = Map.copyOf(env);
    workingDir = workingDir.map(ContainerPaths::requireAbsolute);
    mounts = List.copyOf(mounts);
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(limits, "limits");
    dependencies = List.copyOf(dependencies);
    Objects.requireNonNull(security, "security");
  }

  /** A container with only an image, command and args; refine it with the {@code with*} methods. */
  public static ContainerSpec of(
      String name, String image, List<String> command, List<String> args) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        Optional.empty(),
        Map.of(),
        Optional.empty(),
        List.of(),
        List.of(),
        Resources.NONE,
        List.of(),
        ContainerSecurity.DEFAULT);
  }

  public ContainerSpec withScript(String source) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        Optional.of(source),
        env,
        workingDir,
        mounts,
        inputs,
        limits,
        dependencies,
        security);
  }

  public ContainerSpec withEnv(Map<String, String> newEnv) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        script,
        newEnv,
        workingDir,
        mounts,
        inputs,
        limits,
        dependencies,
        security);
  }

  public ContainerSpec withWorkingDir(String dir) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        script,
        env,
        Optional.of(dir),
        mounts,
        inputs,
        limits,
        dependencies,
        security);
  }

  public ContainerSpec withMounts(List<Mount> newMounts) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        script,
        env,
        workingDir,
        newMounts,
        inputs,
        limits,
        dependencies,
        security);
  }

  public ContainerSpec withInputs(List<FileInput> newInputs) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        script,
        env,
        workingDir,
        mounts,
        newInputs,
        limits,
        dependencies,
        security);
  }

  public ContainerSpec withLimits(Resources newLimits) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        script,
        env,
        workingDir,
        mounts,
        inputs,
        newLimits,
        dependencies,
        security);
  }

  public ContainerSpec withSecurity(ContainerSecurity newSecurity) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        script,
        env,
        workingDir,
        mounts,
        inputs,
        limits,
        dependencies,
        newSecurity);
  }

  public ContainerSpec withDependencies(List<String> newDependencies) {
    return new ContainerSpec(
        name,
        image,
        command,
        args,
        script,
        env,
        workingDir,
        mounts,
        inputs,
        limits,
        newDependencies,
        security);
  }
}

package dev.weft.controller.pod;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.controller.HostAccess;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.engine.Library;
import dev.weft.engine.action.Action;
import dev.weft.executor.ContainerSpec;
import dev.weft.executor.FileInput;
import dev.weft.executor.Mount;
import dev.weft.executor.PodSpec;
import dev.weft.executor.SafePaths;
import dev.weft.model.Workflow;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.Container;
import dev.weft.model.spec.Template;
import dev.weft.model.spec.VolumeMount;
import dev.weft.model.spec.WorkflowSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a pod-kind template into what the executor runs, as a kubelet would run the Pod. */
public final class PodPlanner {
  private final ArtifactRepository artifacts;
  private final Path claimsRoot;
  private final HostAccess hostAccess;

  private final PodSecurity security;

  public PodPlanner(ArtifactRepository artifacts, Path claimsRoot, HostAccess hostAccess) {
    this.artifacts = artifacts;
    this.claimsRoot = claimsRoot;
    this.hostAccess = hostAccess;
    this.security = new PodSecurity(hostAccess.allowPrivileged());
  }

  public PodSpec plan(Action.RunPod run, Workflow wf, WorkflowSpec spec, Library lib, Path podDir)
      throws IOException {
    Template t = run.template();
    Map<String, Path> volumes =
        new PodVolumes(claimsRoot, podDir.resolve("volumes"), lib, hostAccess).resolve(wf, spec, t);
    PodEnv env = new PodEnv(lib, run.podName(), wf);
    PodScope pod =
        new PodScope(
            t.securityContext() != null ? t.securityContext() : spec.securityContext(),
            podDir.resolve("volumes"));
    List<FileInput> inputs =
        stageInputs(
            wf.metadata().namespaceOrDefault(), run.inputArtifacts(), podDir.resolve("inputs"));
    List<ContainerSpec> mains = new ArrayList<>();
    List<VolumeMount> setMounts = List.of();
    switch (t.body()) {
      case Template.ContainerBody b ->
          mains.add(container(pod, "main", b.container(), volumes, env, inputs, List.of()));
      case Template.ScriptBody b ->
          mains.add(
              container(pod, "main", b.script(), volumes, env, inputs, List.of())
                  .withScript(b.script().source() == null ? "" : b.script().source()));
      case Template.ContainerSetBody b -> {
        setMounts =
            b.containerSet().volumeMounts() == null ? List.of() : b.containerSet().volumeMounts();
        for (Container c : b.containerSet().containers()) {
          mains.add(
              container(pod, c.name(), c, volumes, env, inputs, setMounts)
                  .withDependencies(c.dependenciesOrEmpty()));
        }
      }
      default -> throw new IOException("template " + t.name() + " does not run as a pod");
    }
    List<ContainerSpec> inits = new ArrayList<>();
    var initNames = List.copyOf(initNames(t));
    for (int i = 0; i < initNames.size(); i++) {
      Container c = t.initContainersOrEmpty().get(i);
      inits.add(container(pod, initNames.get(i), c, volumes, env, List.of(), mirrored(c, t)));
    }
    List<ContainerSpec> all = new ArrayList<>(mains);
    Set<String> sidecars = sidecarNames(t);
    var sidecarList = List.copyOf(sidecars);
    for (int i = 0; i < sidecarList.size(); i++) {
      Container c = t.sidecarsOrEmpty().get(i);
      all.add(container(pod, sidecarList.get(i), c, volumes, env, List.of(), mirrored(c, t)));
    }
    return new PodSpec(run.podName(), inits, all, sidecars, podDir);
  }

  /** mirrorVolumeMounts: the init container or sidecar also gets the main container's mounts. */
  private static List<VolumeMount> mirrored(Container c, Template t) {
    if (!Boolean.TRUE.equals(c.mirrorVolumeMounts())) return List.of();
    Container main = t.container() != null ? t.container() : t.script();
    return main == null ? List.of() : main.volumeMountsOrEmpty();
  }

  static Set<String> initNames(Template t) {
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    for (Container c : t.initContainersOrEmpty()) out.add(nameOr(c, "init-" + i++));
    return out;
  }

  static Set<String> sidecarNames(Template t) {
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    for (Container c : t.sidecarsOrEmpty()) out.add(nameOr(c, "sidecar-" + i++));
    return out;
  }

  private static String nameOr(Container c, String fallback) {
    return c.name() == null || c.name().isBlank() ? fallback : c.name();
  }

  /** What the containers of one pod share: its securityContext and its own volumes' directory. */
  private record PodScope(JsonNode securityContext, Path volumesDir) {}

  private ContainerSpec container(
      PodScope pod,
      String name,
      Container c,
      Map<String, Path> volumes,
      PodEnv env,
      List<FileInput> inputs,
      List<VolumeMount> extraMounts)
      throws IOException {
    List<Mount> mounts = new ArrayList<>();
    List<VolumeMount> all = new ArrayList<>(extraMounts);
    all.addAll(c.volumeMountsOrEmpty());
    for (VolumeMount vm : all) {
      Path host = volumes.get(vm.name());
      if (host == null) {
        throw new IOException(
            "container " + name + " mounts volume \"" + vm.name() + "\", which is not defined");
      }
      String subPath = "";
      if (vm.subPath() != null && !vm.subPath().isBlank()) {
        // Checked again, without following links, when the container starts: a container of
        // this pod or another may plant links in the volume before then.
        subPath =
            SafePaths.relative(
                vm.subPath(), "container " + name + " volume \"" + vm.name() + "\" subPath");
      }
      mounts.add(
          new Mount(
              host,
              subPath,
              vm.mountPath(),
              Boolean.TRUE.equals(vm.readOnly()),
              provisioned(host, pod)));
    }
    return new ContainerSpec(
        name,
        c.image() == null ? "" : c.image(),
        c.commandOrEmpty(),
        c.argsOrEmpty(),
        Optional.empty(),
        env.of(c),
        Optional.ofNullable(c.workingDir()),
        mounts,
        inputs,
        Quantities.limits(c.resources()),
        List.of(),
        security.of(name, pod.securityContext(), c.securityContext()));
  }

  /**
   * Directories Weft made for pods (volumes, claims) are handed to the steps; hostPaths are not.
   */
  private boolean provisioned(Path host, PodScope pod) {
    Path normalized = host.toAbsolutePath().normalize();
    return normalized.startsWith(claimsRoot.toAbsolutePath().normalize())
        || normalized.startsWith(pod.volumesDir().toAbsolutePath().normalize());
  }

  private List<FileInput> stageInputs(String namespace, List<Artifact> inputs, Path dir)
      throws IOException {
    List<FileInput> out = new ArrayList<>();
    for (Artifact a : inputs) {
      if (a.path() == null) continue;
      Path dest =
          dir.resolve(SafePaths.fileName(a.name(), "input artifact name")).resolve("content");
      artifacts.materialize(namespace, a, dest);
      if (a.mode() != null && Files.isRegularFile(dest, LinkOption.NOFOLLOW_LINKS)) {
        Files.setPosixFilePermissions(
            dest, PosixFilePermissions.fromString(Quantities.mode(a.mode())));
      }
      out.add(new FileInput(dest, a.path()));
    }
    return out;
  }
}

package dev.weft.controller;

import dev.weft.controller.artifact.ArtifactConfigException;
import dev.weft.controller.artifact.ArtifactRepository;
import dev.weft.controller.artifact.ArtifactRepositoryConfig;
import dev.weft.controller.artifact.SecretLookup;
import dev.weft.controller.pod.LocalPods;
import dev.weft.controller.pod.OutputCollector;
import dev.weft.controller.pod.PodPlanner;
import dev.weft.executor.Executor;
import dev.weft.executor.ImageProfiles;
import dev.weft.executor.SandboxExecutor;
import dev.weft.executor.SandboxMode;
import dev.weft.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The parts of a control plane on this machine: its host-process pods and artifact repository. */
final class LocalParts {
  private LocalParts() {}

  /** Steps as sandboxed host processes (or on {@code custom}), their files in {@code dataDir}. */
  static LocalPods pods(
      Path dataDir,
      SandboxMode.Probe sandbox,
      Executor custom,
      HostAccess hostAccess,
      ArtifactRepository artifacts)
      throws IOException {
    DataDir.createPrivate(dataDir);
    ImageProfiles profiles = new ImageProfiles(dataDir.resolve("shims"));
    Executor executor = custom != null ? custom : new SandboxExecutor(profiles, sandbox.mode());
    PodPlanner planner = new PodPlanner(artifacts, dataDir.resolve("volumes"), hostAccess);
    return new LocalPods(
        executor,
        planner,
        new OutputCollector(artifacts),
        dataDir.resolve("pods"),
        Clock.systemDefaultZone(),
        profiles);
  }

  /**
   * The repository {@code config} describes, credentials from the store's Secrets; the data
   * directory's own when {@code config} is null.
   *
   * @throws IllegalArgumentException when the configuration is not a repository
   */
  static ArtifactRepository repository(Path dataDir, ArtifactRepositoryConfig config, Store store) {
    if (config == null) return new ArtifactRepository(dataDir.resolve("artifacts"));
    try {
      return ArtifactRepository.from(
          config, SecretLookup.fromStore(store), dataDir.resolve("artifacts"));
    } catch (ArtifactConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}

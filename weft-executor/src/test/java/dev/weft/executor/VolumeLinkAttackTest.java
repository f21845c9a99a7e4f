package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container plants a link in a volume it shares with a later container of its pod; Weft,
 * preparing the later one as host root, must not follow it to the host.
 */
class VolumeLinkAttackTest {
  @TempDir Path dir;
  Pods pods;
  Path volume;
  Path victim;

  @BeforeEach
  void setUp() throws Exception {
    pods = Pods.sandboxed(dir);
    volume = dir.resolve("volume");
    // A host directory of root's, standing for /etc.
    victim = Files.createDirectories(dir.resolve("victim"));
    Files.writeString(victim.resolve("passwd"), "root:x:0:0\n");
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private PodOutcome runAfterPlanting(String link, ContainerSpec main) {
    ContainerSpec plant =
        sh("plant", "ln -s " + victim + " /v/" + link)
            .withMounts(List.of(new Mount(volume, "/v", false)));
    return await(
        pods.start(
            new PodSpec("pod", List.of(plant), List.of(main), Set.of(), pods.newWorkDir("pod"))));
  }

  private void assertVictimUntouched() throws Exception {
    assertThat(Files.getAttribute(victim, "unix:uid")).isEqualTo(0);
    assertThat(Files.getAttribute(victim.resolve("passwd"), "unix:uid")).isEqualTo(0);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.readString(victim.resolve("passwd"))).isEqualTo("root:x:0:0\n");
    try (var files = Files.list(victim)) {
      assertThat(files).containsExactly(victim.resolve("passwd"));
    }
  }

  @Test
  void aSubPathThroughAPlantedLinkIsRefusedAndTheHostDirectoryKeepsItsOwner() throws Exception {
    ContainerSpec main =
        sh("main", "echo 'evil' >> /h/passwd")
            .withMounts(List.of(new Mount(volume, "a", "/h", false, true)));

    ContainerOutcome outcome = runAfterPlanting("a", main).container("main");

    assertThat(outcome.started()).isFalse();
    assertThat(outcome.error().orElseThrow()).contains("is a symbolic link");
    assertVictimUntouched();
  }

  @Test
  void aWorkingDirThroughAPlantedLinkIsRefused() throws Exception {
    ContainerSpec main =
        sh("main", "touch made")
            .withMounts(List.of(new Mount(volume, "/v", false)))
            .withWorkingDir("/v/w/sub");

    ContainerOutcome outcome = runAfterPlanting("w", main).container("main");

    assertThat(outcome.started()).isFalse();
    assertThat(outcome.error().orElseThrow()).contains("is a symbolic link");
    assertVictimUntouched();
  }

  @Test
  void aVolumeOverTheScriptStagingDirectoryIsRefused() throws Exception {
    ContainerSpec main =
        Pods.container("main", "alpine", "sh")
            .withScript("echo 'evil' > /etc/cron-like")
            .withMounts(List.of(new Mount(volume, "/argo/staging", false)));

    ContainerOutcome outcome = runAfterPlanting("script", main).container("main");

    assertThat(outcome.started()).isFalse();
    assertThat(outcome.error().orElseThrow()).contains("would hide /argo/staging");
    assertVictimUntouched();
  }

  @Test
  void anInputArtifactOverTheScriptStagingDirectoryIsRefused() throws Exception {
    // An artifact an earlier step made: /argo holding staging -> the host directory.
    Path artifact = Files.createDirectories(dir.resolve("artifact"));
    Files.createSymbolicLink(artifact.resolve("staging"), victim);
    ContainerSpec main =
        Pods.container("main", "alpine", "sh")
            .withScript("echo 'evil' > /etc/cron-like")
            .withInputs(List.of(new FileInput(artifact, "/argo")));

    ContainerOutcome outcome = pods.run(main).container("main");

    assertThat(outcome.started()).isFalse();
    assertThat(outcome.error().orElseThrow()).contains("would cover /argo/staging");
    assertVictimUntouched();
  }
}

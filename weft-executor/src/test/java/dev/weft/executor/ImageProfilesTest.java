package dev.weft.executor;

import static dev.weft.executor.Pods.await;
import static dev.weft.executor.Pods.container;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageProfilesTest {
  @TempDir Path dir;
  Pods pods;

  @BeforeEach
  void setUp() {
    pods = Pods.sandboxed(dir);
  }

  private static ContainerSpec argosay(String image, String... args) {
    return ContainerSpec.of("main", image, List.of(), List.of(args));
  }

  @Test
  void argosayWithoutArgsSaysHelloArgo() {
    RunningPod pod = pods.start("hello", argosay("argoproj/argosay:v2"));

    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("hello argo\n");
  }

  @Test
  void argosayEchoWritesToAFile() throws Exception {
    RunningPod pod = pods.start("echo", argosay("argoproj/argosay:v2", "echo", "hi", "/tmp/out/f"));

    assertThat(await(pod).container("main").succeeded()).isTrue();

    assertThat(Files.readString(pod.hostPath("main", "/tmp/out/f"))).isEqualTo("hi\n");
  }

  @Test
  void argosayExitPropagatesTheCode() {
    ContainerOutcome outcome =
        pods.run(argosay("argoproj/argosay:v2", "exit", "7")).container("main");

    assertThat(outcome.exitCode()).isEqualTo(7);
  }

  @Test
  void argosayIsAlsoAtTheImageRoot() {
    RunningPod pod =
        pods.start(
            "root-argosay", container("main", "argoproj/argosay:v2", "/argosay", "echo", "x"));

    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("x\n");
  }

  @Test
  void argosayAssertContainsFailsWhenTheTextIsMissing() {
    ContainerOutcome outcome =
        pods.run(argosay("argoproj/argosay:v2", "assert_contains", "/etc/hostname", "no-such-text"))
            .container("main");

    assertThat(outcome.exitCode()).isEqualTo(1);
  }

  @Test
  void argosayV1SaysItsArgumentLikeCowsay() {
    RunningPod pod = pods.start("v1", argosay("argoproj/argosay:v1", "moo there"));

    await(pod);

    assertThat(pod.stdout("main", 10_000)).contains("< moo there >", "(oo)");
  }

  @Test
  void whalesayCowsayPrintsABubbleWithTheMessage() {
    RunningPod pod =
        pods.start("whale", container("main", "docker/whalesay:latest", "cowsay", "hello world"));

    await(pod);

    assertThat(pod.stdout("main", 10_000))
        .startsWith(" _____________\n< hello world >\n -------------\n")
        .contains("##        .");
  }

  @Test
  void nodeImageRunsNode() {
    RunningPod pod =
        pods.start("node", container("main", "node:20", "node", "-e", "console.log(6*7)"));

    await(pod);

    assertThat(pod.stdout("main", 100)).isEqualTo("42\n");
  }

  @Test
  void imagesWithoutAProfileHaveNoShims() {
    ImageProfiles profiles = new ImageProfiles(dir.resolve("shims"));

    assertThat(profiles.profileFor("docker.io/library/busybox:1.36").programs()).isEmpty();
    assertThat(profiles.profileFor("docker.io/library/python:3.12").programs())
        .containsKey("python");
    assertThat(profiles.profileFor("quay.io/argoproj/argosay:v2").entrypoint())
        .containsExactly("argosay");
  }
}

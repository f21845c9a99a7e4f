package dev.weft.kube.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/Dockerfile, read as text: there is no Docker engine where these tests run, so the image is
 * never built here. These checks only keep the file consistent with the manifests.
 */
class DockerfileTest {
  private final String dockerfile = Deploy.read(Deploy.dir().resolve("Dockerfile"));

  private List<String> instructions(String keyword) {
    return dockerfile.lines().filter(l -> l.startsWith(keyword + " ")).toList();
  }

  @Test
  void headerSaysTheImageIsNotBuiltInCi() {
    String header = dockerfile.substring(0, dockerfile.indexOf("\nFROM "));
    assertThat(header).contains("NOT BUILT IN CI").contains("no Docker engine");
  }

  @Test
  void buildsWithMavenOnTemurin25AndRunsOnTheTemurin25Jre() {
    assertThat(instructions("FROM"))
        .containsExactly(
            "FROM maven:3.9-eclipse-temurin-25 AS build", "FROM eclipse-temurin:25-jre");
    assertThat(dockerfile).contains("mvn -B -DskipTests");
  }

  @Test
  void runsAsTheUidTheManifestsNameWithWeftAsEntrypoint() {
    assertThat(instructions("USER")).containsExactly("USER 8737:8737");
    assertThat(instructions("ENTRYPOINT")).containsExactly("ENTRYPOINT [\"weft\"]");
  }

  @Test
  void copiesTheCliItsLibrariesAndTheLauncher() {
    assertThat(dockerfile)
        .contains("/src/weft-cli/target/weft.jar /opt/weft/weft.jar")
        .contains("/src/weft-cli/target/lib/ /opt/weft/lib/")
        .contains("/src/weft-launcher/target/weft-launch /usr/local/bin/weft-launch")
        .contains("> /usr/local/bin/weft");
  }
}

package dev.weft.controller.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.model.spec.Artifact;
import dev.weft.model.spec.RawArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactRepositoryTest {
  @TempDir Path tmp;

  private static Artifact keyed(String name, String key, String subPath) {
    var s3 = JsonNodeFactory.instance.objectNode().put("key", key);
    return new Artifact(
        name, "/in", null, null, null, null, null, null, null, subPath, null, null, null, null, s3,
        null, null, null, null, null, null, null);
  }

  @Test
  void aFileSavedAsTarGzComesBackAsTheSameFile() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    Path file = Files.writeString(tmp.resolve("hello.txt"), "hello\n");
    repo.put("wf/pod/hello.tgz", file, false);

    Path dest = tmp.resolve("out/hello");
    repo.materialize(keyed("hello", "wf/pod/hello.tgz", null), dest);

    assertThat(dest).hasContent("hello");
  }

  @Test
  void aDirectorySavedAsTarGzComesBackWithItsFiles() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    Path dir = Files.createDirectories(tmp.resolve("parts"));
    Files.writeString(dir.resolve("a.json"), "{}");
    Files.writeString(dir.resolve("b.json"), "[]");
    repo.put("wf/parts.tgz", dir, false);

    Path dest = tmp.resolve("out/parts");
    repo.materialize(keyed("parts", "wf/parts.tgz", null), dest);

    assertThat(dest.resolve("a.json")).hasContent("{}");
    assertThat(dest.resolve("b.json")).hasContent("[]");
  }

  @Test
  void archiveNoneKeepsTheContentAsIsAndSubPathPicksAFile() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    Path dir = Files.createDirectories(tmp.resolve("parts"));
    Files.writeString(dir.resolve("1.json"), "one");
    repo.put("wf/parts", dir, true);

    assertThat(tmp.resolve("repo/wf/parts/1.json")).hasContent("one");
    Path dest = tmp.resolve("out/one");
    repo.materialize(keyed("one", "wf/parts", "1.json"), dest);
    assertThat(dest).hasContent("one");
  }

  @Test
  void rawArtifactsAreWrittenFromTheirData() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    Artifact raw =
        new Artifact(
            "r",
            "/in",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new RawArtifact("inline text"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    Path dest = tmp.resolve("out/r");
    repo.materialize(raw, dest);

    assertThat(dest).hasContent("inline text");
  }

  @Test
  void aMissingKeyIsAClearError() {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    assertThatThrownBy(() -> repo.materialize(keyed("x", "nope/x.tgz", null), tmp.resolve("o")))
        .isInstanceOf(IOException.class)
        .hasMessage("artifact \"x\": key nope/x.tgz does not exist");
  }

  @Test
  void aKeyCannotEscapeTheRepository() {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    assertThatThrownBy(
            () -> repo.materialize(keyed("x", "../../etc/passwd", null), tmp.resolve("o")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("escapes the repository");
  }
}

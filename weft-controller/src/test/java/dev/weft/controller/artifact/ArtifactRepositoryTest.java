package dev.weft.controller.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.executor.HostFile;
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

  private HostFile step(String relative) {
    return new HostFile(tmp.resolve("step"), relative);
  }

  private Path stepFile(String relative, String content) throws IOException {
    Path p = tmp.resolve("step").resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  @Test
  void aFileSavedAsTarGzComesBackAsTheSameFile() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("hello.txt", "hello\n");
    assertThat(repo.save("default", "wf/pod/hello.tgz", step("hello.txt"), false, "a")).isTrue();

    Path dest = tmp.resolve("out/hello");
    repo.materialize("default", keyed("hello", "wf/pod/hello.tgz", null), dest);

    assertThat(dest).hasContent("hello");
  }

  @Test
  void aDirectorySavedAsTarGzComesBackWithItsFiles() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("parts/a.json", "{}");
    stepFile("parts/b.json", "[]");
    repo.save("default", "wf/parts.tgz", step("parts"), false, "a");

    Path dest = tmp.resolve("out/parts");
    repo.materialize("default", keyed("parts", "wf/parts.tgz", null), dest);

    assertThat(dest.resolve("a.json")).hasContent("{}");
    assertThat(dest.resolve("b.json")).hasContent("[]");
  }

  @Test
  void archiveNoneKeepsTheContentAsIsAndSubPathPicksAFile() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("parts/1.json", "one");
    repo.save("default", "wf/parts", step("parts"), true, "a");

    assertThat(tmp.resolve("repo/default/wf/parts/1.json")).hasContent("one");
    Path dest = tmp.resolve("out/one");
    repo.materialize("default", keyed("one", "wf/parts", "1.json"), dest);
    assertThat(dest).hasContent("one");
  }

  @Test
  void nothingAtTheOutputPathIsReportedAsNotSaved() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    Files.createDirectories(tmp.resolve("step"));
    assertThat(repo.save("default", "wf/x.tgz", step("missing"), false, "a")).isFalse();
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
    repo.materialize("default", raw, dest);

    assertThat(dest).hasContent("inline text");
  }

  @Test
  void aMissingKeyIsAClearError() {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    assertThatThrownBy(
            () -> repo.materialize("default", keyed("x", "nope/x.tgz", null), tmp.resolve("o")))
        .isInstanceOf(IOException.class)
        .hasMessage("artifact \"x\": key nope/x.tgz does not exist");
  }

  @Test
  void aKeyWithDotDotIsRefused() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    Files.createDirectories(tmp.resolve("repo/other"));
    Files.writeString(tmp.resolve("repo/other/x"), "other namespace");
    assertThatThrownBy(
            () -> repo.materialize("default", keyed("x", "../other/x", null), tmp.resolve("o")))
        .isInstanceOf(IOException.class)
        .hasMessage("artifact key \"../other/x\" must not contain '..'");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void anOutputKeyWithDotDotIsRefused() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("f", "x");
    assertThatThrownBy(() -> repo.save("default", "a/../../../escaped", step("f"), true, "a"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("must not contain '..'");
    assertThat(tmp.resolve("escaped")).doesNotExist();
  }

  @Test
  void aNamespaceWithDotDotIsRefused() {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    assertThatThrownBy(() -> repo.materialize("..", keyed("x", "k", null), tmp.resolve("o")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("namespace \"..\" must consist of lower case");
  }

  @Test
  void theSameKeyInTwoNamespacesIsTwoArtifacts() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("f", "from a");
    repo.save("team-a", "shared/f", step("f"), true, "a");

    assertThatThrownBy(
            () -> repo.materialize("team-b", keyed("f", "shared/f", null), tmp.resolve("o")))
        .hasMessage("artifact \"f\": key shared/f does not exist");
    repo.materialize("team-a", keyed("f", "/shared/f", null), tmp.resolve("o"));
    assertThat(tmp.resolve("o")).hasContent("from a");
  }

  @Test
  void aSubPathWithDotDotIsRefused() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("parts/1.json", "one");
    repo.save("default", "wf/parts", step("parts"), true, "a");
    Files.writeString(tmp.resolve("repo/default/wf/secret"), "not in the artifact");

    assertThatThrownBy(
            () ->
                repo.materialize(
                    "default", keyed("one", "wf/parts", "../secret"), tmp.resolve("o")))
        .hasMessage("artifact \"one\" subPath: \"../secret\" must not contain \"..\"");
  }

  @Test
  void aSubPathThroughAStoredLinkIsRefused() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    Path hostDir = Files.createDirectories(tmp.resolve("host"));
    Files.writeString(hostDir.resolve("secret"), "HOST");
    Files.createDirectories(tmp.resolve("step/parts"));
    Files.createSymbolicLink(tmp.resolve("step/parts/up"), hostDir);
    repo.save("default", "wf/parts.tgz", step("parts"), false, "a");

    assertThatThrownBy(
            () ->
                repo.materialize(
                    "default", keyed("p", "wf/parts.tgz", "up/secret"), tmp.resolve("o")))
        .hasMessageContaining("is a symbolic link");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void extractionCopiesOutAndLeavesNothingBehind() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("parts/1.json", "one");
    repo.save("default", "wf/parts.tgz", step("parts"), false, "a");
    Path out = Files.createDirectories(tmp.resolve("out"));

    repo.materialize("default", keyed("one", "wf/parts.tgz", "1.json"), out.resolve("one"));

    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("one");
    }
    assertThat(out.resolve("one")).hasContent("one");
  }

  @Test
  void aDownloadIsTheStoredFileUnderItsKeysName() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("hello.txt", "hello\n");
    repo.save("default", "wf/pod/hello", step("hello.txt"), true, "a");

    ArtifactRepository.Download d = repo.download("default", keyed("hello", "wf/pod/hello", null));

    try (var in = d.stream()) {
      assertThat(new String(in.readAllBytes())).isEqualTo("hello\n");
    }
    assertThat(d.fileName()).isEqualTo("hello");
  }

  @Test
  void aDirectoryIsDownloadedPackedAndItsStagingRemovedOnClose() throws IOException {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));
    stepFile("parts/a.json", "{}");
    repo.save("default", "wf/parts", step("parts"), true, "a");

    ArtifactRepository.Download d = repo.download("default", keyed("parts", "wf/parts", null));
    byte[] head;
    try (var in = d.stream()) {
      head = in.readNBytes(2);
    }

    assertThat(d.fileName()).isEqualTo("parts.tgz");
    assertThat(head).containsExactly(0x1f, 0x8b);
    try (var left = Files.list(tmp.resolve("repo"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".download"));
    }
  }

  @Test
  void downloadingAnAbsentKeyIsNotFound() {
    ArtifactRepository repo = new ArtifactRepository(tmp.resolve("repo"));

    assertThatThrownBy(() -> repo.download("default", keyed("gone", "wf/gone", null)))
        .isInstanceOf(ArtifactNotFoundException.class);
  }
}

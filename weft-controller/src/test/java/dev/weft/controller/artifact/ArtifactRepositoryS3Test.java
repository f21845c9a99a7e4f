package dev.weft.controller.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.executor.HostFile;
import dev.weft.model.spec.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ArtifactRepository}'s archives, keys and locations over a real S3-compatible server. */
class ArtifactRepositoryS3Test {
  static S3Fixture s3;
  @TempDir Path tmp;
  ArtifactRepository repo;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Fixture.start();
    s3.createBucket("own-bucket");
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @BeforeEach
  void repository() throws IOException {
    var config =
        new ArtifactRepositoryConfig(
            null, s3.repository(), null, null, null, null, null, null, null);
    repo = ArtifactRepository.from(config, S3Fixture.rightSecrets(), tmp.resolve("scratch"));
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private static Artifact at(String name, JsonNode s3, String subPath) {
    return new Artifact(
        name, "/in", null, null, null, null, null, null, null, subPath, null, null, null, null, s3,
        null, null, null, null, null, null, null);
  }

  private static ObjectNode key(String key) {
    return JsonNodeFactory.instance.objectNode().put("key", key);
  }

  private HostFile step(String relative) {
    return new HostFile(tmp.resolve("step"), relative);
  }

  private void stepFile(String relative, String content) throws IOException {
    Path p = tmp.resolve("step").resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void readStoredGivesTheArchiveAsStoredAndAnUnarchivedDirectoryFileByFile() throws IOException {
    stepFile("one.txt", "one");
    stepFile("tree/b.txt", "bee");
    stepFile("tree/a/c.txt", "sea");
    assertThat(repo.save("default", "wf/one.tgz", step("one.txt"), false, "a")).isTrue();
    assertThat(repo.save("default", "wf/tree", step("tree"), true, "b")).isTrue();
    java.util.Map<String, String> seen = new java.util.LinkedHashMap<>();

    repo.readStored(
        "default",
        at("one", key("wf/one.tgz"), null),
        (path, in) -> seen.put("one:" + path, Integer.toString(in.readAllBytes().length)));
    repo.readStored(
        "default",
        at("tree", key("wf/tree"), null),
        (path, in) -> seen.put("tree:" + path, new String(in.readAllBytes())));

    long archived =
        s3.blobs().getBlob(S3Fixture.BUCKET, "default/wf/one.tgz").getMetadata().getSize();
    assertThat(seen)
        .containsExactly(
            java.util.Map.entry("one:", Long.toString(archived)),
            java.util.Map.entry("tree:a/c.txt", "sea"),
            java.util.Map.entry("tree:b.txt", "bee"));
    assertThat(repo.readStored("default", at("gone", key("wf/nothing"), null), (p, in) -> {}))
        .isFalse();
  }

  @Test
  void aDirectorySavedAsTarGzComesBackAsTheSameDirectory() throws IOException {
    stepFile("parts/1.json", "{}");
    stepFile("parts/sub/2.json", "[]");
    assertThat(repo.save("default", "wf/parts.tgz", step("parts"), false, "a")).isTrue();
    assertThat(s3.blobs().blobExists(S3Fixture.BUCKET, "default/wf/parts.tgz")).isTrue();

    Path dest = tmp.resolve("in/parts");
    repo.materialize("default", at("parts", key("wf/parts.tgz"), null), dest);
    assertThat(dest.resolve("1.json")).hasContent("{}");
    assertThat(dest.resolve("sub/2.json")).hasContent("[]");
  }

  @Test
  void aSubPathIsTakenFromInsideTheArchive() throws IOException {
    stepFile("parts/sub/2.json", "[]");
    repo.save("default", "wf/sub.tgz", step("parts"), false, "a");
    Path dest = tmp.resolve("in/two");
    repo.materialize("default", at("two", key("wf/sub.tgz"), "sub/2.json"), dest);
    assertThat(dest).hasContent("[]");
  }

  @Test
  void aKeyOnlyArtifactReadsThatKeyInTheDefaultRepository() throws IOException {
    stepFile("hello.txt", "hello\n");
    repo.save("default", key("/my/own/key"), "/my/own/key", step("hello.txt"), true, "a");
    assertThat(s3.blobs().blobExists(S3Fixture.BUCKET, "default/my/own/key")).isTrue();

    Path dest = tmp.resolve("in/hello");
    repo.materialize("default", at("hello", key("my/own/key"), null), dest);
    assertThat(dest).hasContent("hello\n");
  }

  @Test
  void anArtifactWithItsOwnBucketIsStoredThereWithoutTheNamespacePrefix() throws IOException {
    ObjectNode own =
        (ObjectNode) s3.repositoryNode().put("bucket", "own-bucket").put("key", "x/out");
    stepFile("out.txt", "mine");
    repo.save("team-a", own, "x/out", step("out.txt"), true, "a");
    assertThat(s3.blobs().blobExists("own-bucket", "x/out")).isTrue();

    Path dest = tmp.resolve("in/out");
    repo.materialize("team-a", at("out", own, null), dest);
    assertThat(dest).hasContent("mine");
  }

  @Test
  void anArtifactsOwnBucketIsReachedWithItsNamespacesCredentialsOnly() throws IOException {
    ObjectNode own = (ObjectNode) s3.repositoryNode().put("bucket", "own-bucket").put("key", "y");
    stepFile("y", "y");
    repo.save("team-a", own, "y", step("y"), true, "a");
    assertThatThrownBy(() -> repo.materialize("nobody", at("y", own, null), tmp.resolve("o")))
        .isInstanceOf(ArtifactConfigException.class)
        .hasMessageContaining("artifact \"y\": s3.accessKeySecret")
        .hasMessageContaining("namespace \"nobody\"");
  }

  @Test
  void anArtifactsOwnLocationMayNotBorrowTheControllersCredentials() {
    ObjectNode own = JsonNodeFactory.instance.objectNode();
    own.put("bucket", "own-bucket").put("endpoint", s3.endpoint()).put("useSDKCreds", true);
    own.put("key", "k");
    assertThatThrownBy(() -> repo.materialize("default", at("k", own, null), tmp.resolve("o")))
        .isInstanceOf(ArtifactConfigException.class)
        .hasMessageStartingWith("artifact \"k\": s3.useSDKCreds: not allowed on an artifact");
  }

  @Test
  void aBadFieldInAnArtifactsOwnLocationIsNamed() {
    ObjectNode own = (ObjectNode) s3.repositoryNode().put("insecure", "maybe").put("key", "k");
    assertThatThrownBy(() -> repo.materialize("default", at("k", own, null), tmp.resolve("o")))
        .isInstanceOf(ArtifactConfigException.class)
        .hasMessage("artifact \"k\": s3.insecure: expected true or false, got \"maybe\"");
  }

  @Test
  void aMissingKeyNamesTheArtifactKeyAndBucket() {
    assertThatThrownBy(
            () ->
                repo.materialize("default", at("gone", key("no/such.tgz"), null), tmp.resolve("o")))
        .hasMessage(
            "artifact \"gone\": key no/such.tgz does not exist in bucket \"artifacts\" at http://"
                + s3.endpoint());
  }

  @Test
  void theDefaultKeyIsArgosKeyFormat() throws IOException {
    var ctx = new ArtifactStore.KeyContext("wf", "default", "u1", "wf-1", null);
    assertThat(repo.defaultKey(ctx, "out", false)).isEqualTo("wf/wf-1/out.tgz");
  }
}

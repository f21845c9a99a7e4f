package dev.weft.controller.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ArtifactStoreTest {
  static S3Fixture s3;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Fixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  private S3ArtifactStore store(SecretLookup secrets) {
    return new S3ArtifactStore(s3.repository(), secrets, true, "artifactRepository.s3");
  }

  private Path file(String name, String content) throws IOException {
    Path p = tmp.resolve("src").resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  @Test
  void aFilePutComesBackByteForByte() throws IOException {
    try (var store = store(S3Fixture.rightSecrets())) {
      store.put("default", "wf/pod/hello.txt", file("hello.txt", "hello\n"));
      store.get("default", "wf/pod/hello.txt", tmp.resolve("out"));
      assertThat(tmp.resolve("out")).hasContent("hello\n");
    }
  }

  @Test
  void anUnarchivedDirectoryIsOneObjectPerFileAndComesBackAsADirectory() throws IOException {
    file("dir/a.txt", "a");
    file("dir/sub/b.txt", "b");
    try (var store = store(S3Fixture.rightSecrets())) {
      store.put("default", "wf/dir", tmp.resolve("src/dir"));
      assertThat(s3.blobs().blobExists(S3Fixture.BUCKET, "default/wf/dir/sub/b.txt")).isTrue();
      assertThat(store.exists("default", "wf/dir")).isTrue();
      store.get("default", "wf/dir", tmp.resolve("out"));
      assertThat(tmp.resolve("out/a.txt")).hasContent("a");
      assertThat(tmp.resolve("out/sub/b.txt")).hasContent("b");
      store.delete("default", "wf/dir");
      assertThat(store.exists("default", "wf/dir")).isFalse();
    }
  }

  @Test
  void aLinkInAnUnarchivedDirectoryIsLeftOutNotFollowed() throws IOException {
    file("dir/a.txt", "a");
    java.nio.file.Files.createSymbolicLink(tmp.resolve("src/dir/shadow"), Path.of("/etc/shadow"));
    try (var store = store(S3Fixture.rightSecrets())) {
      store.put("default", "wf/linked", tmp.resolve("src/dir"));
      assertThat(s3.blobs().blobExists(S3Fixture.BUCKET, "default/wf/linked/a.txt")).isTrue();
      assertThat(s3.blobs().blobExists(S3Fixture.BUCKET, "default/wf/linked/shadow")).isFalse();
    }
  }

  @Test
  void aMissingKeyIsNotFoundNamingTheBucketAndEndpoint() {
    try (var store = store(S3Fixture.rightSecrets())) {
      assertThatThrownBy(() -> store.get("default", "no/such/key", tmp.resolve("out")))
          .isInstanceOf(ArtifactNotFoundException.class)
          .hasMessageContaining("no/such/key")
          .hasMessageContaining("bucket \"artifacts\" at http://" + s3.endpoint());
      assertThat(tmp.resolve("out")).doesNotExist();
    }
  }

  @Test
  void wrongCredentialsAreRefusedNamingBucketAndEndpointButNotTheSecret() {
    String wrong = "not-the-secret-4242";
    try (var store = store(S3Fixture.secrets(S3Fixture.ACCESS_KEY, wrong, "default"))) {
      assertThatThrownBy(() -> store.put("default", "k", file("f", "x")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("access to bucket \"artifacts\" at http://" + s3.endpoint())
          .hasMessageContaining("secret \"s3-creds\" key \"secretkey\"")
          .hasMessageNotContaining(wrong)
          .hasMessageNotContaining(S3Fixture.SECRET_KEY);
    }
  }

  @Test
  void aMissingCredentialsSecretNamesTheFieldAndNamespace() {
    try (var store = store(S3Fixture.rightSecrets())) {
      assertThatThrownBy(() -> store.exists("elsewhere", "k"))
          .isInstanceOf(ArtifactConfigException.class)
          .hasMessage(
              "artifactRepository.s3.accessKeySecret: secret \"s3-creds\" key \"accesskey\""
                  + " not found in namespace \"elsewhere\"");
    }
  }

  @Test
  void keysThatWouldLeaveTheirNamespaceAreRefusedBeforeAnyRequest() {
    // no credentials at all: a refusal must come from the key check, not from the server
    try (var store = store(SecretLookup.none())) {
      for (String key : new String[] {"../team-b/k", "a/../../k", "/abs", "a//b", "./a", ""}) {
        assertThatThrownBy(() -> store.get("team-a", key, tmp.resolve("out")))
            .as(key)
            .isInstanceOf(IOException.class)
            .isNotInstanceOf(ArtifactConfigException.class)
            .hasMessageStartingWith("artifact key");
      }
      assertThatThrownBy(() -> store.get("team-a/..", "k", tmp.resolve("out")))
          .hasMessageStartingWith("namespace");
    }
  }

  @Test
  void namespacesShareTheDefaultBucketButNotEachOthersKeys() throws IOException {
    try (var store = store(S3Fixture.rightSecrets())) {
      store.put("team-a", "shared/f", file("f", "a's"));
      assertThat(s3.blobs().blobExists(S3Fixture.BUCKET, "team-a/shared/f")).isTrue();
      assertThat(store.exists("team-b", "shared/f")).isFalse();
      assertThatThrownBy(() -> store.get("team-b", "shared/f", tmp.resolve("out")))
          .isInstanceOf(ArtifactNotFoundException.class);
    }
  }

  @Test
  void aStoredFileCanBeStreamed() throws IOException {
    try (var store = store(S3Fixture.rightSecrets())) {
      store.put("default", "stream/f", file("f", "streamed"));
      try (InputStream in = store.open("default", "stream/f")) {
        assertThat(new String(in.readAllBytes())).isEqualTo("streamed");
      }
      assertThatThrownBy(() -> store.open("default", "stream/none"))
          .isInstanceOf(ArtifactNotFoundException.class);
    }
  }

  @Test
  void theDefaultKeyFollowsKeyFormatThenTheArtifactsFileName() throws IOException {
    var ctx =
        new ArtifactStore.KeyContext("wf", "default", "uid-1", "wf-123", "2024-03-05T07:08:09Z");
    try (var store = store(S3Fixture.rightSecrets())) {
      assertThat(store.defaultKey(ctx, "out", false)).isEqualTo("wf/wf-123/out.tgz");
      assertThat(store.defaultKey(ctx, "out", true)).isEqualTo("wf/wf-123/out");
    }
    var dated =
        new S3ArtifactStore(
            withKeyFormat(
                "runs/{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}"
                    + "/{{ workflow.uid }}"),
            SecretLookup.none(),
            true,
            "artifactRepository.s3");
    try (dated) {
      assertThat(dated.defaultKey(ctx, "out", false)).isEqualTo("runs/2024/03/uid-1/out.tgz");
    }
  }

  @Test
  void anUnreachableEndpointIsNamedInTheError() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    var r = s3.repository();
    var cfg =
        new ArtifactRepositoryConfig.S3(
            r.bucket(),
            "127.0.0.1:" + closed,
            null,
            true,
            null,
            null,
            null,
            r.accessKeySecret(),
            r.secretKeySecret(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    try (var store =
        new S3ArtifactStore(cfg, S3Fixture.rightSecrets(), true, "artifactRepository.s3")) {
      assertThatThrownBy(() -> store.exists("default", "k"))
          .hasMessageStartingWith(
              "cannot reach bucket \"artifacts\" at http://127.0.0.1:"
                  + closed
                  + " (artifactRepository.s3.endpoint)")
          .hasMessageNotContaining(S3Fixture.SECRET_KEY);
    }
  }

  private static ArtifactRepositoryConfig.S3 withKeyFormat(String format) {
    var r = s3.repository();
    return new ArtifactRepositoryConfig.S3(
        r.bucket(),
        r.endpoint(),
        null,
        true,
        format,
        null,
        null,
        r.accessKeySecret(),
        r.secretKeySecret(),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}

package dev.weft.controller.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactRepositoryConfigTest {
  @TempDir Path tmp;

  private static final String ARGO =
      """
      artifactRepository:
        archiveLogs: true
        s3:
          bucket: my-bucket
          endpoint: minio:9000
          insecure: true
          keyFormat: "{{workflow.namespace}}/{{workflow.name}}/{{pod.name}}"
          accessKeySecret: {name: my-minio-cred, key: accesskey}
          secretKeySecret: {name: my-minio-cred, key: secretkey}
      executor: {image: ignored}
      """;

  @Test
  void readsArgosConfigmapShape() throws Exception {
    var c = ArtifactRepositoryConfig.parse(ARGO, "config.yaml");
    assertThat(c.archiveLogs()).isTrue();
    assertThat(c.s3().bucket()).isEqualTo("my-bucket");
    assertThat(c.s3().isInsecure()).isTrue();
    assertThat(c.s3().pathStyle()).isTrue();
    assertThat(c.s3().regionOrDefault()).isEqualTo("us-east-1");
    assertThat(c.s3().accessKeySecret().name()).isEqualTo("my-minio-cred");
  }

  @Test
  void readsTheBareValueAsJsonToo() throws Exception {
    var c =
        ArtifactRepositoryConfig.parse(
            "{\"s3\": {\"bucket\": \"b\", \"endpoint\": \"s3.amazonaws.com\", \"useSDKCreds\": true}}",
            "cm");
    assertThat(c.s3().sdkCreds()).isTrue();
    assertThat(c.s3().pathStyle()).isFalse();
    assertThat(c.s3().keyFormatOrDefault()).isEqualTo("{{workflow.name}}/{{pod.name}}");
  }

  @Test
  void aWrongTypeIsReportedAtItsLineColumnAndField() {
    String yaml = "s3:\n  bucket: b\n  insecure: maybe\n";
    assertThatThrownBy(() -> ArtifactRepositoryConfig.parse(yaml, "cm"))
        .isInstanceOf(ArtifactConfigException.class)
        .hasMessage(
            "cm:3:13: artifactRepository.s3.insecure: expected true or false, got \"maybe\"");
  }

  @Test
  void aMisspeltFieldIsNamedWithTheKnownOnes() {
    String yaml =
        "artifactRepository:\n  s3:\n    bucket: b\n    acessKeySecret: {name: x, key: y}\n";
    assertThatThrownBy(() -> ArtifactRepositoryConfig.parse(yaml, "cm"))
        .hasMessageStartingWith("cm:4:")
        .hasMessageContaining("artifactRepository.s3.acessKeySecret: unknown field; known: ")
        .hasMessageContaining("accessKeySecret");
  }

  @Test
  void brokenYamlIsReportedAtItsLine() {
    assertThatThrownBy(() -> ArtifactRepositoryConfig.parse("s3:\n  bucket: [b\n", "cm"))
        .isInstanceOf(ArtifactConfigException.class)
        .hasMessageStartingWith("cm:");
  }

  @Test
  void aMissingBucketIsNamed() {
    assertThatThrownBy(() -> ArtifactRepositoryConfig.parse("s3: {useSDKCreds: true}", "cm"))
        .hasMessage("cm: artifactRepository.s3.bucket: required, the bucket's name");
  }

  @Test
  void anEndpointWithASchemeIsRefusedSayingWhatIsExpected() {
    assertThatThrownBy(
            () ->
                ArtifactRepositoryConfig.parse(
                    "s3: {bucket: b, endpoint: 'http://minio:9000', useSDKCreds: true}", "cm"))
        .hasMessage(
            "cm: artifactRepository.s3.endpoint: expected host[:port] without a scheme or path"
                + " (insecure: true for http), got \"http://minio:9000\"");
  }

  @Test
  void anUnknownKeyFormatVariableIsRefusedWhenRead() {
    assertThatThrownBy(
            () ->
                ArtifactRepositoryConfig.parse(
                    "s3: {bucket: b, useSDKCreds: true, keyFormat: '{{workflow.labels.x}}/a'}",
                    "cm"))
        .hasMessageStartingWith(
            "cm: artifactRepository.s3.keyFormat: unknown variable {{workflow.labels.x}}; known:");
  }

  @Test
  void credentialsOrSdkCredsAreRequired() {
    assertThatThrownBy(() -> ArtifactRepositoryConfig.parse("s3: {bucket: b}", "cm"))
        .hasMessageStartingWith(
            "cm: artifactRepository.s3: expected accessKeySecret and secretKeySecret");
    assertThatThrownBy(
            () ->
                ArtifactRepositoryConfig.parse(
                    "s3: {bucket: b, accessKeySecret: {name: c, key: a}}", "cm"))
        .hasMessage(
            "cm: artifactRepository.s3: accessKeySecret and secretKeySecret go together; one is"
                + " missing");
  }

  @Test
  void otherRepositoryKindsAndUnsupportedFieldsAreNamed() {
    assertThatThrownBy(() -> ArtifactRepositoryConfig.parse("gcs: {bucket: b}", "cm"))
        .hasMessageStartingWith("cm: artifactRepository.gcs: not supported");
    assertThatThrownBy(
            () ->
                ArtifactRepositoryConfig.parse(
                    "s3: {bucket: b, useSDKCreds: true, roleARN: arn:aws:iam::1:role/x}", "cm"))
        .hasMessage("cm: artifactRepository.s3.roleARN: not supported by Weft yet");
  }

  @Test
  void withoutConfigurationTheStoreIsTheLocalDirectory() throws Exception {
    assertThat(ArtifactStores.from(null, SecretLookup.none(), tmp))
        .isInstanceOf(LocalArtifactStore.class);
    var c = ArtifactRepositoryConfig.parse(ARGO, "cm");
    try (ArtifactStore store = ArtifactStores.from(c, SecretLookup.none(), tmp)) {
      assertThat(store).isInstanceOf(S3ArtifactStore.class);
      assertThat(store.describe()).isEqualTo("bucket \"my-bucket\" at http://minio:9000");
    }
  }

  @Test
  void anInvalidConfigBuiltInCodeIsRefusedByTheFactory() {
    var c = new ArtifactRepositoryConfig(null, null, null, null, null, null, null, null, null);
    assertThatThrownBy(() -> ArtifactStores.from(c, SecretLookup.none(), tmp))
        .isInstanceOf(ArtifactConfigException.class)
        .hasMessageStartingWith("artifactRepository.s3: required");
  }
}

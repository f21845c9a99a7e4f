package dev.weft.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class VerificationTest {
  private static final String A = "aa".repeat(32);
  private static final String B = "bb".repeat(32);
  private static final String T = "cc".repeat(32);
  private final SigningKey key = SigningKey.generate();
  private final Envelope envelope = Dsse.sign(key, Dsse.IN_TOTO, SampleStatement.json(A, B, T));

  private static Function<String, Optional<String>> lookup(Map<String, String> digests) {
    return name -> Optional.ofNullable(digests.get(name));
  }

  private static final Map<String, String> BOTH =
      Map.of(SampleStatement.ARTIFACT_A, A, SampleStatement.ARTIFACT_B, B);

  @Test
  void everySubjectMatchingIsVerified() {
    Verification.Outcome outcome = Verification.check(envelope, key.publicKey(), lookup(BOTH));
    assertThat(outcome).isEqualTo(new Verification.Verified(key.keyId(), 2, 0));
    assertThat(outcome.holds()).isTrue();
  }

  @Test
  void anotherKeyIsABadSignature() {
    SigningKey other = SigningKey.generate();
    assertThat(Verification.check(envelope, other.publicKey(), lookup(BOTH)))
        .isEqualTo(new Verification.BadSignature(other.keyId()));
  }

  @Test
  void theSignatureIsCheckedBeforeAnySubjectIsLookedUp() {
    SigningKey other = SigningKey.generate();
    Verification.check(
        envelope,
        other.publicKey(),
        name -> {
          throw new AssertionError("looked up " + name);
        });
  }

  @Test
  void aChangedArtifactNamesItsSubject() {
    Map<String, String> changed =
        Map.of(SampleStatement.ARTIFACT_A, A, SampleStatement.ARTIFACT_B, "00".repeat(32));
    assertThat(Verification.check(envelope, key.publicKey(), lookup(changed)))
        .isEqualTo(
            new Verification.SubjectMismatch(SampleStatement.ARTIFACT_B, B, "00".repeat(32)));
  }

  @Test
  void anAbsentArtifactIsAMissingSubject() {
    assertThat(
            Verification.check(
                envelope, key.publicKey(), lookup(Map.of(SampleStatement.ARTIFACT_B, B))))
        .isEqualTo(new Verification.MissingSubject(SampleStatement.ARTIFACT_A));
  }

  @Test
  void selectedDependenciesAreCheckedByUri() {
    Verification.Outcome outcome =
        Verification.check(
            envelope,
            key.publicKey(),
            lookup(BOTH),
            uri -> uri.startsWith("weft:"),
            lookup(Map.of(SampleStatement.TEMPLATE, T)));
    assertThat(outcome).isEqualTo(new Verification.Verified(key.keyId(), 2, 1));
  }

  @Test
  void aChangedTemplateNamesItsDependency() {
    assertThat(
            Verification.check(
                envelope,
                key.publicKey(),
                lookup(BOTH),
                uri -> uri.startsWith("weft:"),
                lookup(Map.of(SampleStatement.TEMPLATE, "11".repeat(32)))))
        .isEqualTo(
            new Verification.DependencyMismatch(SampleStatement.TEMPLATE, T, "11".repeat(32)));
  }

  @Test
  void aDeletedTemplateIsAMissingDependency() {
    assertThat(
            Verification.check(
                envelope,
                key.publicKey(),
                lookup(BOTH),
                uri -> uri.startsWith("weft:"),
                lookup(Map.of())))
        .isEqualTo(new Verification.MissingDependency(SampleStatement.TEMPLATE));
  }

  @Test
  void aSignedPayloadThatIsNotAStatementSaysWhy() {
    Envelope notJson = Dsse.sign(key, Dsse.IN_TOTO, "not json".getBytes(StandardCharsets.UTF_8));
    assertThat(Verification.check(notJson, key.publicKey(), lookup(BOTH)))
        .isInstanceOf(Verification.NotAStatement.class);
  }

  @Test
  void aStatementWithoutSubjectsIsRefused() {
    Envelope empty =
        Dsse.sign(
            key,
            Dsse.IN_TOTO,
            "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[]}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(Verification.check(empty, key.publicKey(), lookup(BOTH)).describe())
        .isEqualTo("not an in-toto statement: subject: expected a non-empty array");
  }

  @Test
  void aStatementOfAnotherInTotoVersionIsRefused() {
    Envelope old =
        Dsse.sign(
            key,
            Dsse.IN_TOTO,
            new String(SampleStatement.json(A, B, T), StandardCharsets.UTF_8)
                .replace("Statement/v1", "Statement/v0.1")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(Verification.check(old, key.publicKey(), lookup(BOTH)).describe())
        .isEqualTo(
            "not an in-toto statement: _type: expected https://in-toto.io/Statement/v1, found"
                + " \"https://in-toto.io/Statement/v0.1\"");
  }

  @Test
  void resolvedDependenciesThatAreNoListAreRefusedNotThrown() {
    Envelope odd =
        Dsse.sign(
            key,
            Dsse.IN_TOTO,
            ("{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\""
                    + SampleStatement.ARTIFACT_A
                    + "\",\"digest\":{\"sha256\":\""
                    + A
                    + "\"}}],\"predicate\":{\"buildDefinition\":{\"resolvedDependencies\":"
                    + "{\"uri\":\"weft:x\"}}}}")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(
            Verification.check(odd, key.publicKey(), lookup(BOTH), uri -> true, lookup(Map.of()))
                .describe())
        .isEqualTo("not an in-toto statement: resolvedDependencies: expected a list");
  }
}

package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Workflow;
import dev.weft.model.codec.Codec;
import org.junit.jupiter.api.Test;

/** Why a workflow has no attestation, as the API says it. */
class AttestationHandlersTest {

  @Test
  void aFailedVerdictTheSubmitterWroteIsNotReportedAsTheSigners() throws Exception {
    Workflow forged =
        Codec.yaml()
            .readValue(
                """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: forged
                  namespace: default
                  uid: 7c1e4c6e-0000-4000-8000-000000000001
                  annotations:
                    weft.dev/signed: "failed"
                    weft.dev/signing-error: "the key was revoked; see https://evil.example"
                spec: {entrypoint: main}
                status: {phase: Succeeded, finishedAt: "2026-12-06T18:00:03Z"}
                """,
                Workflow.class);

    assertThat(AttestationHandlers.whyNone(forged))
        .isEqualTo(
            "workflow \"forged\" has no attestation yet: it finished Succeeded and is not signed"
                + " yet");
  }
}

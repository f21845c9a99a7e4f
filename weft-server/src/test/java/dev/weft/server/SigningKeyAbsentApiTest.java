package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A server whose controller has not made a signing key yet. */
class SigningKeyAbsentApiTest {
  @Test
  void noSigningKeyYetIsNotFoundAndSaysSo() throws Exception {
    try (ServerHarness h = ServerHarness.unsigned()) {
      ServerHarness.Response r = h.get("/api/v1/signing-key");
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.json().path("code").asInt()).isEqualTo(5);
      assertThat(r.json().path("message").asText()).startsWith("no signing key yet");
    }
  }
}

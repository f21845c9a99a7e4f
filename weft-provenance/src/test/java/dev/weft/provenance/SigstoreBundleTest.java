package dev.weft.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigstoreBundleTest {
  private final SigningKey key = SigningKey.generate();
  private final Envelope envelope = SampleStatement.signed(key);

  @Test
  void theBundleHasProtobufSpecsFieldNames() throws Exception {
    JsonNode bundle = new ObjectMapper().readTree(SigstoreBundle.wrap(envelope, key.keyId()));
    assertThat(bundle.path("mediaType").asText())
        .isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
    assertThat(bundle.at("/verificationMaterial/publicKey/hint").asText()).isEqualTo(key.keyId());
    assertThat(bundle.at("/verificationMaterial/tlogEntries").isArray()).isTrue();
    assertThat(bundle.at("/dsseEnvelope/payloadType").asText()).isEqualTo(Dsse.IN_TOTO);
    assertThat(bundle.at("/dsseEnvelope/signatures/0/keyid").asText()).isEqualTo(key.keyId());
  }

  @Test
  void theEnvelopeComesBackOutOfItsBundle() throws Exception {
    assertThat(SigstoreBundle.envelopeOf(SigstoreBundle.wrap(envelope, key.keyId())))
        .isEqualTo(envelope);
  }

  @Test
  void aBareEnvelopeIsReadAsItIs() throws Exception {
    assertThat(SigstoreBundle.envelopeOf(envelope.toJson())).isEqualTo(envelope);
  }

  @Test
  void aBrokenEnvelopeInABundleNamesItsField() {
    byte[] broken =
        ("{\"mediaType\":\"" + SigstoreBundle.MEDIA_TYPE + "\",\"dsseEnvelope\":{\"payload\":1}}")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SigstoreBundle.envelopeOf(broken))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessage("dsseEnvelope: payloadType: expected a string");
  }
}

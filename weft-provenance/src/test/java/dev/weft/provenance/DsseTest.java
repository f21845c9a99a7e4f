package dev.weft.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DsseTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void paeReproducesTheSpecificationsTestVector() {
    assertThat(Dsse.pae("http://example.com/HelloWorld", utf8("hello world")))
        .isEqualTo(utf8("DSSEv1 29 http://example.com/HelloWorld 11 hello world"));
  }

  @Test
  void paeCountsBytesNotCharacters() {
    String body = "{\"name\":\"café ☕\"}"; // 16 characters, 20 bytes
    assertThat(new String(Dsse.pae("t", utf8(body)), StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 1 t 20 " + body);
  }

  @Test
  void aNonAsciiPayloadSignsAndVerifies() {
    SigningKey key = SigningKey.generate();
    Envelope env = Dsse.sign(key, Dsse.IN_TOTO, utf8("{\"subject\":\"Grüße, 世界\"}"));
    assertThat(Dsse.verify(env, key.publicKey())).isTrue();
  }

  @Test
  void anEnvelopeSurvivesItsJsonForm() throws Exception {
    SigningKey key = SigningKey.generate();
    Envelope env = Dsse.sign(key, Dsse.IN_TOTO, utf8("{}"));
    Envelope back = Envelope.parse(env.toJson());
    assertThat(back).isEqualTo(env);
    assertThat(back.signatures().get(0).keyid()).isEqualTo(key.keyId());
    assertThat(Dsse.verify(back, key.publicKey())).isTrue();
  }

  @Test
  void oneFlippedPayloadByteFailsVerification() {
    SigningKey key = SigningKey.generate();
    Envelope env = Dsse.sign(key, Dsse.IN_TOTO, utf8("{\"a\":1}"));
    byte[] changed = env.payload().clone();
    changed[5] ^= 1;
    assertThat(
            Dsse.verify(
                new Envelope(env.payloadType(), changed, env.signatures()), key.publicKey()))
        .isFalse();
  }

  @Test
  void anotherPayloadTypeFailsVerification() {
    SigningKey key = SigningKey.generate();
    Envelope env = Dsse.sign(key, Dsse.IN_TOTO, utf8("{}"));
    assertThat(
            Dsse.verify(
                new Envelope("text/plain", env.payload(), env.signatures()), key.publicKey()))
        .isFalse();
  }

  @Test
  void anotherKeyFailsVerification() {
    Envelope env = Dsse.sign(SigningKey.generate(), Dsse.IN_TOTO, utf8("{}"));
    assertThat(Dsse.verify(env, SigningKey.generate().publicKey())).isFalse();
  }

  @Test
  void urlSafeBase64IsReadToo() throws Exception {
    String json = "{\"payloadType\":\"t\",\"payload\":\"-_8\",\"signatures\":[{\"sig\":\"AA\"}]}";
    Envelope env = Envelope.parse(utf8(json));
    assertThat(env.payload()).containsExactly(0xfb, 0xff);
  }

  @Test
  void aMissingFieldIsNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Envelope.parse(utf8("{\"payloadType\":\"t\",\"signatures\":[]}")))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("payload");
  }
}

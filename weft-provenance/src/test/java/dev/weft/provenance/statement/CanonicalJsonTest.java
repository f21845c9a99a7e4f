package dev.weft.provenance.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void keysAreSortedAtEveryDepthAndArraysKeepTheirOrder() throws Exception {
    var node = JSON.readTree("{\"b\": 1, \"a\": [3, {\"d\": 1, \"c\": \"x\"}, 2]}");

    assertThat(new String(CanonicalJson.bytes(node), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":[3,{\"c\":\"x\",\"d\":1},2],\"b\":1}");
  }

  @Test
  void theDigestIsTheSha256OfTheCanonicalBytesWhateverTheStoredOrder() throws Exception {
    var one = JSON.readTree("{\"x\": {\"q\": 1, \"p\": 2}, \"w\": null}");
    var other = JSON.readTree("{\"w\": null, \"x\": {\"p\": 2, \"q\": 1}}");

    assertThat(CanonicalJson.sha256(one))
        .isEqualTo(CanonicalJson.sha256(other))
        .isEqualTo(
            Sha256.hex("{\"w\":null,\"x\":{\"p\":2,\"q\":1}}".getBytes(StandardCharsets.UTF_8)));
  }
}

package dev.weft.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static String canonical(String json) throws Exception {
    return new String(CanonicalJson.bytes(tree(json)), StandardCharsets.UTF_8);
  }

  @Test
  void keysAreSortedAtEveryDepthAndWhitespaceDropped() throws Exception {
    assertThat(canonical("{ \"b\": [ {\"y\":1, \"x\":2} ], \"a\": \"é\" }"))
        .isEqualTo("{\"a\":\"é\",\"b\":[{\"x\":2,\"y\":1}]}");
  }

  @Test
  void whatTheStoreSetsInMetadataIsLeftOut() throws Exception {
    assertThat(
            canonical(
                """
                {"metadata":{"name":"greet","namespace":"default","resourceVersion":"41",
                 "uid":"u","generation":3,"creationTimestamp":"2026-12-06T17:00:00Z",
                 "managedFields":[{}],"labels":{"l":"v"}},"spec":{}}"""))
        .isEqualTo(
            "{\"metadata\":{\"labels\":{\"l\":\"v\"},\"name\":\"greet\",\"namespace\":\"default\"},"
                + "\"spec\":{}}");
  }

  @Test
  void theSameObjectWrittenTwoWaysHasOneDigest() throws Exception {
    assertThat(CanonicalJson.sha256(tree("{\"spec\":{\"a\":1,\"b\":2},\"metadata\":{}}")))
        .isEqualTo(
            CanonicalJson.sha256(
                tree("{\"metadata\":{\"resourceVersion\":\"9\"},\"spec\":{\"b\":2,\"a\":1}}")));
  }

  @Test
  void theCallersTreeIsNotChanged() throws Exception {
    JsonNode object = tree("{\"metadata\":{\"uid\":\"u\"}}");
    CanonicalJson.sha256(object);
    assertThat(object.path("metadata").path("uid").asText()).isEqualTo("u");
  }
}

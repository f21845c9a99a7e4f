package dev.weft.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.ObjectMeta;
import dev.weft.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookClientsTest {

  private static Secret secret(Map<String, String> data) {
    var encoded = new java.util.HashMap<String, String>();
    data.forEach(
        (k, v) ->
            encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new Secret("v1", "Secret", ObjectMeta.named("x"), encoded, null, "Opaque", null);
  }

  @Test
  void entriesAreReadInNameOrderAndUnreadableOrUnknownOnesAreLeftOut() {
    var clients =
        WebhookClients.clients(
            secret(
                Map.of(
                    "b", "type: gitlab\nsecret: s\n",
                    "a", "type: github\nsecret: s\n",
                    "c", "type: svn\nsecret: s\n",
                    "d", "[not, a, mapping]",
                    "e", "type: github\nsecret: [unclosed\n")));
    assertThat(clients).extracting(WebhookClient::name).containsExactly("a", "b");
  }

  @Test
  void bitbucketServerSignsWithXHubSignatureAndNeedsAnEventKey() throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String sig = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    WebhookClient client = new WebhookClient("bbs", "bitbucketserver", "k");
    Map<String, String> headers =
        Map.of("X-Hub-Signature", sig, "X-Event-Key", "repo:refs_changed");
    assertThat(client.matches(headers::get, body)).isTrue();
    assertThat(client.matches(Map.of("X-Hub-Signature", sig)::get, body)).isFalse();
  }

  @Test
  void anUppercaseHexSignatureIsTheSameSignature() throws Exception {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String hex = HexFormat.of().withUpperCase().formatHex(mac.doFinal(body));
    WebhookClient client = new WebhookClient("gh", "github", "k");
    assertThat(client.matches(Map.of("X-Hub-Signature-256", "sha256=" + hex)::get, body)).isTrue();
    assertThat(client.matches(Map.of("X-Hub-Signature-256", hex)::get, body)).isFalse();
  }
}

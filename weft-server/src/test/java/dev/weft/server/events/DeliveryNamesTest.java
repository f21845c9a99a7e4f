package dev.weft.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryNamesTest {

  @Test
  void aGithubDeliveryIsKeyedByHookDeliveryAndPath() {
    Map<String, String> headers = Map.of("X-GitHub-Delivery", "abc", "X-GitHub-Hook-ID", "42");

    assertThat(DeliveryNames.dedupKey(headers::get, "argo", "ci", null))
        .contains("github:42:abc:argo:ci");
  }

  @Test
  void anIdempotencyKeyIsUsedWhenThereIsNoGithubDelivery() {
    Map<String, String> headers = Map.of("Idempotency-Key", "k");

    assertThat(DeliveryNames.dedupKey(headers::get, "argo", "", null))
        .contains("idempotency:k:argo:");
  }

  @Test
  void aVerifiedClientsKeyIsItsOwn() {
    Map<String, String> headers = Map.of("Idempotency-Key", "k");

    assertThat(DeliveryNames.dedupKey(headers::get, "argo", "", "ci"))
        .contains("idempotency:k:argo::client=ci");
  }

  @Test
  void aColonInAKeyCannotMakeItCollideWithAnotherDiscriminatorsKey() {
    Map<String, String> keyWithColons = Map.of("Idempotency-Key", "k:argo:x");
    Map<String, String> plainKey = Map.of("Idempotency-Key", "k");

    assertThat(DeliveryNames.dedupKey(keyWithColons::get, "argo", "", null))
        .isNotEqualTo(DeliveryNames.dedupKey(plainKey::get, "argo", "x:argo:", null));
  }

  @Test
  void theSameKeyGivesTheSameDeliveryNameAndNoKeyARandomOne() {
    Optional<String> key = Optional.of("idempotency:k:argo:");

    assertThat(DeliveryNames.delivery(key))
        .isEqualTo(DeliveryNames.delivery(key))
        .matches("ev-[0-9a-f]{20}");
    assertThat(DeliveryNames.delivery(Optional.empty()))
        .isNotEqualTo(DeliveryNames.delivery(Optional.empty()));
  }

  @Test
  void aLongBindingNameIsCutSoThatTheWorkflowNameFits63Characters() {
    String name = DeliveryNames.workflow("ev-1", "a".repeat(51) + ".b" + "c".repeat(100));

    assertThat(name).hasSize(62).matches("a{51}-[0-9a-f]{10}");
    assertThat(DeliveryNames.workflow("ev-1", "b".repeat(80))).hasSize(63);
  }
}

package dev.weft.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

  @Test
  void aSharedSecretSentAsAHeaderIsRecordedRedacted() {
    var metadata =
        EventMetadata.of(
            List.of(
                Map.entry("X-Gitlab-Token", "gl-secret"),
                Map.entry("X-Hook-UUID", "{bitbucket-secret}"),
                Map.entry("X-Gitlab-Event", "Push Hook")),
            "localhost:2746",
            "127.0.0.1",
            "gitlab");

    assertThat(metadata.get("x-gitlab-token")).containsExactly(EventMetadata.REDACTED);
    assertThat(metadata.get("x-hook-uuid")).containsExactly(EventMetadata.REDACTED);
    assertThat(metadata.get("x-gitlab-event")).containsExactly("Push Hook");
  }
}

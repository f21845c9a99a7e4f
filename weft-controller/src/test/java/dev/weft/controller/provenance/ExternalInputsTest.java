package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of an input's URL reaches the statement: never its credentials. */
class ExternalInputsTest {

  @Test
  void theUserInfoOfAnOrdinaryUrlIsRemoved() {
    assertThat(ExternalInputs.withoutUserInfo("https://user:secret@example.com/a?b=1#c"))
        .isEqualTo("https://example.com/a?b=1#c");
  }

  @Test
  void thePasswordIsRemovedWhenTheHostIsNoDnsName() {
    // java.net.URI reads this authority as registry-based: no host, no user-info
    assertThat(ExternalInputs.withoutUserInfo("https://user:secret@my_host.internal/x"))
        .isEqualTo("https://my_host.internal/x");
  }

  @Test
  void aPasswordHoldingAnAtSignIsRemovedWhole() {
    assertThat(ExternalInputs.withoutUserInfo("https://user:p@ss w@host/x"))
        .isEqualTo("https://host/x");
  }

  @Test
  void anAtSignInThePathIsNoUserInfo() {
    assertThat(ExternalInputs.withoutUserInfo("https://host/users/@me"))
        .isEqualTo("https://host/users/@me");
  }
}

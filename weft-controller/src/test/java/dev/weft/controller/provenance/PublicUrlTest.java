package dev.weft.controller.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of an input's URL reaches the statement: never its credentials. */
class PublicUrlTest {

  @Test
  void theUserInfoOfAnOrdinaryUrlIsRemoved() {
    assertThat(PublicUrl.of("https://user:secret@example.com/a?b=1#c"))
        .isEqualTo("https://example.com/a?b=1#c");
  }

  @Test
  void thePasswordIsRemovedWhenTheHostIsNoDnsName() {
    // java.net.URI reads this authority as registry-based: no host, no user-info
    assertThat(PublicUrl.of("https://user:secret@my_host.internal/x"))
        .isEqualTo("https://my_host.internal/x");
  }

  @Test
  void aPasswordHoldingAnAtSignIsRemovedWhole() {
    assertThat(PublicUrl.of("https://user:p@ss w@host/x")).isEqualTo("https://host/x");
  }

  @Test
  void anAtSignInThePathIsNoUserInfo() {
    assertThat(PublicUrl.of("https://host/users/@me")).isEqualTo("https://host/users/@me");
  }

  @Test
  void thePresignedPartsOfAnS3UrlAreRedactedAndTheRestKept() {
    assertThat(
            PublicUrl.of(
                "https://bucket.s3.amazonaws.com/data.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                    + "&X-Amz-Credential=AKIA%2F20261206&X-Amz-Signature=abc123&X-Amz-Expires=3600"))
        .isEqualTo(
            "https://bucket.s3.amazonaws.com/data.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&X-Amz-Expires=3600");
  }

  @Test
  void anAzureSasSignatureAndATokenAreRedactedBeforeTheFragment() {
    assertThat(PublicUrl.of("https://a.blob.core.windows.net/c/b?sv=2022&sig=xyz&token=t#part"))
        .isEqualTo("https://a.blob.core.windows.net/c/b?sv=2022&sig=REDACTED&token=REDACTED#part");
  }

  @Test
  void aQueryWithoutCredentialsIsKeptAsWritten() {
    assertThat(PublicUrl.of("https://example.com/a?b=1&flag&c=&d=x%26y"))
        .isEqualTo("https://example.com/a?b=1&flag&c=&d=x%26y");
  }
}

package dev.weft.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void dns1123LabelsAreLowerCaseAlphanumericsAndDashes() {
    assertThat(Names.dns1123Label("my-volume-1")).isEmpty();
    assertThat(Names.dns1123Label("..")).isPresent();
    assertThat(Names.dns1123Label("a/b")).isPresent();
    assertThat(Names.dns1123Label("Upper")).isPresent();
    assertThat(Names.dns1123Label("-a")).isPresent();
    assertThat(Names.dns1123Label("a".repeat(64))).contains("must be no more than 63 characters");
  }

  @Test
  void dns1123SubdomainsAreDotSeparatedLabelsOfAtMost253Characters() {
    assertThat(Names.dns1123Subdomain("weft-signing-key")).isEmpty();
    assertThat(Names.dns1123Subdomain("a.b-c.d")).isEmpty();
    assertThat(Names.dns1123Subdomain("a..b")).isPresent();
    assertThat(Names.dns1123Subdomain("a-.b")).isPresent();
    assertThat(Names.dns1123Subdomain("b/c")).isPresent();
    assertThat(Names.dns1123Subdomain("a".repeat(254))).isPresent();
    assertThat(Names.dns1123Subdomain(null)).isPresent();
  }

  @Test
  void configKeysAllowDotsButNotDotOrDotDotOrSlashes() {
    assertThat(Names.configKey("app.properties")).isEmpty();
    assertThat(Names.configKey("..")).contains("\"..\" must not be '.' or '..'");
    assertThat(Names.configKey(".")).isPresent();
    assertThat(Names.configKey("../x")).isPresent();
  }

  @Test
  void relativePathsHaveNoDotDotAndNameSomething() {
    assertThat(Names.relativePath("a/b.tgz", false)).isEmpty();
    assertThat(Names.relativePath("/a/b.tgz", true)).isEmpty();
    assertThat(Names.relativePath("/a/b.tgz", false)).isPresent();
    assertThat(Names.relativePath("a/../../b", true))
        .contains("\"a/../../b\" must not contain '..'");
    assertThat(Names.relativePath(".", true)).contains("\".\" names no file");
    assertThat(Names.relativePath("", true)).contains("must not be empty");
  }
}

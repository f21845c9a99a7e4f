package dev.weft.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionTest {
  @Test
  void hostAndPortMeansPlainHttp() {
    assertThat(Connection.parse("127.0.0.1:2800")).hasToString("http://127.0.0.1:2800");
  }

  @Test
  void hostAloneGetsTheDefaultPort() {
    assertThat(Connection.parse("weft.example")).hasToString("http://weft.example:2746");
  }

  @Test
  void urlIsKeptWithoutItsTrailingSlash() {
    assertThat(Connection.parse("https://weft.example:8443/"))
        .hasToString("https://weft.example:8443");
  }

  @Test
  void otherSchemesAndPathsAreBadInput() {
    assertThatThrownBy(() -> Connection.parse("ftp://x")).isInstanceOf(ClientException.class);
    assertThatThrownBy(() -> Connection.parse("http://x:1/api"))
        .hasMessageContaining("not a server address");
  }
}

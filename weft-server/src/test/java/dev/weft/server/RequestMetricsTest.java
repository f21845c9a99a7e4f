package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request counter's labels come from a small fixed set, whatever a client sends. */
class RequestMetricsTest {
  static ServerHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = new ServerHarness();
  }

  @AfterAll
  static void stop() throws Exception {
    h.close();
  }

  /** Each made-up method was a new series kept for the server's life: memory without a token. */
  @Test
  void madeUpMethodsAreCountedUnderOneLabel() throws Exception {
    for (int i = 0; i < 3; i++) {
      RawHttp.exchange(
          h.server.port(),
          "MADEUP" + i + " /anything HTTP/1.1\r\nHost: 127.0.0.1:" + h.server.port(),
          "");
    }
    String metrics = h.get("/metrics").body();
    assertThat(metrics).doesNotContain("MADEUP");
    assertThat(metrics).contains("method=\"other\",path=\"unmatched\"");
  }
}

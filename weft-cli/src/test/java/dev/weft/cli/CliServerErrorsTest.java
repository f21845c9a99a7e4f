package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.CliHarness.Result;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the client commands report refusals, missing servers and missing tokens. */
class CliServerErrorsTest {
  @TempDir static Path serverHome;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(serverHome);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void serverRefusalPrintsItsMessageAndExitsTwo() {
    Result r = server.weft("get", "no-such-workflow");
    r.assertOneBadInputError();
    assertThat(r.error()).isEqualTo("weft: workflows \"no-such-workflow\" not found");
  }

  @Test
  void badLabelSelectorIsTheServersMessage() {
    Result r = server.weft("list", "-l", "in (");
    r.assertOneBadInputError();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void connectionRefusedNamesTheServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Result r = CliHarness.weft("list", "--server", "127.0.0.1:" + port);
    r.assertOneBadInputError();
    assertThat(r.error())
        .contains("cannot reach the weft server at http://127.0.0.1:" + port)
        .contains("connection refused");
  }

  @Test
  void missingTokenIsRefusedWithAHint(@TempDir Path elsewhere) {
    System.setProperty("weft.home", elsewhere.toString());
    Result r = CliHarness.weft("list", "--server", server.url());
    r.assertOneBadInputError();
    assertThat(r.error()).startsWith("weft: token not provided").contains("--token");
  }

  @Test
  void wrongTokenIsRefused() {
    Result r = server.weft("list", "--token", "not-the-token");
    r.assertOneBadInputError();
    assertThat(r.error()).startsWith("weft: token not valid");
  }

  @Test
  void serverGivenAsHostAndPortIsReached() {
    System.setProperty("weft.home", server.dataDir.toString());
    Result r = CliHarness.weft("list", "--server", "127.0.0.1:" + server.server.port());
    assertThat(r.exit()).as(r.all()).isZero();
  }

  @Test
  void malformedServerAddressIsBadInput() {
    Result r = CliHarness.weft("list", "--server", "ftp://x/y");
    r.assertOneBadInputError();
    assertThat(r.error()).contains("--server").contains("not a server address");
  }

  @Test
  void unknownOutputFormatIsUsageError() {
    Result r = server.weft("list", "-o", "xml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("expected one of json, yaml, wide, name");
    r.assertNoStackTrace();
  }

  @Test
  void controlCommandWithNeitherRunNorServerSaysBoth() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Result r = CliHarness.weft("terminate", "ghost", "--server", "127.0.0.1:" + port);
    r.assertOneBadInputError();
    assertThat(r.error()).contains("cannot reach the weft server");
  }
}
